#pragma once
// A booking (予約): a resident's appointment at the counter for one or more procedures, made by
// phone, at the counter or by the municipality's booking service (imported). On the day it is
// checked in and becomes a visit (a Case) whose procedure lines are the booking's procedures. A
// booking holds no My Number and no address: only what the phone call or the booking form gives.
#include "core/cases/applicant.hpp"
#include "core/cases/procedure.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::bookings {

using BookingId = std::int64_t;

// The stored state. "Missed" is also what a booking still "booked" is taken for once its time is
// long past (standing.hpp decides when); a missed booking can still be checked in that day.
enum class BookingState { Booked, Arrived, Missed, Cancelled };
// How the booking came: typed at the counter, taken by phone, or imported from the booking
// service's file (with that service's id for it).
enum class BookingSource { Counter, Phone, Import };
// The language the resident wants the slip in.
enum class BookingLanguage { Ja, En };

struct BookingStateInfo {
    BookingState state;
    std::string_view id;     // "booked" — part of the madoguchi-cli contract
    std::string_view nameJa; // 予約中
    std::string_view nameEn; // Booked
};
std::span<const BookingStateInfo> allBookingStates();
const BookingStateInfo& info(BookingState s);
std::string_view bookingStateId(BookingState s);
BookingState parseBookingState(std::string_view id); // ValidationError listing the ids

std::string_view bookingSourceId(BookingSource s); // "counter", "phone", "import"
BookingSource parseBookingSource(std::string_view id);
std::string_view bookingLanguageId(BookingLanguage l); // "ja", "en"
BookingLanguage parseBookingLanguage(std::string_view id);

// A wall-clock time at the office: the day and the minutes after midnight (10:15 = 615).
struct StartTime {
    boost::gregorian::date day;
    int minute = 0;
    std::strong_ordering operator<=>(const StartTime&) const = default;
    bool operator==(const StartTime&) const = default;
};

// "2026-12-03T10:15" (also with seconds and an offset, as the JSON gives it back; a space for the
// T). ValidationError naming `what` otherwise.
StartTime parseStartTime(const std::string& text, const std::string& what);
// A date as Japanese spreadsheets and lists write it: 2026-12-03, 2026/12/3 or 2026/12/03.
// ValidationError naming `what` for anything else, or a day that does not exist.
boost::gregorian::date parseListDate(const std::string& text, const std::string& what);
// "2026-12-03T10:15"
std::string toIsoMinute(const StartTime& t);
// "10:15"
std::string clockText(int minute);
// "10:15" → 615; ValidationError naming `what` for anything but H:MM or HH:MM of a real time.
int parseClock(const std::string& text, const std::string& what);
// The office's local time with its UTC offset on that day: "2026-12-03T10:15:00+09:00" (the
// contract's form for times, docs/cli.md).
std::string toIsoWithOffset(const StartTime& t);

// What a clerk types or a file gives.
struct BookingDraft {
    std::vector<Procedure> procedures; // one or more, in the order the visit takes them
    StartTime start;
    ApplicantType applicant = ApplicantType::Principal;
    std::string name; // 氏名
    std::string kana; // フリガナ
    std::optional<boost::gregorian::date> birth;
    std::string phone;
    BookingLanguage language = BookingLanguage::Ja;
    std::string notes;
    BookingSource source = BookingSource::Counter;
    std::string externalId; // the booking service's id; empty unless imported
};

struct Booking : BookingDraft {
    BookingId id = 0;
    std::string number; // 予約番号 Y-000123: what the resident quotes on the phone
    int minutes = 0;    // the appointment's length, fixed when booked or moved
    std::string kind;   // the kind of work (office_calendar.hpp) whose windows it takes
    BookingState state = BookingState::Booked;
    std::string cancelReason;
    std::optional<std::int64_t> caseId; // the visit it became at check-in
    std::string arrivedAt;              // ISO timestamp of the check-in
    std::string createdAt, updatedAt;
    std::int64_t version = 1;
    int endMinute() const { return start.minute + minutes; }
};

// 予約番号: "Y-" and six digits (more once an office passes a million).
std::string formatBookingNumber(std::int64_t sequence);
// Accepts Y-000123, y123, Ｙ－１２３; none for anything else.
std::optional<std::int64_t> parseBookingNumber(const std::string& text);

// "pin-reset,cert-renewal": how a booking's procedures are stored and exported.
std::string procedureIds(std::span<const Procedure> procedures);
std::vector<Procedure> parseProcedureIds(const std::string& text); // ValidationError for an unknown id

} // namespace madoguchi::bookings
