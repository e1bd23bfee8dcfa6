#pragma once
// What may be done with a booking, and what it stands for at a given moment — the one place for
// both, asked by the two case books before they write and by the window and console before they
// show: a booking's fields, where it may be put (capacity.hpp decides "full"), which changes its
// state allows, and when a resident who has not come is late, then missed.
#include "core/bookings/booking.hpp"
#include "core/bookings/capacity.hpp"
#include "core/bookings/office_calendar.hpp"
#include "core/common/errors.hpp"

#include <optional>
#include <span>
#include <string>

namespace madoguchi::bookings {

// A booking refused where it was asked for: past capacity, on a closed day, outside the hours,
// in the past, or a change its state does not allow. A RuleViolation (the console's exit 2)
// whose what() is English; text() has the sentence in both languages for the window.
class BookingRefused : public RuleViolation {
public:
    enum class Why { Full, Closed, OutsideHours, Past, NotBooked, NotToday, Duplicate };
    BookingRefused(Why why, rules::Text text) : RuleViolation(text.en), why_(why), text_(std::move(text)) {}
    Why why() const { return why_; }
    const rules::Text& text() const { return text_; }

private:
    Why why_;
    rules::Text text_;
};

// Every field of a draft: at least one procedure, each once; a name and a フリガナ in kana; a
// birth date not in the future; a phone of digits (hyphens, spaces, + and parentheses allowed);
// every text through checkBookingTexts (booking_texts.hpp: the one text check, no My Number).
// ValidationError naming the field.
void validateDraft(const BookingDraft& draft, const boost::gregorian::date& today);

// The office's local time now, to the minute.
StartTime nowAtOffice();

// Throws BookingRefused unless the appointment fits at `start` (capacity.hpp) and `start` is not
// before `now`. `leaveOut`: the booking being moved.
void requireRoom(const OfficeCalendar& calendar, const StartTime& start, std::span<const Procedure> procedures,
                 std::span<const Appointment> onDay, const StartTime& now, std::optional<BookingId> leaveOut = {});

// Changes a booking's state allows: cancelling and moving one still booked (a booking taken for
// missed can still be moved or cancelled), checking in one booked for today.
void requireMayCancel(const Booking& b);
void requireMayMove(const Booking& b);
void requireMayCheckIn(const Booking& b, const boost::gregorian::date& today);

// What a booking stands for at `now`: its stored state, except that one still booked is late
// once late_after_minutes have passed since its start and missed once missed_after_minutes have
// (or its day is over); an arrival after late_after_minutes was a late arrival.
struct Standing {
    BookingState state = BookingState::Booked;
    bool late = false;   // booked and late, or arrived late
    int minutesLate = 0; // how late (arrived: at arrival), 0 when not
};
Standing standingAt(const Booking& b, const StartTime& now, const OfficeCalendar& calendar);
// The minute of the day an ISO timestamp (2026-12-03T10:12:00+09:00) names, on its own day.
std::optional<StartTime> startTimeOfTimestamp(const std::string& iso);

} // namespace madoguchi::bookings
