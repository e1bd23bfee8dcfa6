// The stored timestamp format (core/common/clock.hpp): what now() writes is what readTimestamp()
// reads back, and every reader of a stored time (the list, the history, the daily report, the
// audit trail) gets its day, clock time and minutes from here.
#include "core/common/clock.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using boost::gregorian::date;

TEST(Timestamp, ReadsTheDayTheClockAndTheOffset)
{
    auto t = readTimestamp("2026-11-29T10:05:07+09:00");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->localDay, date(2026, 11, 29));
    EXPECT_EQ(t->clock(), "10:05");
    EXPECT_EQ(t->clockWithSeconds(), "10:05:07");
    EXPECT_EQ(t->dayAndClock(), "2026-11-29 10:05");
    EXPECT_EQ(t->offsetMinutes, 540);
    EXPECT_EQ(readTimestamp("2026-11-29T10:05:00-03:30")->offsetMinutes, -210);
}

TEST(Timestamp, EpochSecondsHonourTheOffset)
{
    EXPECT_EQ(*epochSeconds("2026-11-29T09:00:00+09:00"), *epochSeconds("2026-11-29T00:00:00Z"));
    EXPECT_EQ(*epochSeconds("1970-01-01T09:00:00+09:00"), 0);
    EXPECT_EQ(*epochSeconds("2026-11-29T10:00:00.123+09:00") - *epochSeconds("2026-11-29T09:00:00+09:00"), 3600);
    EXPECT_EQ(*epochSeconds("1969-12-31T23:59:59Z"), -1);
}

TEST(Timestamp, CountsMinutesAcrossUtcOffsets)
{
    EXPECT_EQ(minutesBetween("2026-11-29T09:00:00+09:00", "2026-11-29T09:45:00+09:00"), 45);
    EXPECT_EQ(minutesBetween("2026-11-29T09:00:00+09:00", "2026-11-29T00:30:00+00:00"), 30);
    EXPECT_FALSE(minutesBetween("garbage", "2026-11-29T00:30:00+00:00"));
}

TEST(Timestamp, WhatNowWritesReadsBack)
{
    Timestamp n = now();
    auto t = readTimestamp(n.iso);
    ASSERT_TRUE(t) << n.iso;
    EXPECT_EQ(t->localDay, n.localDay);
    EXPECT_EQ(timestampAt(t->epoch, t->offsetMinutes), n.iso);
}

TEST(Timestamp, WritesAnInstantAtAnOffset)
{
    EXPECT_EQ(timestampAt(0, 540), "1970-01-01T09:00:00+09:00");
    EXPECT_EQ(timestampAt(-1, 0), "1969-12-31T23:59:59+00:00");
    EXPECT_EQ(timestampAt(*epochSeconds("2026-11-29T10:05:00+09:00"), -60), "2026-11-29T00:05:00-01:00");
    EXPECT_EQ(startOfDay(date(2026, 11, 29), 540), *epochSeconds("2026-11-29T00:00:00+09:00"));
}

TEST(Timestamp, RefusesWhatIsNotOne)
{
    for (const char* bad : {"", "yesterday", "2026-11-29", "2026-11-29T10:05", "2026-02-30T10:05:00+09:00",
                            "2026-11-29T24:00:00+09:00", "2026-11-29T10:05:00+0900", "2026-11-29T10:05:00+09:00 extra",
                            "２０２６-11-29T10:05:00+09:00", "2026-11-29T1a:05:00+09:00"})
        EXPECT_FALSE(readTimestamp(bad)) << bad;
}
