#include "core/cases/reception_number.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;

TEST(ReceptionNumber, FormatsThreeDigits)
{
    EXPECT_EQ(formatReceptionNumber("A", 12), "A-012");
    EXPECT_EQ(formatReceptionNumber("B", 1234), "B-1234");
}

TEST(ReceptionNumber, ParsesWhatAClerkTypes)
{
    auto r = parseReceptionNumber("a-12");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->series, "A");
    EXPECT_EQ(r->sequence, 12);
    auto f = parseReceptionNumber("Ａ－０１２");
    ASSERT_TRUE(f);
    EXPECT_EQ(formatReceptionNumber(f->series, f->sequence), "A-012");
    EXPECT_FALSE(parseReceptionNumber("山田"));
    EXPECT_FALSE(parseReceptionNumber("2026-11-29"));
    EXPECT_FALSE(parseReceptionNumber("A-"));
}
