#include "core/cases/resident.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/era/wareki.hpp"
#include "core/text/search_fold.hpp"

#include <string>

namespace madoguchi {

std::string_view sexId(Sex s)
{
    switch (s) {
    case Sex::Male:
        return "male";
    case Sex::Female:
        return "female";
    case Sex::NotApplicable:
        return "not-applicable";
    case Sex::NotKnown:
        return "not-known";
    }
    return "not-known";
}

std::string_view sexNameJa(Sex s)
{
    switch (s) {
    case Sex::Male:
        return "男";
    case Sex::Female:
        return "女";
    case Sex::NotApplicable:
        return "適用不能";
    case Sex::NotKnown:
        return "不明";
    }
    return "不明";
}

Sex parseSex(std::string_view id)
{
    if (id == "male" || id == "1" || id == "男" || id == "m" || id == "M")
        return Sex::Male;
    if (id == "female" || id == "2" || id == "女" || id == "f" || id == "F")
        return Sex::Female;
    if (id == "not-applicable" || id == "9")
        return Sex::NotApplicable;
    if (id == "not-known" || id == "0" || id.empty())
        return Sex::NotKnown;
    throw ValidationError("unknown sex \"" + std::string(id) + "\" (one of: male, female, not-applicable, not-known)");
}

void validate(const Resident& r, const boost::gregorian::date& today)
{
    if (trimmed(r.name).empty())
        throw ValidationError("name: must not be empty");
    if (trimmed(r.kana).empty())
        throw ValidationError("kana: must not be empty");
    if (!isKanaText(r.kana))
        throw ValidationError("kana: \"" + r.kana + "\" must be written in katakana or hiragana");
    if (r.birth.is_not_a_date())
        throw ValidationError("birth: a birth date is required");
    if (r.birth > today)
        throw ValidationError("birth: " + toIso(r.birth) + " is in the future");
    // Checked by day, against the era table's own first day: 1868-01-01..24 have no era year.
    const auto meijiStarts = era::allEras().front().first;
    if (r.birth < meijiStarts)
        throw ValidationError("birth: " + toIso(r.birth) + " is before " + toIso(meijiStarts) + " (明治)");
    if (r.stayUntil && *r.stayUntil < r.birth)
        throw ValidationError("stay-until: the period of stay cannot end before the birth date");
    if (r.movedIn && *r.movedIn < r.birth)
        throw ValidationError("moved-in: the move-in date cannot be before the birth date");
    if (r.movedIn && *r.movedIn > today)
        throw ValidationError("moved-in: " + toIso(*r.movedIn) + " is in the future");
}

} // namespace madoguchi
