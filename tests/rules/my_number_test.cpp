// My Number check digit (docs/rules.md, Part II), validation messages and masking.
#include "core/common/errors.hpp"
#include "core/mynumber/my_number.hpp"

#include <gtest/gtest.h>
#include <random>

using namespace madoguchi::mynumber;

namespace {
std::string messageOf(std::string_view number)
{
    try {
        validate(number);
    } catch (const madoguchi::ValidationError& e) {
        return e.what();
    }
    return "";
}
} // namespace

TEST(MyNumber, CheckDigitOfTheSpecExample)
{
    EXPECT_EQ(checkDigit("12345678901"), 8);
}

TEST(MyNumber, CheckDigitIsZeroWhenRemainderIsZeroOrOne)
{
    // 00000000000: S = 0 → 0. 10000000000: P11 = 1, Q11 = 6 → S = 6 → 11 − 6 = 5.
    EXPECT_EQ(checkDigit("00000000000"), 0);
    EXPECT_EQ(checkDigit("10000000000"), 5);
    // 00000000005: P1 = 5, Q1 = 2 → S = 10 → 11 − 10 = 1. 00000000001 → S = 2 → 9.
    EXPECT_EQ(checkDigit("00000000005"), 1);
    EXPECT_EQ(checkDigit("00000000001"), 9);
    // S = 12 (P1 = 6, Q1 = 2) → r = 1 → 0; S = 11 (P2 = 1 → 3, P1 = 4 → 8) → r = 0 → 0.
    EXPECT_EQ(checkDigit("00000000006"), 0);
    EXPECT_EQ(checkDigit("00000000014"), 0);
}

TEST(MyNumber, ValidNumbersPassInTheFormsPeopleType)
{
    EXPECT_TRUE(isValid("123456789018"));
    EXPECT_TRUE(isValid("1234 5678 9018"));
    EXPECT_TRUE(isValid("1234-5678-9018"));
    EXPECT_TRUE(isValid("１２３４　５６７８　９０１８"));
}

TEST(MyNumber, EveryWrongCheckDigitIsRefused)
{
    for (char c = '0'; c <= '9'; ++c) {
        std::string n = std::string("12345678901") + c;
        EXPECT_EQ(isValid(n), c == '8') << n;
    }
    EXPECT_NE(messageOf("123456789017").find("検査用数字"), std::string::npos);
}

TEST(MyNumber, SingleDigitTyposAreCaught)
{
    // The weights (2–7) are coprime with 11, so a single-digit change in the first 11 digits always
    // changes the remainder; it goes unnoticed only when the remainder moves between 0 and 1, both
    // of which give the check digit 0.
    std::mt19937 rng(12);
    for (int i = 0; i < 2000; ++i) {
        std::string body;
        for (int k = 0; k < 11; ++k)
            body += static_cast<char>('0' + rng() % 10);
        std::string good = body + static_cast<char>('0' + checkDigit(body));
        ASSERT_TRUE(isValid(good)) << good;
        std::string bad = good;
        std::size_t pos = rng() % 11;
        bad[pos] = static_cast<char>('0' + (bad[pos] - '0' + 1 + rng() % 9) % 10);
        bool bothZero = good[11] == '0' && checkDigit(std::string_view(bad).substr(0, 11)) == 0;
        EXPECT_EQ(isValid(bad), bothZero) << bad;
    }
}

TEST(MyNumber, MessagesNameWhatIsWrongWithoutEchoingTheNumber)
{
    std::string shortOne = messageOf("12345678901");
    EXPECT_NE(shortOne.find("12桁"), std::string::npos) << shortOne;
    EXPECT_NE(shortOne.find("got 11"), std::string::npos) << shortOne;
    EXPECT_EQ(shortOne.find("12345678901"), std::string::npos);
    EXPECT_NE(messageOf("12345678901a").find("数字以外"), std::string::npos);
    EXPECT_NE(messageOf("").find("got 0"), std::string::npos);
}

TEST(MyNumber, MaskShowsOnlyTheLastFourDigits)
{
    EXPECT_EQ(mask("123456789018"), "**** **** 9018");
    EXPECT_EQ(mask("1234 5678 9018"), "**** **** 9018");
    EXPECT_EQ(mask("12345"), "**** **** ****");
    EXPECT_EQ(mask("12345678901x"), "**** **** ****");
}
