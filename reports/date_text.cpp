#include "reports/date_text.hpp"

#include "core/common/clock.hpp"
#include "core/era/wareki.hpp"

#include <array>

namespace madoguchi::reports {

std::string printedDate(const boost::gregorian::date& d, Language lang)
{
    auto ymd = d.year_month_day();
    if (lang == Language::Ja) {
        std::string western = std::to_string(static_cast<int>(ymd.year)) + "年" +
                              std::to_string(ymd.month.as_number()) + "月" + std::to_string(static_cast<int>(ymd.day)) +
                              "日";
        return western + "（" + era::formatJa(d) + "）";
    }
    static constexpr std::array<const char*, 12> kMonths{"January",   "February", "March",    "April",
                                                         "May",       "June",     "July",     "August",
                                                         "September", "October",  "November", "December"};
    auto e = era::toEra(d);
    return std::to_string(static_cast<int>(ymd.day)) + " " + kMonths[ymd.month.as_number() - 1u] + " " +
           std::to_string(static_cast<int>(ymd.year)) + " (" + std::string(era::info(e.era).nameEn) + " " +
           std::to_string(e.year) + ")";
}

std::string printedYen(int yen, Language lang)
{
    if (yen == 0)
        return lang == Language::Ja ? "無料" : "free";
    std::string digits = std::to_string(yen), grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += ',';
        grouped += digits[i];
    }
    return lang == Language::Ja ? grouped + "円" : "¥" + grouped;
}

std::string clockTime(const std::string& iso)
{
    auto t = readTimestamp(iso);
    return t ? t->clock() : iso;
}

} // namespace madoguchi::reports
