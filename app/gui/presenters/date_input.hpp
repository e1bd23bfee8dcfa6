#pragma once
// Dates as a clerk types them: 西暦 (1970-05-20, 1970/5/20, 19700520, 1970年5月20日) or 和暦
// (昭和45年5月20日, S45.5.20, 令和元年5月1日), full-width digits included. Residents read their
// birth date off documents in either calendar, so the form must take both without a mode switch.
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>

namespace madoguchi::gui {

enum class DateInputError { None, Empty, Unreadable, NoSuchDate, OutsideEra };

struct DateInput {
    std::optional<boost::gregorian::date> date;
    DateInputError error = DateInputError::None;
};

DateInput parseDateInput(const std::string& text);

// 昭和45年5月20日 (元年 for the first year); empty before 明治.
std::string formatWareki(const boost::gregorian::date& d);
// 昭和45年5月20日（1970-05-20） in Japanese, 1970-05-20 (Showa 45) in English.
std::string formatBothCalendars(const boost::gregorian::date& d);

// A translated sentence saying what is wrong with the typed date.
std::string describe(DateInputError error);

} // namespace madoguchi::gui
