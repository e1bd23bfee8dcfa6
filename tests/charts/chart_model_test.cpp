// The chart model (core/charts/chart.hpp) against the figures it is built from: the forecast's
// months and weeks, the visits' hours and waits, the booking book's fill per day.
#include "core/charts/chart.hpp"
#include "tests/register/generated_register.hpp"

#include <gtest/gtest.h>
#include <set>

using namespace madoguchi;
using namespace madoguchi::charts;
using boost::gregorian::date;
using boost::gregorian::days;

TEST(ChartModel, TheForecastChartIsTheForecastsMonthsAgainstCapacityFlaggedByHowMuch)
{
    const auto cards = test::generatedRegister(3000, 11);
    const Forecast f = computeForecast(cards, date(2026, 12, 1), 24, WeeklyCapacity{6, 5});
    for (auto kind : {RenewalKind::Card, RenewalKind::Cert}) {
        const bool card = kind == RenewalKind::Card;
        Chart c = forecastChart(f, kind, Period::Months);
        EXPECT_EQ(c.id, card ? "forecast-card" : "forecast-cert");
        ASSERT_EQ(c.categories.size(), 24u);
        ASSERT_EQ(c.bars.size(), 1u);
        ASSERT_TRUE(c.limit);
        int flagged = 0;
        for (std::size_t i = 0; i < 24; ++i) {
            const auto& m = f.months[i];
            EXPECT_EQ(c.categories[i].ja, m.label);
            EXPECT_EQ(c.bars[0].values[i], card ? m.counts.cardRenewals : m.counts.certRenewals);
            EXPECT_EQ(c.limit->values[i], card ? m.capacity->cardReceipt : m.capacity->certRenewal);
            const int over = card ? m.over->cardReceipt : m.over->certRenewal;
            EXPECT_EQ(c.flagged[i], over > 0) << m.label;
            EXPECT_EQ(c.flagFigures[i], over > 0 ? "+" + std::to_string(over) : "") << m.label;
            flagged += over > 0;
        }
        EXPECT_EQ(c.flaggedCount(), flagged);
        EXPECT_GT(flagged, 0); // 3,000 cards over 5–6 slots a week: some months are over, not all
        EXPECT_LT(flagged, 24);
        // The value axis holds every bar and the capacity.
        for (double v : c.bars[0].values)
            EXPECT_LE(v, c.top());
        EXPECT_LE(c.top() / c.step(), 7);
    }
    // Weeks: the first ones, labelled by their Monday (the first clipped to the span's first day).
    Chart w = forecastChart(f, RenewalKind::Card, Period::Weeks, 13);
    ASSERT_EQ(w.categories.size(), 13u);
    EXPECT_EQ(w.id, "forecast-card-weeks");
    EXPECT_EQ(w.categories[0].ja, "12/1〜");
    EXPECT_EQ(w.categories[1].ja, "12/7〜");
    for (std::size_t i = 0; i < 13; ++i) {
        EXPECT_EQ(w.bars[0].values[i], f.weeks[i].counts.cardRenewals);
        EXPECT_EQ(w.flagged[i], f.weeks[i].over->cardReceipt > 0);
    }
    // Without a capacity: no line, nothing flagged.
    Chart none =
        forecastChart(computeForecast(cards, date(2026, 12, 1), 3, std::nullopt), RenewalKind::Card, Period::Months);
    EXPECT_FALSE(none.limit);
    EXPECT_EQ(none.flaggedCount(), 0);
}

TEST(ChartModel, VisitsPerHourCountEveryVisitAndWaitsAreTheTablesAverageAndLongest)
{
    auto visit = [](std::vector<Procedure> p, int hour, std::optional<double> wait) {
        TimedVisit v;
        v.procedures = std::move(p);
        v.hour = hour;
        v.waits.waitMinutes = wait;
        return v;
    };
    std::vector<TimedVisit> visits{visit({Procedure::PinReset}, 9, 10), visit({Procedure::PinReset}, 9, 30),
                                   visit({Procedure::CertRenewal, Procedure::PinReset}, 10, 20),
                                   visit({Procedure::CardReceipt}, 10, std::nullopt), // never called
                                   visit({Procedure::CardReceipt}, 18, 5)};           // after hours
    Chart h = casesPerHourChart(visits);
    // 8 to 17 always, and 18 where a visit came in.
    ASSERT_EQ(h.categories.size(), 11u);
    EXPECT_EQ(h.categories.front().ja, "8時");
    EXPECT_EQ(h.categories.front().en, "8:00");
    EXPECT_EQ(h.categories.back().ja, "18時");
    EXPECT_EQ(h.bars[0].values[1], 2); // 9時
    EXPECT_EQ(h.bars[0].values[2], 2); // 10時, the uncalled one too
    EXPECT_EQ(h.bars[0].values[10], 1);
    EXPECT_FALSE(h.limit);

    Chart w = waitsChart(tabulateWaits(visits));
    // The procedures whose residents were called, in the rule book's order.
    std::vector<std::string> names;
    for (const auto& c : w.categories)
        names.push_back(c.ja);
    ASSERT_EQ(w.categories.size(), 3u);
    ASSERT_EQ(w.bars.size(), 2u);
    EXPECT_EQ(w.unit, Unit::Minutes);
    for (std::size_t i = 0; i < w.categories.size(); ++i) {
        if (w.categories[i].ja == std::string(info(Procedure::PinReset).nameJa)) {
            EXPECT_DOUBLE_EQ(w.bars[0].values[i], 20); // (10 + 30 + 20) / 3
            EXPECT_DOUBLE_EQ(w.bars[1].values[i], 30);
        }
        if (w.categories[i].ja == std::string(info(Procedure::CardReceipt).nameJa)) {
            EXPECT_DOUBLE_EQ(w.bars[0].values[i], 5);
        }
    }
    EXPECT_TRUE(waitsChart(WaitTable{}).empty());
    EXPECT_FALSE(w.empty());
}

TEST(ChartModel, TheFillRateIsTheBookedShareOfEachWeeksOpenWindowMinutes)
{
    const auto& cal = bookings::OfficeCalendar::defaults();
    // Wednesday 2027-01-13: its week from that day on, then seven whole weeks.
    const date from(2027, 1, 13);
    std::map<date, std::vector<bookings::Appointment>> book;
    book[date(2027, 1, 13)] = {{1, "all", 9 * 60, 30}, {2, "all", 10 * 60, 20}};
    book[date(2027, 1, 12)] = {{3, "all", 9 * 60, 30}}; // before `from`: left out
    book[date(2027, 1, 20)] = {{4, "all", 9 * 60, 15}};
    auto weeks = weeklyFill(cal, from, book);
    ASSERT_EQ(weeks.size(), 8u);
    EXPECT_EQ(weeks[0].monday, date(2027, 1, 11));
    EXPECT_EQ(weeks[7].monday, date(2027, 3, 1));
    // Each week is the sum of its days' DayFill.
    for (const auto& w : weeks) {
        int capacity = 0, booked = 0;
        for (int d = 0; d < 7; ++d) {
            date day = w.monday + days(d);
            if (day < from)
                continue;
            auto it = book.find(day);
            auto f = bookings::fillOf(cal, day, it == book.end() ? std::vector<bookings::Appointment>{} : it->second);
            capacity += f.capacityMinutes;
            booked += f.bookedMinutes;
        }
        EXPECT_EQ(w.capacityMinutes, capacity);
        EXPECT_EQ(w.bookedMinutes, booked);
    }
    EXPECT_EQ(weeks[0].bookedMinutes, 50);
    EXPECT_EQ(weeks[0].bookings, 2);
    EXPECT_EQ(weeks[1].bookedMinutes, 15);
    Chart c = bookingFillChart(weeks);
    ASSERT_EQ(c.categories.size(), 8u);
    EXPECT_EQ(c.categories[0].ja, "1/11〜");
    EXPECT_DOUBLE_EQ(c.bars[0].values[0], weeks[0].percent());
    EXPECT_EQ(c.top(), 100);
    EXPECT_EQ(c.flaggedCount(), 0);
    // A week at 90 % or more is flagged with its figure.
    weeks[2].bookedMinutes = weeks[2].capacityMinutes * 95 / 100;
    c = bookingFillChart(weeks);
    EXPECT_TRUE(c.flagged[2]);
    EXPECT_EQ(c.flagFigures[2], "95%");
    EXPECT_EQ(c.flaggedCount(), 1);
}

TEST(ChartModel, EveryTextHasJapaneseAndEnglishAndTheValuesPrintRounded)
{
    std::set<std::string> ja, en;
    for (int t = 0; t <= static_cast<int>(Text::NoData); ++t) {
        ja.insert(japanese(static_cast<Text>(t)));
        en.insert(english(static_cast<Text>(t)));
    }
    EXPECT_EQ(ja.size(), static_cast<std::size_t>(Text::NoData) + 1);
    EXPECT_EQ(en.size(), static_cast<std::size_t>(Text::NoData) + 1);
    EXPECT_FALSE(ja.count(""));
    EXPECT_EQ(valueText(Unit::Count, 12), "12");
    EXPECT_EQ(valueText(Unit::Minutes, 12.6), "13");
    EXPECT_EQ(valueText(Unit::Percent, 94.6), "95%");
}
