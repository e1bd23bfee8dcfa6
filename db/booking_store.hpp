#pragma once
// The booking book (予約), in domain terms, beside the case book and in the same database: a
// booking is taken, moved, cancelled and checked in here, each change with its audit entry in the
// same transaction. Whether a booking fits, what a change may do and what a booking's fields must
// be are decided in core/bookings (capacity.hpp, booking_rules.hpp), asked by both backends with
// the day's bookings read under their write lock: on SQLite the database's write lock, on
// PostgreSQL a lock per office and day, so that of two clerks booking the last slot at once one
// wins and the other is told the slot is full.
#include "core/bookings/booking.hpp"
#include "core/bookings/capacity.hpp"
#include "core/bookings/office_calendar.hpp"
#include "db/case_store.hpp"

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace madoguchi::db {

struct BookingQuery {
    std::optional<boost::gregorian::date> day;      // bookings for that day
    std::optional<boost::gregorian::date> from, to; // or a range of days, inclusive
    // A booking number (Y-000123), a phone number (its digits, three or more), or a part of the
    // name or フリガナ in any script and width.
    std::optional<std::string> text;
    std::optional<bookings::BookingState> state; // as stored
    std::optional<std::string> externalId;
    std::vector<bookings::BookingId> ids;
    std::size_t limit = 1000;
};

// A line of the booking service's file, to be imported.
struct ImportedBooking {
    int line = 0;
    bookings::BookingDraft draft;
};

// A line the import did not take although it was well formed: no room, a closed day, outside the
// hours, in the past, or an external id already imported with other details.
struct ImportRefusal {
    int line = 0;
    std::string reason;
    std::string kind; // "full", "closed", "outside-hours", "past", "changed"
};

struct BookingImportResult {
    int added = 0;
    int unchanged = 0; // external ids already in the book with the same details
    std::vector<ImportRefusal> refused;
};

class BookingStore {
public:
    virtual ~BookingStore() = default;

    // Validates (booking_rules.hpp), checks the room at the draft's start under the write lock,
    // gives the booking its number and writes it with its audit entry (booking.create). Throws
    // BookingRefused past capacity, on a closed day, outside the hours or in the past.
    virtual bookings::Booking addBooking(const bookings::BookingDraft& draft, const bookings::OfficeCalendar& calendar,
                                         const Actor& actor) = 0;
    virtual std::optional<bookings::Booking> findBooking(bookings::BookingId id) = 0;
    bookings::Booking getBooking(bookings::BookingId id); // NotFound
    // By its number (Y-000123, as the resident quotes it).
    virtual std::optional<bookings::Booking> findBookingByNumber(const std::string& number) = 0;
    // In order of day and time.
    virtual std::vector<bookings::Booking> searchBookings(const BookingQuery& query) = 0;

    // The bookings that take a window on `day` (booked or arrived), as capacity counts them; and
    // those of every day in [from, to].
    virtual std::vector<bookings::Appointment> appointmentsOn(const boost::gregorian::date& day) = 0;
    virtual std::map<boost::gregorian::date, std::vector<bookings::Appointment>>
    appointmentsBetween(const boost::gregorian::date& from, const boost::gregorian::date& to) = 0;

    // To another time, with the room checked there as for a new booking (the booking does not
    // stand in its own way); its length and kind are taken again from the calendar. Audited
    // (booking.move). BookingRefused as addBooking, or when it is cancelled or has arrived.
    virtual bookings::Booking moveBooking(bookings::BookingId id, const bookings::StartTime& to,
                                          const bookings::OfficeCalendar& calendar, const Actor& actor) = 0;
    // With a reason (required); audited (booking.cancel). The window it held is free again.
    virtual bookings::Booking cancelBooking(bookings::BookingId id, const std::string& reason, const Actor& actor) = 0;
    // The resident has come: the visit `visit` is saved as a case (as CaseStore::add does, its
    // procedure lines those of the draft), the case gets the booking's id and time, and the booking
    // is arrived and linked to it — one transaction, audited (case.create, booking.checkin).
    // BookingRefused unless the booking is booked for today.
    virtual Case checkIn(bookings::BookingId id, const CaseDraft& visit, const Actor& actor) = 0;
    // The lines in file order, each checked against the book and the lines before it. Every
    // line must be valid (the caller has refused the file otherwise); one that does not fit, or
    // whose external id is already in the book with other details, is refused and reported; one
    // already in the book as it is counts as unchanged. What is added is written in one
    // transaction and audited once per booking (booking.import).
    virtual BookingImportResult importBookings(const std::vector<ImportedBooking>& lines,
                                               const bookings::OfficeCalendar& calendar, const Actor& actor) = 0;
    // A booking shown, listed, printed or exported (booking.view, booking.list, booking.print,
    // booking.export): what the store cannot see itself. The entries hold booking ids, no names.
    virtual void recordBookingAccess(const Actor& actor, const std::string& action,
                                     const std::vector<bookings::BookingId>& ids, const std::string& detail = "") = 0;

    // The free slots for these procedures from `from` on, for `days` days (closed days give
    // none), from the book; and the first one within `horizonDays` (none when every slot is taken).
    std::vector<bookings::FreeSlot> freeSlots(std::span<const Procedure> procedures, const bookings::StartTime& from,
                                              int days, const bookings::OfficeCalendar& calendar);
    std::optional<bookings::FreeSlot> firstFreeSlot(std::span<const Procedure> procedures,
                                                    const bookings::StartTime& from,
                                                    const bookings::OfficeCalendar& calendar, int horizonDays = 92);
};

// The audit detail of a booking's entry: "booking 42", and what changed. No personal data.
std::string bookingAuditDetail(bookings::BookingId id, const std::string& more = "");

// The check-in's case draft from a booking: its procedures as the visit's lines, the resident's
// name, フリガナ and birth date, the applicant — what the new-case dialog opens with; the card
// (if read) and the clerk fill in the rest.
CaseDraft caseDraftFromBooking(const bookings::Booking& b);

} // namespace madoguchi::db
