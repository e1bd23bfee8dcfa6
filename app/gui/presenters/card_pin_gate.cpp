#include "app/gui/presenters/card_pin_gate.hpp"

#include "app/gui/presenters/translate.hpp"

namespace madoguchi::gui {

PinGate cardInfoPinGate(const card::CardStatus& status)
{
    PinGate gate;
    if (!status.cardPresent) {
        gate.message = tr("No card is on the reader. Put the card on the reader.");
        return gate;
    }
    for (const auto& pin : status.pins) {
        if (pin.id != "card-info")
            continue;
        gate.triesLeft = pin.triesLeft;
        if (pin.blocked()) {
            gate.blocked = true;
            gate.message = tr("The card-info PIN is blocked. It must be reset at the counter of the resident's "
                              "municipality.");
            return gate;
        }
        gate.allowed = true;
        gate.message = fill(tr("Tries left: %1"), {std::to_string(pin.triesLeft)});
        if (pin.triesLeft == 1)
            gate.message = fill(tr("%1 (the next wrong PIN locks it)"), {gate.message});
        return gate;
    }
    gate.message = tr("The state of this card's card-info PIN could not be read.");
    return gate;
}

bool isCardInfoPin(std::string_view typed)
{
    if (typed.size() != 4)
        return false;
    for (char c : typed)
        if (c < '0' || c > '9')
            return false;
    return true;
}

} // namespace madoguchi::gui
