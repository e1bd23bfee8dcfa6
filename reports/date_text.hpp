#pragma once
// Dates as printed on papers: 西暦 with 和暦 beside it (the 和暦 from core/era).
#include "reports/language.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <string>

namespace madoguchi::reports {

// ja: 2026年11月29日（令和8年11月29日）  en: 29 November 2026 (Reiwa 8)
std::string printedDate(const boost::gregorian::date& d, Language lang);
// 1,000円 / ¥1,000; 0 → 無料 / free
std::string printedYen(int yen, Language lang);
// "HH:MM" of a stored timestamp (2026-11-29T10:05:00+09:00 → 10:05); the text itself when it is not one.
std::string clockTime(const std::string& iso);

} // namespace madoguchi::reports
