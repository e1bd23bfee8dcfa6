// The day's bookings counted for the daily report (booking_day.hpp).
#include "reports/booking_day.hpp"

namespace madoguchi::reports {

using namespace bookings;

void BookingCounts::add(const Standing& s)
{
    switch (s.state) {
    case BookingState::Cancelled:
        ++cancelled;
        return;
    case BookingState::Arrived:
        ++(s.late ? late : kept);
        break;
    case BookingState::Missed:
        ++missed;
        break;
    case BookingState::Booked:
        ++toCome;
        break;
    }
    ++booked;
}

BookingDay summarizeBookings(const std::vector<Booking>& dayBookings, const StartTime& reference,
                             const OfficeCalendar& calendar)
{
    BookingDay d;
    for (const auto& b : dayBookings) {
        Standing s = standingAt(b, reference, calendar);
        d.total.add(s);
        for (Procedure p : b.procedures)
            d.byProcedure[p].add(s);
    }
    return d;
}

} // namespace madoguchi::reports
