// A usual week's appointments per procedure, for the renewal forecast (weekly_capacity.hpp).
#include "core/bookings/weekly_capacity.hpp"

namespace madoguchi::bookings {

int appointmentsPerWeek(const OfficeCalendar& calendar, Procedure procedure)
{
    const int minutes = calendar.minutesFor(procedure);
    const int slot = calendar.slotMinutes();
    // An appointment not a whole number of slots long still makes the next one wait for the grid.
    const int step = (minutes + slot - 1) / slot * slot;
    int perWindow = 0;
    for (int weekday = 0; weekday < 7; ++weekday)
        for (const OpeningHours& h : calendar.weekdayHours(weekday))
            for (int start = h.open; start + minutes <= h.close; start += step)
                ++perWindow;
    return perWindow * calendar.kindFor(procedure).windows;
}

WeeklyCapacity weeklyCapacityOf(const OfficeCalendar& calendar)
{
    return {appointmentsPerWeek(calendar, Procedure::CardReceipt),
            appointmentsPerWeek(calendar, Procedure::CertRenewal)};
}

} // namespace madoguchi::bookings
