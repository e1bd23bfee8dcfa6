#include "core/cases/resident.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using boost::gregorian::date;

namespace {
Resident valid()
{
    Resident r;
    r.name = "山田 太郎";
    r.kana = "ヤマダ タロウ";
    r.birth = date(1970, 5, 20);
    return r;
}
const date kToday(2026, 11, 29);
} // namespace

TEST(Resident, ValidPasses)
{
    EXPECT_NO_THROW(validate(valid(), kToday));
}

TEST(Resident, EachBadFieldIsNamed)
{
    auto expectField = [](Resident r, const std::string& field) {
        try {
            validate(r, kToday);
            ADD_FAILURE() << "accepted bad " << field;
        } catch (const ValidationError& e) {
            EXPECT_EQ(std::string(e.what()).rfind(field, 0), 0u) << e.what();
        }
    };
    Resident r = valid();
    r.name = "　";
    expectField(r, "name");
    r = valid();
    r.kana = "Yamada";
    expectField(r, "kana");
    r = valid();
    r.birth = date(2027, 1, 1);
    expectField(r, "birth");
    r = valid();
    r.stayUntil = date(1960, 1, 1);
    expectField(r, "stay-until");
}

// The era check is by day: the days of 1868 before 明治 began (01-01..01-24) have no era year,
// and the message names the first day the check applies.
TEST(Resident, BirthBeforeMeijiIsRefusedByDay)
{
    Resident r = valid();
    r.birth = date(1868, 1, 24);
    try {
        validate(r, kToday);
        ADD_FAILURE() << "accepted 1868-01-24";
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("before 1868-01-25"), std::string::npos) << e.what();
    }
    r.birth = date(1868, 1, 25);
    EXPECT_NO_THROW(validate(r, kToday));
}

TEST(Clock, StrictIsoDates)
{
    EXPECT_EQ(parseIsoDate("2024-02-29", "d"), date(2024, 2, 29));
    EXPECT_THROW(parseIsoDate("2026-02-30", "d"), ValidationError);
    EXPECT_THROW(parseIsoDate("2026-2-3", "d"), ValidationError);
    EXPECT_THROW(parseIsoDate("2026-13-01", "d"), ValidationError);
    EXPECT_THROW(parseIsoDate("yesterday", "d"), ValidationError);
    try {
        parseIsoDate("2023-02-29", "--birth");
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("--birth"), std::string::npos);
    }
}

TEST(Clock, IsoDatesAreZeroPaddedAndRoundTrip)
{
    EXPECT_EQ(toIso(date(2026, 1, 5)), "2026-01-05");
    EXPECT_EQ(toIso(date(1400, 12, 31)), "1400-12-31");
    EXPECT_EQ(toIso(date(boost::gregorian::not_a_date_time)), "not-a-date-time");
    for (date d(1989, 1, 1); d < date(1990, 1, 1); d += boost::gregorian::days(1))
        ASSERT_EQ(parseIsoDate(toIso(d), "d"), d);
}

TEST(Sex, Parses)
{
    EXPECT_EQ(parseSex("1"), Sex::Male);
    EXPECT_EQ(parseSex("女"), Sex::Female);
    EXPECT_THROW(parseSex("x"), ValidationError);
}
