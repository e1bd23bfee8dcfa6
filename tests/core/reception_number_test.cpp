#include "core/cases/reception_number.hpp"
#include "core/common/errors.hpp"

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

TEST(OfficeCode, PlainAsciiCodesAreTakenTrimmed)
{
    EXPECT_EQ(checkOfficeCode("main"), "main");
    EXPECT_EQ(checkOfficeCode(" kodaira-east_2 "), "kodaira-east_2");
}

TEST(OfficeCode, EmptySpacesAndOtherCharactersAreRefused)
{
    EXPECT_THROW(checkOfficeCode(""), ValidationError);
    EXPECT_THROW(checkOfficeCode("   "), ValidationError);
    EXPECT_THROW(checkOfficeCode("north office"), ValidationError);
    EXPECT_THROW(checkOfficeCode("本庁"), ValidationError);
    EXPECT_THROW(checkOfficeCode(std::string(33, 'a')), ValidationError);
    EXPECT_NO_THROW(checkOfficeCode(std::string(32, 'a')));
}
