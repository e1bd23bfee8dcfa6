#include "app/gui/presenters/card_pin_gate.hpp"

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
    EXPECT_NE(gate.message.find("ロック"), std::string::npos);
}

TEST(CardPinGate, WarnsAtOneTryLeft)
{
    const auto gate = cardInfoPinGate(cardWithCardInfoTries(1));
    EXPECT_TRUE(gate.allowed);
    EXPECT_FALSE(gate.blocked);
    EXPECT_EQ(gate.triesLeft, 1);
    EXPECT_NE(gate.message.find("次に間違えるとロック"), std::string::npos);
}

TEST(CardPinGate, ShowsTriesLeftWithoutWarningWhenSeveralRemain)
{
    const auto gate = cardInfoPinGate(cardWithCardInfoTries(3));
    EXPECT_TRUE(gate.allowed);
    EXPECT_NE(gate.message.find("3回"), std::string::npos);
    EXPECT_EQ(gate.message.find("次に間違えると"), std::string::npos);
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
