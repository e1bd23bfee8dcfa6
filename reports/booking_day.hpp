#pragma once
// The day's bookings as the supervisor counts them, for the daily report: by procedure, how many
// were kept (the resident came in time), kept late, missed, cancelled, or are still to come. A
// booking of several procedures counts under each of them (as the report counts a visit's
// procedures); the totals count each booking once. What "late" and "missed" are is the booking
// rules' (core/bookings/booking_rules.hpp), with the office's minutes.
#include "core/bookings/booking_rules.hpp"

#include <map>
#include <vector>

namespace madoguchi::reports {

struct BookingCounts {
    int booked = 0; // every booking of the day but the cancelled
    int kept = 0;   // arrived in time
    int late = 0;   // arrived, but late
    int missed = 0; // not come (long past its time, or its day over)
    int cancelled = 0;
    int toCome = 0; // still booked and not yet missed (the day is not over)
    void add(const bookings::Standing& s);
};

struct BookingDay {
    BookingCounts total;
    std::map<Procedure, BookingCounts> byProcedure;
};

// `reference`: the moment the day is judged at (its end, or now while it lasts).
BookingDay summarizeBookings(const std::vector<bookings::Booking>& dayBookings, const bookings::StartTime& reference,
                             const bookings::OfficeCalendar& calendar);

} // namespace madoguchi::reports
