#pragma once
// What the new-case dialog's "read card" button decides before and after the PIN dialog, without
// wx: whether the card-info PIN may be tried at all (a blocked PIN is refused, one try left is
// warned about) and whether what the clerk typed is a PIN (exactly 4 digits). Kept here so that it
// is unit-tested without a card or a display.

#include "core/card/my_number_card_reader.hpp"

#include <string>
#include <string_view>

namespace madoguchi::gui {

struct PinGate {
    bool allowed = false; // false: no card, no card-info PIN answered, or blocked
    bool blocked = false; // the card-info PIN has no tries left (only its reset can help)
    int triesLeft = 0;
    std::string message; // in the window's language (tr), shown in the PIN dialog
};

PinGate cardInfoPinGate(const card::CardStatus& status);

// Exactly four ASCII digits: the card-info PIN (券面事項入力補助用暗証番号).
bool isCardInfoPin(std::string_view typed);

} // namespace madoguchi::gui
