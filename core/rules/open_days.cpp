// Japanese national holidays from the law (国民の祝日に関する法律, as amended), 2000–2099.
#include "core/rules/open_days.hpp"

namespace madoguchi::rules {

namespace {

using boost::gregorian::date;

// The n-th Monday of a month (Happy Monday system, 2000–).
int nthMonday(int year, int month, int n)
{
    int first = date(year, month, 1).day_of_week().as_number(); // 0 = Sunday
    int firstMonday = 1 + (8 - first) % 7;
    return firstMonday + 7 * (n - 1);
}

// 春分日・秋分日: the National Astronomical Observatory's approximation, valid 1980–2099; the days
// are announced a year ahead in the official gazette and have matched it every year so far.
int vernalEquinox(int y)
{
    return static_cast<int>(20.8431 + 0.242194 * (y - 1980)) - (y - 1980) / 4;
}
int autumnalEquinox(int y)
{
    return static_cast<int>(23.2488 + 0.242194 * (y - 1980)) - (y - 1980) / 4;
}

// The holidays the law names for a day (not substitutes, not citizens' holidays).
bool isNamedHoliday(int y, int m, int d)
{
    switch (m) {
    case 1:
        return d == 1 || d == nthMonday(y, 1, 2); // 元日, 成人の日
    case 2:
        return d == 11 || (y >= 2020 && d == 23); // 建国記念の日, 天皇誕生日 (2020–)
    case 3:
        return d == vernalEquinox(y); // 春分の日
    case 4:
        return d == 29 || (y == 2019 && d == 30); // 昭和の日 (みどりの日 until 2006); 2019: 国民の休日 by law
    case 5:
        // 憲法記念日, みどりの日 (5/4 since 2007; a citizens' holiday before), こどもの日;
        // 2019: 天皇の即位の日 and the day after it.
        return d == 3 || d == 4 || d == 5 || (y == 2019 && (d == 1 || d == 2));
    case 7:
        // 海の日: 20 July until 2002, 3rd Monday since; 2020 and 2021 moved for the Olympic Games
        // (with スポーツの日 beside it).
        if (y == 2020)
            return d == 23 || d == 24;
        if (y == 2021)
            return d == 22 || d == 23;
        return y <= 2002 ? d == 20 : d == nthMonday(y, 7, 3);
    case 8:
        // 山の日 (2016–): 11 August; 10 August 2020, 8 August 2021.
        if (y < 2016)
            return false;
        if (y == 2020)
            return d == 10;
        if (y == 2021)
            return d == 8;
        return d == 11;
    case 9:
        return d == (y <= 2002 ? 15 : nthMonday(y, 9, 3)) || d == autumnalEquinox(y); // 敬老の日, 秋分の日
    case 10:
        // 体育の日 / スポーツの日: 2nd Monday (2000–), not in 2020–2021; 2019: 即位礼正殿の儀.
        if (y == 2019 && d == 22)
            return true;
        return y != 2020 && y != 2021 && d == nthMonday(y, 10, 2);
    case 11:
        return d == 3 || d == 23; // 文化の日, 勤労感謝の日
    case 12:
        return y <= 2018 && d == 23; // 天皇誕生日 until 2018
    default:
        return false;
    }
}

bool named(const date& day)
{
    auto ymd = day.year_month_day();
    return isNamedHoliday(ymd.year, ymd.month, ymd.day);
}

} // namespace

bool isNationalHoliday(const date& day)
{
    int y = day.year();
    if (y < kHolidayYearsFrom || y > kHolidayYearsUntil)
        return false;
    if (named(day))
        return true;
    // 振替休日 (art. 3-2, since 2007): a holiday on a Sunday moves to the nearest following day
    // that is not a holiday.
    if (day.day_of_week().as_number() != 0) {
        date back = day - boost::gregorian::days(1);
        while (named(back)) {
            if (back.day_of_week().as_number() == 0)
                return true;
            back -= boost::gregorian::days(1);
        }
    }
    // 国民の休日 (art. 3-3): a day between two holidays that is not itself a Sunday or a holiday.
    return day.day_of_week().as_number() != 0 && named(day - boost::gregorian::days(1)) &&
           named(day + boost::gregorian::days(1));
}

bool isCityHallClosed(const date& day)
{
    int weekday = day.day_of_week().as_number();
    if (weekday == 0 || weekday == 6)
        return true;
    auto ymd = day.year_month_day();
    if ((ymd.month == 12 && ymd.day >= 29) || (ymd.month == 1 && ymd.day <= 3))
        return true;
    return isNationalHoliday(day);
}

date nextOpenDay(date day)
{
    while (isCityHallClosed(day))
        day += boost::gregorian::days(1);
    return day;
}

} // namespace madoguchi::rules
