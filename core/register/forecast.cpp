// Counts the deadline engine's dates into months and weeks (forecast.hpp). The only date arithmetic
// here is which period a date falls in; windows and expiries are the engine's.
#include "core/register/forecast.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/rules/deadlines.hpp"

#include <cmath>
#include <cstdio>

namespace madoguchi {

using boost::gregorian::date;
using boost::gregorian::date_duration;

const std::vector<ForecastField>& forecastFields()
{
    static const std::vector<ForecastField> fields{
        {"card_renewals", &ForecastCounts::cardRenewals},
        {"cert_renewals", &ForecastCounts::certRenewals},
        {"card_expiries", &ForecastCounts::cardExpiries},
        {"cert_expiries", &ForecastCounts::certExpiries},
        {"stay_ends", &ForecastCounts::stayEnds},
        {"health_insurance_ends", &ForecastCounts::healthInsuranceEnds},
    };
    return fields;
}

namespace {

std::string monthLabel(const date& d)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(d.year()), static_cast<int>(d.month()));
    return buf;
}

std::string isoWeekLabel(const date& monday)
{
    // The ISO week belongs to the year of its Thursday.
    date thursday = monday + date_duration(3);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", static_cast<int>(thursday.year()), monday.week_number());
    return buf;
}

int scaled(int weekly, long days)
{
    return static_cast<int>(std::lround(static_cast<double>(weekly) * static_cast<double>(days) / 7.0));
}

void setCapacity(ForecastPeriod& p, const std::optional<WeeklyCapacity>& weekly)
{
    if (!weekly)
        return;
    long days = (p.last - p.first).days() + 1;
    p.capacity = PeriodCapacity{scaled(weekly->cardReceipt, days), scaled(weekly->certRenewal, days)};
    p.over = PeriodCapacity{std::max(0, p.counts.cardRenewals - p.capacity->cardReceipt),
                            std::max(0, p.counts.certRenewals - p.capacity->certRenewal)};
}

} // namespace

Forecast computeForecast(const std::vector<IssuedCard>& cards, const date& firstMonth, int months,
                         const std::optional<WeeklyCapacity>& capacity, const rules::Readings& readings)
{
    if (months < 1 || months > 120)
        throw ValidationError("months: " + std::to_string(months) + " is not between 1 and 120");
    if (capacity && (capacity->cardReceipt < 0 || capacity->certRenewal < 0))
        throw ValidationError("capacity: slots per week cannot be negative");
    // The months counted must lie where the deadline engine counts (9999-12 ran past the calendar).
    if (firstMonth > rules::kLastDayCounted - boost::gregorian::months(months))
        throw ValidationError("from: " + toIso(firstMonth).substr(0, 7) + " and " + std::to_string(months) +
                              " months run past " + toIso(rules::kLastDayCounted) + ", the last day the rules count");
    Forecast f;
    f.first = date(firstMonth.year(), firstMonth.month(), 1);
    for (int m = 0; m < months; ++m) {
        date start = f.first + boost::gregorian::months(m);
        ForecastPeriod p;
        p.label = monthLabel(start);
        p.first = start;
        p.last = start.end_of_month();
        f.months.push_back(p);
    }
    f.last = f.months.back().last;
    // Weeks from the Monday on or before the first day.
    const date firstMonday = f.first - date_duration((f.first.day_of_week().as_number() + 6) % 7);
    for (date monday = firstMonday; monday <= f.last; monday += date_duration(7)) {
        ForecastPeriod p;
        p.label = isoWeekLabel(monday);
        p.first = std::max(monday, f.first);
        p.last = std::min(monday + date_duration(6), f.last);
        f.weeks.push_back(p);
    }
    const int firstMonthIndex = static_cast<int>(f.first.year()) * 12 + static_cast<int>(f.first.month()) - 1;

    auto count = [&](const std::optional<date>& d, int ForecastCounts::*field) {
        if (!d || *d < f.first || *d > f.last)
            return;
        int m = static_cast<int>(d->year()) * 12 + static_cast<int>(d->month()) - 1 - firstMonthIndex;
        ++(f.months[static_cast<std::size_t>(m)].counts.*field);
        auto w = static_cast<std::size_t>((*d - firstMonday).days() / 7);
        ++(f.weeks[w].counts.*field);
    };
    for (const IssuedCard& card : cards) {
        // The warnings' "today" does not change a date; the forecast's first day keeps them quiet.
        const rules::Deadlines d = rules::computeDeadlines(deadlineInputFor(card, f.first), readings);
        count(d.cardRenewalOpens, &ForecastCounts::cardRenewals);
        count(d.certRenewalOpens, &ForecastCounts::certRenewals);
        count(d.cardExpiry, &ForecastCounts::cardExpiries);
        count(d.authCertExpiry, &ForecastCounts::certExpiries);
        if (d.boundToStay)
            count(d.cardExpiry, &ForecastCounts::stayEnds);
        count(d.healthInsuranceUntil, &ForecastCounts::healthInsuranceEnds);
    }
    f.cards = cards.size();
    for (auto& p : f.months)
        setCapacity(p, capacity);
    for (auto& p : f.weeks)
        setCapacity(p, capacity);
    return f;
}

} // namespace madoguchi
