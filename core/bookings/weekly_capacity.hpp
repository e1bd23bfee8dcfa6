#pragma once
// How many appointments a usual week of the booking calendar holds for the two kinds of work the
// renewal wave brings (card receipt, certificate renewal): the counter's capacity that the renewal
// forecast (core/register/forecast.hpp, issue #18 §2) sets the coming renewals against. Read from
// the office's booking calendar, so the forecast and the booking book agree on what a week holds.
#include "core/bookings/office_calendar.hpp"
#include "core/register/forecast.hpp"

namespace madoguchi::bookings {

// Appointments of one procedure a usual week holds: for each weekday's stretch of hours,
// back-to-back appointments of the procedure's length on the slot grid (each starts on the grid,
// from the stretch's opening, and ends by its close), times the windows of its kind of work.
// Holidays and dated closures are left out (a usual week); the forecast scales it to a month.
int appointmentsPerWeek(const OfficeCalendar& calendar, Procedure procedure);

// The forecast's capacity from the calendar. Where card receipt and certificate renewal share a
// kind of work (the shipped defaults: two windows for everything), each figure is what the week
// holds if those windows did only that work — an upper bound, said so in docs/cli.md.
WeeklyCapacity weeklyCapacityOf(const OfficeCalendar& calendar);

} // namespace madoguchi::bookings
