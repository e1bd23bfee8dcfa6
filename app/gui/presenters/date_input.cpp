#include "app/gui/presenters/date_input.hpp"

#include "app/gui/presenters/translate.hpp"
#include "core/common/clock.hpp"
#include "core/text/search_fold.hpp"

#include <array>
#include <cctype>
#include <regex>

namespace madoguchi::gui {

namespace {

namespace bg = boost::gregorian;

struct Era {
    const char* kanji;
    const char* kanjiShort; // 昭45.5.20 is common on forms
    char letter;            // S45.5.20
    const char* romaji;
    bg::date first;         // the first day of the era
};

// The first days are those of the imperial rescripts; a date before an era's first day or after
// the next era began does not exist in that era (昭和64年1月8日 is 平成元年1月8日).
const std::array<Era, 5>& eras()
{
    static const std::array<Era, 5> e{{
        {"明治", "明", 'M', "Meiji", bg::date(1868, 1, 25)},
        {"大正", "大", 'T', "Taisho", bg::date(1912, 7, 30)},
        {"昭和", "昭", 'S', "Showa", bg::date(1926, 12, 25)},
        {"平成", "平", 'H', "Heisei", bg::date(1989, 1, 8)},
        {"令和", "令", 'R', "Reiwa", bg::date(2019, 5, 1)},
    }};
    return e;
}

std::optional<bg::date> makeDate(int y, int m, int d)
{
    try {
        return bg::date(y, m, d);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace

DateInput parseDateInput(const std::string& raw)
{
    std::string text = trimmed(normalizeWidth(raw));
    if (text.empty())
        return {std::nullopt, DateInputError::Empty};
    // Multi-byte characters in the patterns are grouped: `日?` would make only its last byte optional.
    // 元年 is year one; the rest is digits and separators.
    if (auto at = text.find("元"); at != std::string::npos)
        text.replace(at, std::string("元").size(), "1");

    static const std::regex western(R"(^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*(?:日)?$)");
    static const std::regex compact(R"(^(\d{4})(\d{2})(\d{2})$)");
    static const std::regex japanese(R"(^(\S+?)\s*(\d{1,2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*(?:日)?$)");
    std::smatch m;
    if (std::regex_match(text, m, western) || std::regex_match(text, m, compact)) {
        auto d = makeDate(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
        return d ? DateInput{d, DateInputError::None} : DateInput{std::nullopt, DateInputError::NoSuchDate};
    }
    if (std::regex_match(text, m, japanese)) {
        std::string name = m[1];
        const auto& all = eras();
        for (std::size_t i = 0; i < all.size(); ++i) {
            const Era& e = all[i];
            bool named = name == e.kanji || name == e.kanjiShort ||
                         (name.size() == 1 && std::toupper(static_cast<unsigned char>(name[0])) == e.letter);
            if (!named)
                continue;
            int year = e.first.year() + std::stoi(m[2]) - 1;
            auto d = makeDate(year, std::stoi(m[3]), std::stoi(m[4]));
            if (!d)
                return {std::nullopt, DateInputError::NoSuchDate};
            bool beforeNext = i + 1 == all.size() || *d < all[i + 1].first;
            if (*d < e.first || !beforeNext)
                return {std::nullopt, DateInputError::OutsideEra};
            return {d, DateInputError::None};
        }
    }
    return {std::nullopt, DateInputError::Unreadable};
}

std::string formatWareki(const bg::date& d)
{
    const auto& all = eras();
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        if (d < it->first)
            continue;
        int y = d.year() - it->first.year() + 1;
        return std::string(it->kanji) + (y == 1 ? std::string("元") : std::to_string(y)) + "年" +
               std::to_string(d.month().as_number()) + "月" + std::to_string(d.day().as_number()) + "日";
    }
    return {};
}

std::string formatBothCalendars(const bg::date& d)
{
    if (uiLanguage() == UiLanguage::English) {
        for (auto it = eras().rbegin(); it != eras().rend(); ++it)
            if (d >= it->first)
                return toIso(d) + " (" + it->romaji + " " + std::to_string(d.year() - it->first.year() + 1) + ")";
        return toIso(d);
    }
    std::string wareki = formatWareki(d);
    return wareki.empty() ? toIso(d) : wareki + "（" + toIso(d) + "）";
}

std::string describe(DateInputError error)
{
    switch (error) {
    case DateInputError::None: return {};
    case DateInputError::Empty: return tr("Enter a date, e.g. S45.5.20 or 1970-05-20.");
    case DateInputError::Unreadable: return tr("Not a date. Type it like 昭和45年5月20日, S45.5.20 or 1970-05-20.");
    case DateInputError::NoSuchDate: return tr("That day does not exist in the calendar.");
    case DateInputError::OutsideEra: return tr("That day is not within the era typed (e.g. 昭和 ended on 1989-01-07).");
    }
    return {};
}

} // namespace madoguchi::gui
