#include "app/gui/presenters/resident_form.hpp"

#include "app/gui/presenters/date_input.hpp"
#include "app/gui/presenters/translate.hpp"
#include "core/common/clock.hpp"
#include "core/text/search_fold.hpp"

namespace madoguchi::gui {

std::optional<std::string> ResidentFormCheck::messageFor(ResidentField f) const
{
    for (const auto& p : problems)
        if (p.field == f)
            return p.message;
    return std::nullopt;
}

ResidentFormCheck checkResidentForm(const ResidentFields& in, const boost::gregorian::date& today, bool finalCheck)
{
    ResidentFormCheck out;
    auto problem = [&](ResidentField f, std::string message) { out.problems.push_back({f, std::move(message)}); };
    Resident r;
    r.name = trimmed(in.name);
    r.kana = trimmed(in.kana);
    r.address = trimmed(in.address);
    r.sex = in.sex;
    r.foreignResident = in.foreignResident;

    if (r.name.empty() && finalCheck)
        problem(ResidentField::Name, tr("Enter the name as registered."));
    if (r.kana.empty()) {
        if (finalCheck)
            problem(ResidentField::Kana, tr("Enter the furigana."));
    } else if (!isKanaText(r.kana)) {
        problem(ResidentField::Kana, tr("Furigana takes katakana or hiragana only."));
    }

    DateInput birth = parseDateInput(in.birth);
    if (birth.date) {
        r.birth = *birth.date;
        out.birthEcho = formatBothCalendars(*birth.date);
        if (*birth.date > today)
            problem(ResidentField::Birth, tr("The birth date is in the future."));
    } else if (birth.error != DateInputError::Empty || finalCheck) {
        problem(ResidentField::Birth, describe(birth.error));
    }

    // Optional dates: empty is fine, anything typed must be a date.
    auto optionalDate = [&](const std::string& text, ResidentField f) -> std::optional<boost::gregorian::date> {
        DateInput d = parseDateInput(text);
        if (d.error == DateInputError::Empty)
            return std::nullopt;
        if (!d.date)
            problem(f, describe(d.error));
        return d.date;
    };
    if (in.foreignResident) {
        r.stayUntil = optionalDate(in.stayUntil, ResidentField::StayUntil);
        if (r.stayUntil && birth.date && *r.stayUntil < *birth.date)
            problem(ResidentField::StayUntil, tr("The period of stay cannot end before the birth date."));
    }
    r.movedIn = optionalDate(in.movedIn, ResidentField::MovedIn);
    if (r.movedIn && *r.movedIn > today)
        problem(ResidentField::MovedIn, tr("The move-in date is in the future."));
    else if (r.movedIn && birth.date && *r.movedIn < *birth.date)
        problem(ResidentField::MovedIn, tr("The move-in date is before the birth date."));

    if (out.problems.empty() && birth.date && !r.name.empty() && !r.kana.empty()) {
        // The domain has the last word; a message from it that the form did not foresee still
        // lands next to a field rather than in a dialog.
        try {
            validate(r, today);
            out.resident = r;
        } catch (const std::exception& e) {
            problem(ResidentField::Name, e.what());
        }
    }
    return out;
}

ResidentFields fieldsFrom(const Resident& r)
{
    ResidentFields f;
    f.name = r.name;
    f.kana = r.kana;
    f.birth = r.birth.is_not_a_date() ? "" : toIso(r.birth);
    f.address = r.address;
    f.sex = r.sex;
    f.foreignResident = r.foreignResident;
    f.stayUntil = r.stayUntil ? toIso(*r.stayUntil) : "";
    f.movedIn = r.movedIn ? toIso(*r.movedIn) : "";
    return f;
}

} // namespace madoguchi::gui
