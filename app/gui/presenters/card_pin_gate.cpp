#include "app/gui/presenters/card_pin_gate.hpp"

namespace madoguchi::gui {

PinGate cardInfoPinGate(const card::CardStatus& status)
{
    PinGate gate;
    if (!status.cardPresent) {
        gate.message = "カードが置かれていません。カードをリーダーに置いてください。";
        return gate;
    }
    for (const auto& pin : status.pins) {
        if (pin.id != "card-info")
            continue;
        gate.triesLeft = pin.triesLeft;
        if (pin.blocked()) {
            gate.blocked = true;
            gate.message = "券面事項入力補助用暗証番号はロックされています。"
                           "住所地の市区町村窓口で初期化が必要です。";
            return gate;
        }
        gate.allowed = true;
        gate.message = "残り試行回数: " + std::to_string(pin.triesLeft) + "回";
        if (pin.triesLeft == 1)
            gate.message += "（次に間違えるとロックされます）";
        return gate;
    }
    gate.message = "このカードの券面事項入力補助用暗証番号の状態を読めませんでした。";
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
