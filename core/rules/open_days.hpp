#pragma once
// The days a Japanese city hall is closed: Saturdays and Sundays, national holidays (国民の祝日に関する
// 法律, with 振替休日 and 国民の休日) and the year-end holidays 29 December – 3 January (行政機関の休日に
// 関する法律 1条). Used where a reading of a rule rolls a deadline to the next open day; an office's
// own Saturday openings and closures live in its office file, not here.
#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace madoguchi::rules {

// Years the holiday calendar below knows (the equinox formula holds for 1980–2099; the Happy
// Monday dates since 2000). Outside them only weekends and the year end count as closed.
inline constexpr int kHolidayYearsFrom = 2000;
inline constexpr int kHolidayYearsUntil = 2099;

// A national holiday, a substitute holiday (振替休日) or a citizens' holiday (国民の休日).
bool isNationalHoliday(const boost::gregorian::date& day);
// Weekend, national holiday or 29 Dec – 3 Jan.
bool isCityHallClosed(const boost::gregorian::date& day);
// `day` itself when open, else the next open day.
boost::gregorian::date nextOpenDay(boost::gregorian::date day);

} // namespace madoguchi::rules
