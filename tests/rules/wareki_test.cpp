// 和暦: every day from 明治 to 2100 round-trips, agrees with ICU's Japanese calendar, and the era
// boundaries hold both ways.
#include "core/common/errors.hpp"
#include "core/era/wareki.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <gtest/gtest.h>
#include <memory>
#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>

using namespace madoguchi::era;
using boost::gregorian::date;
using boost::gregorian::days;

namespace {
std::string refusal(std::string_view text)
{
    try {
        parse(text);
    } catch (const madoguchi::ValidationError& e) {
        return e.what();
    }
    return "";
}
} // namespace

TEST(Wareki, FormsOfTheSpec)
{
    EXPECT_EQ(parse("令和6年11月28日"), date(2024, 11, 28));
    EXPECT_EQ(parse("R6.11.28"), date(2024, 11, 28));
    EXPECT_EQ(parse("S55.7.2"), date(1980, 7, 2));
    EXPECT_EQ(parse("H1.1.8"), date(1989, 1, 8));
    EXPECT_EQ(parse("令和元年5月1日"), date(2019, 5, 1));
    EXPECT_EQ(parse("Ｒ６．１１．２８"), date(2024, 11, 28));
    EXPECT_EQ(parse("r06.11.28"), date(2024, 11, 28));
    EXPECT_EQ(formatJa(date(2024, 11, 28)), "令和6年11月28日");
    EXPECT_EQ(formatJa(date(2019, 5, 1)), "令和元年5月1日");
    EXPECT_EQ(formatShort(date(1980, 7, 2)), "S55.7.2");
    EXPECT_EQ(formatBoth(date(2026, 11, 29)), "2026-11-29（令和8年11月29日）");
}

TEST(Wareki, BoundariesBothWays)
{
    EXPECT_EQ(formatJa(date(1989, 1, 7)), "昭和64年1月7日");
    EXPECT_EQ(formatJa(date(1989, 1, 8)), "平成元年1月8日");
    EXPECT_EQ(formatJa(date(2019, 4, 30)), "平成31年4月30日");
    EXPECT_EQ(formatJa(date(2019, 5, 1)), "令和元年5月1日");
    EXPECT_EQ(formatJa(date(1926, 12, 24)), "大正15年12月24日");
    EXPECT_EQ(formatJa(date(1926, 12, 25)), "昭和元年12月25日");
    EXPECT_EQ(formatJa(date(1912, 7, 29)), "明治45年7月29日");
    EXPECT_EQ(formatJa(date(1912, 7, 30)), "大正元年7月30日");
    EXPECT_EQ(formatJa(date(1868, 1, 25)), "明治元年1月25日");
    EXPECT_EQ(parse("昭和64年1月7日"), date(1989, 1, 7));
    EXPECT_EQ(parse("平成元年1月8日"), date(1989, 1, 8));
    EXPECT_EQ(parse("平成31年4月30日"), date(2019, 4, 30));
    EXPECT_EQ(parse("R1.5.1"), date(2019, 5, 1));
}

TEST(Wareki, ImpossibleEraDatesAreClearErrors)
{
    std::string showa65 = refusal("昭和65年1月1日");
    EXPECT_NE(showa65.find("昭和65年は存在しません"), std::string::npos) << showa65;
    EXPECT_NE(showa65.find("64年1月7日まで"), std::string::npos) << showa65;
    std::string heisei = refusal("平成31年5月1日");
    EXPECT_NE(heisei.find("平成31年5月1日は存在しません"), std::string::npos) << heisei;
    EXPECT_NE(heisei.find("31年4月30日まで"), std::string::npos) << heisei;
    EXPECT_NE(refusal("S64.1.8").find("存在しません"), std::string::npos);
    EXPECT_NE(refusal("令和元年4月30日").find("元年5月1日から"), std::string::npos);
    EXPECT_NE(refusal("H1.1.7").find("存在しません"), std::string::npos);
    EXPECT_NE(refusal("令和6年2月30日").find("存在しません"), std::string::npos);
    EXPECT_NE(refusal("R6.13.1").find("日付になりません"), std::string::npos);
    EXPECT_NE(refusal("2024-11-28").find("和暦の日付として読めません"), std::string::npos);
    EXPECT_NE(refusal("X6.1.1").find("和暦"), std::string::npos);
    EXPECT_THROW(formatJa(date(1868, 1, 24)), madoguchi::ValidationError);
}

TEST(Wareki, EveryDayFrom1868To2100RoundTrips)
{
    for (date x(1868, 1, 25); x <= date(2100, 12, 31); x += days(1)) {
        ASSERT_EQ(parse(formatJa(x)), x) << formatJa(x);
        ASSERT_EQ(parse(formatShort(x)), x) << formatShort(x);
        EraDate e = toEra(x);
        ASSERT_EQ(fromEra(e), x);
    }
}

// ICU's Japanese calendar as an independent oracle. ICU starts 明治 on 1868-09-08 (the day of the
// proclamation), so the comparison starts there; our table runs it from 明治元年1月1日.
TEST(Wareki, AgreesWithIcuJapaneseCalendar)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> jp(icu::Calendar::createInstance(icu::Locale("ja_JP@calendar=japanese"), status));
    ASSERT_TRUE(U_SUCCESS(status));
    jp->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    std::unique_ptr<icu::GregorianCalendar> greg(new icu::GregorianCalendar(status));
    greg->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    ASSERT_TRUE(U_SUCCESS(status));
    const int icuMeiji = 232; // ICU's era index of 明治
    for (date x(1868, 9, 8); x <= date(2100, 12, 31); x += days(1)) {
        greg->clear();
        greg->set(x.year(), x.month() - 1, x.day());
        jp->setTime(greg->getTime(status), status);
        int icuEra = jp->get(UCAL_ERA, status) - icuMeiji;
        int icuYear = jp->get(UCAL_YEAR, status);
        ASSERT_TRUE(U_SUCCESS(status));
        EraDate ours = toEra(x);
        ASSERT_EQ(static_cast<int>(ours.era), icuEra) << x;
        ASSERT_EQ(ours.year, icuYear) << x;
    }
}
