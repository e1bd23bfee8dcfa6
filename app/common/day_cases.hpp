#pragma once
// The cases a report is made of, read from the case book: every case received on the office day
// (or in the month), each with its history, and the day's bookings. The reports themselves (reports/daily_summary.hpp,
// reports/monthly_summary.hpp) work on these cases and know nothing of the case book; the
// console's `report daily|monthly`, the supervisor view and the benchmarks read them the same way
// here.
#include "core/bookings/booking.hpp"
#include "core/cases/case.hpp"
#include "db/case_store.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <vector>

namespace madoguchi::app {

std::vector<Case> casesReceivedOn(db::CaseStore& store, const boost::gregorian::date& day);
// The bookings for `day`; none where the case book keeps no bookings.
std::optional<std::vector<bookings::Booking>> bookingsOn(db::CaseStore& store, const boost::gregorian::date& day);
// Every visit, of any day, with a line waiting for the inquiry letter's answer (照会書回答待ち):
// the daily report lists them (reports::awaitingLetters).
std::vector<Case> casesAwaitingAnswer(db::CaseStore& store);
// Every case received in the calendar month of `anyDay`.
std::vector<Case> casesReceivedInMonthOf(db::CaseStore& store, const boost::gregorian::date& anyDay);

} // namespace madoguchi::app
