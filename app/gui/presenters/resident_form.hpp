#pragma once
// The resident form's rules as the clerk types: which field is wrong and why, in a sentence the
// window shows next to that field. Saving is refused until there is nothing to say.
#include "core/cases/resident.hpp"

#include <optional>
#include <string>
#include <vector>

namespace madoguchi::gui {

// The form's fields exactly as typed; nothing is lost when a check fails.
struct ResidentFields {
    std::string name, kana, birth, address;
    Sex sex = Sex::NotKnown;
    bool foreignResident = false;
    std::string stayUntil, movedIn;
};

enum class ResidentField { Name, Kana, Birth, StayUntil, MovedIn };

struct FieldProblem {
    ResidentField field;
    std::string message;
};

struct ResidentFormCheck {
    std::vector<FieldProblem> problems;
    std::optional<Resident> resident; // set when there are no problems
    std::string birthEcho;            // the birth date read back in both calendars
    std::optional<std::string> messageFor(ResidentField f) const;
};

// `finalCheck` false: as the clerk types, an empty field is not yet a problem (a form that opens
// full of red is noise); true: on save, every required field must be there.
ResidentFormCheck checkResidentForm(const ResidentFields& fields, const boost::gregorian::date& today, bool finalCheck);

ResidentFields fieldsFrom(const Resident& r);

} // namespace madoguchi::gui
