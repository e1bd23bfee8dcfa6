#include "app/gui/presenters/date_input.hpp"
#include "app/gui/presenters/translate.hpp"

#include <gtest/gtest.h>

using namespace madoguchi::gui;
using boost::gregorian::date;

TEST(DateInput, ReadsWesternDatesInEveryCommonShape)
{
    for (const char* text :
         {"1970-05-20", "1970/5/20", "1970.5.20", "19700520", "1970年5月20日", "１９７０－０５－２０"})
        EXPECT_EQ(parseDateInput(text).date, date(1970, 5, 20)) << text;
}

TEST(DateInput, ReadsJapaneseEraDatesByNameInitialAndShortName)
{
    for (const char* text :
         {"昭和45年5月20日", "S45.5.20", "s45/5/20", "昭45.5.20", "Ｓ４５．５．２０", "昭和 45年 5月 20日"})
        EXPECT_EQ(parseDateInput(text).date, date(1970, 5, 20)) << text;
    EXPECT_EQ(parseDateInput("令和元年5月1日").date, date(2019, 5, 1));
    EXPECT_EQ(parseDateInput("H1.1.8").date, date(1989, 1, 8));
    EXPECT_EQ(parseDateInput("T15.12.24").date, date(1926, 12, 24));
}

TEST(DateInput, RefusesADayOutsideTheEraTyped)
{
    // 昭和 ended on 1989-01-07; 平成 on 2019-04-30.
    EXPECT_EQ(parseDateInput("昭和64年1月8日").error, DateInputError::OutsideEra);
    EXPECT_EQ(parseDateInput("H31.5.1").error, DateInputError::OutsideEra);
    EXPECT_EQ(parseDateInput("R1.4.30").error, DateInputError::OutsideEra);
    EXPECT_EQ(parseDateInput("昭和64年1月7日").date, date(1989, 1, 7));
}

TEST(DateInput, TellsANonexistentDayFromUnreadableText)
{
    EXPECT_EQ(parseDateInput("2026-02-30").error, DateInputError::NoSuchDate);
    EXPECT_EQ(parseDateInput("S45.2.30").error, DateInputError::NoSuchDate);
    EXPECT_EQ(parseDateInput("yesterday").error, DateInputError::Unreadable);
    EXPECT_EQ(parseDateInput("X45.5.20").error, DateInputError::Unreadable);
    EXPECT_EQ(parseDateInput("  ").error, DateInputError::Empty);
}

TEST(DateInput, FormatsTheFirstYearOfAnEraAsGannen)
{
    EXPECT_EQ(formatWareki(date(1989, 1, 8)), "平成元年1月8日");
    EXPECT_EQ(formatWareki(date(1989, 1, 7)), "昭和64年1月7日");
    EXPECT_EQ(formatWareki(date(2026, 11, 29)), "令和8年11月29日");
}

TEST(DateInput, EchoesBothCalendarsInTheWindowLanguage)
{
    setUiLanguage(UiLanguage::Japanese);
    EXPECT_EQ(formatBothCalendars(date(1970, 5, 20)), "1970-05-20（昭和45年5月20日）");
    setUiLanguage(UiLanguage::English);
    EXPECT_EQ(formatBothCalendars(date(1970, 5, 20)), "1970-05-20 (Shōwa 45)");
}
