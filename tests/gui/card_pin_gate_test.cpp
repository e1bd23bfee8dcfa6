#include "app/gui/presenters/card_pin_gate.hpp"
#include "app/gui/presenters/translate.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::gui;

namespace {
card::CardStatus cardWithCardInfoTries(int tries)
{
    card::CardStatus s;
    s.cardPresent = true;
    card::PinStatus sig;
    sig.id = "signature";
    sig.triesLeft = 0; // another PIN being blocked must not matter
    card::PinStatus info;
    info.id = "card-info";
    info.triesLeft = tries;
    s.pins = {sig, info};
    return s;
}
} // namespace

TEST(CardPinGate, RefusesABlockedCardInfoPin)
{
    const auto gate = cardInfoPinGate(cardWithCardInfoTries(0));
    EXPECT_FALSE(gate.allowed);
    EXPECT_TRUE(gate.blocked);
    EXPECT_NE(gate.message.find("blocked"), std::string::npos);
}

TEST(CardPinGate, WarnsAtOneTryLeft)
{
    const auto gate = cardInfoPinGate(cardWithCardInfoTries(1));
    EXPECT_TRUE(gate.allowed);
    EXPECT_FALSE(gate.blocked);
    EXPECT_EQ(gate.triesLeft, 1);
    EXPECT_EQ(gate.message, "Tries left: 1 (the next wrong PIN locks it)");
}

TEST(CardPinGate, ShowsTriesLeftWithoutWarningWhenSeveralRemain)
{
    const auto gate = cardInfoPinGate(cardWithCardInfoTries(3));
    EXPECT_TRUE(gate.allowed);
    EXPECT_EQ(gate.message, "Tries left: 3");
}

TEST(CardPinGate, RefusesWhenNoCardIsPresent)
{
    card::CardStatus s;
    EXPECT_FALSE(cardInfoPinGate(s).allowed);
    EXPECT_FALSE(cardInfoPinGate(s).blocked);
}

TEST(CardPinGate, AcceptsExactlyFourDigits)
{
    EXPECT_TRUE(isCardInfoPin("0123"));
    EXPECT_FALSE(isCardInfoPin("123"));
    EXPECT_FALSE(isCardInfoPin("12345"));
    EXPECT_FALSE(isCardInfoPin("12a4"));
    EXPECT_FALSE(isCardInfoPin("１２３４")); // full-width digits are not what the card compares
    EXPECT_FALSE(isCardInfoPin(""));
}

TEST(CardPinGate, TheTriesLeftGoThroughTheWindowsCatalog)
{
    setTranslator([](const char* id) {
        std::string s(id);
        if (s == "Tries left: %1")
            return std::string("残り試行回数: %1回");
        if (s == "%1 (the next wrong PIN locks it)")
            return std::string("%1（次に間違えるとロックされます）");
        return s;
    });
    EXPECT_EQ(cardInfoPinGate(cardWithCardInfoTries(1)).message, "残り試行回数: 1回（次に間違えるとロックされます）");
    setTranslator(nullptr);
}
