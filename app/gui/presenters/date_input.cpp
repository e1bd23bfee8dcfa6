#include "app/gui/presenters/date_input.hpp"

#include "app/gui/presenters/translate.hpp"
#include "core/common/clock.hpp"
#include "core/era/wareki.hpp"
#include "core/text/search_fold.hpp"

#include <cctype>
#include <regex>

namespace madoguchi::gui {

namespace {

namespace bg = boost::gregorian;

std::optional<bg::date> makeDate(int y, int m, int d)
{
    try {
        return bg::date(y, m, d);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// The era a typed name stands for: 昭和, 昭 (short, common on forms) or S/s.
const era::EraInfo* eraNamed(const std::string& name)
{
    for (const auto& e : era::allEras()) {
        std::string full(e.nameJa);
        bool shortName = name.size() == 3 && full.compare(0, 3, name) == 0; // the first kanji
        bool letter = name.size() == 1 && std::toupper(static_cast<unsigned char>(name[0])) == e.letter;
        if (name == full || shortName || letter)
            return &e;
    }
    return nullptr;
}

} // namespace

DateInput parseDateInput(const std::string& raw)
{
    std::string text = trimmed(normalizeWidth(raw));
    if (text.empty())
        return {std::nullopt, DateInputError::Empty};
    // Multi-byte characters in the patterns are grouped: `日?` would make only its last byte optional.
    static const std::regex western(R"(^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*(?:日)?$)");
    static const std::regex compact(R"(^(\d{4})(\d{2})(\d{2})$)");
    static const std::regex japanese(
        R"(^(\S+?)\s*(\d{1,2}|元)\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*(?:日)?$)");
    std::smatch m;
    if (std::regex_match(text, m, western) || std::regex_match(text, m, compact)) {
        auto d = makeDate(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
        return d ? DateInput{d, DateInputError::None} : DateInput{std::nullopt, DateInputError::NoSuchDate};
    }
    if (!std::regex_match(text, m, japanese))
        return {std::nullopt, DateInputError::Unreadable};
    const era::EraInfo* e = eraNamed(m[1]);
    if (!e)
        return {std::nullopt, DateInputError::Unreadable};
    int year = m[2] == "元" ? 1 : std::stoi(m[2]);
    int month = std::stoi(m[3]), day = std::stoi(m[4]);
    // core/era decides what exists in an era (昭和64年1月8日 does not); the form only says which
    // of the two ways the day is wrong.
    try {
        return {era::fromEra({e->era, year, month, day}), DateInputError::None};
    } catch (const std::exception&) {
        bool exists = makeDate(e->first.year() + year - 1, month, day).has_value();
        return {std::nullopt, exists ? DateInputError::OutsideEra : DateInputError::NoSuchDate};
    }
}

std::string formatWareki(const bg::date& d)
{
    try {
        return era::formatJa(d);
    } catch (const std::exception&) {
        return {}; // before 明治
    }
}

std::string formatBothCalendars(const bg::date& d)
{
    try {
        if (uiLanguage() == UiLanguage::Japanese)
            return era::formatBoth(d);
        era::EraDate e = era::toEra(d);
        return toIso(d) + " (" + std::string(era::info(e.era).nameEn) + " " + std::to_string(e.year) + ")";
    } catch (const std::exception&) {
        return toIso(d);
    }
}

std::string describe(DateInputError error)
{
    switch (error) {
    case DateInputError::None:
        return {};
    case DateInputError::Empty:
        return tr("Enter a date, e.g. S45.5.20 or 1970-05-20.");
    case DateInputError::Unreadable:
        return tr("Not a date. Type it like 昭和45年5月20日, S45.5.20 or 1970-05-20.");
    case DateInputError::NoSuchDate:
        return tr("That day does not exist in the calendar.");
    case DateInputError::OutsideEra:
        return tr("That day is not within the era typed (e.g. 昭和 ended on 1989-01-07).");
    }
    return {};
}

} // namespace madoguchi::gui
