#pragma once
// The resident form after a card read: the card's four facts (氏名, 住所, 生年月日, 性別) over what
// the clerk typed, everything else (フリガナ, foreign resident, dates) left as it was. The card has
// no reading of the name, so フリガナ is still the clerk's to type. Without wx, unit-tested.
#include "app/gui/presenters/resident_form.hpp"
#include "core/card/card_info_files.hpp"

namespace madoguchi::gui {

// The card's ISO 5218 id ("male", "female", "not-applicable", "unknown") as the form's choice.
Sex sexFromCard(const std::string& cardSex);

ResidentFields withCardFacts(ResidentFields typed, const card::BasicFacts& facts);

} // namespace madoguchi::gui
