#include "app/gui/presenters/card_facts.hpp"

namespace madoguchi::gui {

Sex sexFromCard(const std::string& cardSex)
{
    if (cardSex == "male")
        return Sex::Male;
    if (cardSex == "female")
        return Sex::Female;
    if (cardSex == "not-applicable")
        return Sex::NotApplicable;
    return Sex::NotKnown;
}

ResidentFields withCardFacts(ResidentFields typed, const card::BasicFacts& facts)
{
    typed.name = facts.name;
    typed.address = facts.address;
    typed.birth = facts.birth; // ISO: the form reads it like a typed 西暦 date and echoes the 和暦
    typed.sex = sexFromCard(facts.sex);
    return typed;
}

} // namespace madoguchi::gui
