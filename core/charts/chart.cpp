// The chart model (chart.hpp): builders from the forecast, the day's visits and waits, and the
// booking book, and the value axis both renderers use.
#include "core/charts/chart.hpp"

#include "core/cases/procedure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace madoguchi::charts {

namespace bg = boost::gregorian;

const char* japanese(Text t)
{
    switch (t) {
    case Text::CardForecastTitle:
        return "カードの更新と受け取りの枠（月別）";
    case Text::CertForecastTitle:
        return "電子証明書の更新と更新の枠（月別）";
    case Text::CardWeeksTitle:
        return "カードの更新と受け取りの枠（週別）";
    case Text::CertWeeksTitle:
        return "電子証明書の更新と更新の枠（週別）";
    case Text::CasesPerHourTitle:
        return "時間帯別の受付件数";
    case Text::WaitsTitle:
        return "手続き別の待ち時間（受付→呼出）";
    case Text::FillTitle:
        return "予約の埋まり具合（今後8週間）";
    case Text::AxisMonth:
        return "月";
    case Text::AxisWeek:
        return "週（月曜日から）";
    case Text::AxisHour:
        return "受付の時刻（時台）";
    case Text::AxisProcedure:
        return "手続き";
    case Text::AxisCount:
        return "件数";
    case Text::AxisMinutes:
        return "分";
    case Text::AxisPercent:
        return "予約率（％）";
    case Text::SeriesCardRenewals:
        return "カードの更新";
    case Text::SeriesCertRenewals:
        return "電子証明書の更新";
    case Text::SeriesCardCapacity:
        return "受け取りの枠";
    case Text::SeriesCertCapacity:
        return "更新の枠";
    case Text::SeriesVisits:
        return "来庁";
    case Text::SeriesAverageWait:
        return "平均";
    case Text::SeriesLongestWait:
        return "最長";
    case Text::SeriesFill:
        return "予約率";
    case Text::SeriesFull:
        return "満枠（100％）";
    case Text::FlagOverCapacity:
        return "枠を超える（超過件数）";
    case Text::FlagNearlyFull:
        return "90％以上";
    case Text::NoData:
        return "記録なし";
    }
    return "";
}

const char* english(Text t)
{
    switch (t) {
    case Text::CardForecastTitle:
        return "Card renewals and card receipt slots (by month)";
    case Text::CertForecastTitle:
        return "Certificate renewals and renewal slots (by month)";
    case Text::CardWeeksTitle:
        return "Card renewals and card receipt slots (by week)";
    case Text::CertWeeksTitle:
        return "Certificate renewals and renewal slots (by week)";
    case Text::CasesPerHourTitle:
        return "Visits by hour of arrival";
    case Text::WaitsTitle:
        return "Waits by procedure (received to called)";
    case Text::FillTitle:
        return "Bookings filled (next 8 weeks)";
    case Text::AxisMonth:
        return "Month";
    case Text::AxisWeek:
        return "Week (from Monday)";
    case Text::AxisHour:
        return "Hour of arrival";
    case Text::AxisProcedure:
        return "Procedures";
    case Text::AxisCount:
        return "Count";
    case Text::AxisMinutes:
        return "Minutes";
    case Text::AxisPercent:
        return "Filled (%)";
    case Text::SeriesCardRenewals:
        return "Card renewals";
    case Text::SeriesCertRenewals:
        return "Certificate renewals";
    case Text::SeriesCardCapacity:
        return "Card receipt slots";
    case Text::SeriesCertCapacity:
        return "Certificate renewal slots";
    case Text::SeriesVisits:
        return "Visits";
    case Text::SeriesAverageWait:
        return "Average";
    case Text::SeriesLongestWait:
        return "Longest";
    case Text::SeriesFill:
        return "Filled";
    case Text::SeriesFull:
        return "Full (100%)";
    case Text::FlagOverCapacity:
        return "over capacity (by how many)";
    case Text::FlagNearlyFull:
        return "90 percent or more";
    case Text::NoData:
        return "No records";
    }
    return "";
}

bool Chart::empty() const
{
    // A chart of zeros still says something (no visit at 9時, a wait of 0 minutes); one without any
    // category has nothing to show.
    return categories.empty();
}

namespace {

double highest(const Chart& c)
{
    double m = 0;
    for (const auto& s : c.bars)
        for (double v : s.values)
            m = std::max(m, v);
    if (c.limit)
        for (double v : c.limit->values)
            m = std::max(m, v);
    return m;
}

} // namespace

double Chart::step() const
{
    if (unit == Unit::Percent && highest(*this) <= 100)
        return 20;
    const double m = std::max(highest(*this), 5.0);
    // 1, 2 or 5 times a power of ten, for at most six steps up to the highest value.
    double p = std::pow(10.0, std::floor(std::log10(m / 6)));
    for (double f : {1.0, 2.0, 5.0, 10.0})
        if (m / (f * p) <= 6)
            return f * p;
    return 10 * p;
}

double Chart::top() const
{
    if (unit == Unit::Percent && highest(*this) <= 100)
        return 100;
    const double s = step();
    return std::max(s, std::ceil(std::max(highest(*this), 5.0) / s) * s);
}

int Chart::flaggedCount() const
{
    return static_cast<int>(std::count(flagged.begin(), flagged.end(), true));
}

std::string valueText(Unit unit, double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld", std::lround(value));
    return unit == Unit::Percent ? std::string(buf) + "%" : std::string(buf);
}

Chart forecastChart(const Forecast& f, RenewalKind kind, Period period, std::size_t maxPeriods)
{
    const bool card = kind == RenewalKind::Card;
    Chart c;
    c.id = std::string(card ? "forecast-card" : "forecast-cert") + (period == Period::Weeks ? "-weeks" : "");
    c.title = period == Period::Months ? (card ? Text::CardForecastTitle : Text::CertForecastTitle)
                                       : (card ? Text::CardWeeksTitle : Text::CertWeeksTitle);
    c.xAxis = period == Period::Months ? Text::AxisMonth : Text::AxisWeek;
    c.yAxis = Text::AxisCount;
    c.unit = Unit::Count;
    c.flagMeaning = Text::FlagOverCapacity;
    const auto& periods = period == Period::Months ? f.months : f.weeks;
    Series demand{card ? Text::SeriesCardRenewals : Text::SeriesCertRenewals, {}};
    Series capacity{card ? Text::SeriesCardCapacity : Text::SeriesCertCapacity, {}};
    bool known = false;
    for (std::size_t i = 0; i < periods.size() && i < maxPeriods; ++i) {
        const ForecastPeriod& p = periods[i];
        if (period == Period::Months) {
            c.categories.push_back({p.label, p.label});
        } else {
            // The week by its Monday (or its first day, where the span clips it): 12/7〜.
            std::string day = std::to_string(p.first.month().as_number()) + "/" + std::to_string(p.first.day());
            c.categories.push_back({day + "〜", day});
        }
        demand.values.push_back(card ? p.counts.cardRenewals : p.counts.certRenewals);
        const int over = p.over ? (card ? p.over->cardReceipt : p.over->certRenewal) : 0;
        if (p.capacity) {
            known = true;
            capacity.values.push_back(card ? p.capacity->cardReceipt : p.capacity->certRenewal);
        } else {
            capacity.values.push_back(0);
        }
        c.flagged.push_back(over > 0);
        c.flagFigures.push_back(over > 0 ? "+" + std::to_string(over) : "");
    }
    c.bars.push_back(std::move(demand));
    if (known)
        c.limit = std::move(capacity);
    return c;
}

Chart casesPerHourChart(std::span<const TimedVisit> visits)
{
    Chart c;
    c.id = "cases-per-hour";
    c.title = Text::CasesPerHourTitle;
    c.xAxis = Text::AxisHour;
    c.yAxis = Text::AxisCount;
    c.unit = Unit::Count;
    std::map<int, int> byHour;
    for (int h = 8; h <= 17; ++h)
        byHour[h] = 0;
    for (const auto& v : visits)
        ++byHour[v.hour];
    Series s{Text::SeriesVisits, {}};
    for (auto [hour, n] : byHour) {
        c.categories.push_back({std::to_string(hour) + "時", std::to_string(hour) + ":00"});
        s.values.push_back(n);
        c.flagged.push_back(false);
        c.flagFigures.emplace_back();
    }
    c.bars.push_back(std::move(s));
    return c;
}

Chart waitsChart(const WaitTable& waits)
{
    Chart c;
    c.id = "waits";
    c.title = Text::WaitsTitle;
    c.xAxis = Text::AxisProcedure;
    c.yAxis = Text::AxisMinutes;
    c.unit = Unit::Minutes;
    Series average{Text::SeriesAverageWait, {}}, longest{Text::SeriesLongestWait, {}};
    for (const auto& p : allProcedures()) {
        auto it = waits.byProcedure.find(p.procedure);
        if (it == waits.byProcedure.end() || it->second.wait.count == 0)
            continue;
        c.categories.push_back({std::string(p.nameJa), std::string(p.nameEn)});
        average.values.push_back(it->second.wait.averageMinutes().value_or(0));
        longest.values.push_back(it->second.wait.longestMinutes);
        c.flagged.push_back(false);
        c.flagFigures.emplace_back();
    }
    c.bars.push_back(std::move(average));
    c.bars.push_back(std::move(longest));
    return c;
}

double WeekFill::percent() const
{
    return capacityMinutes ? 100.0 * bookedMinutes / capacityMinutes : 0;
}

std::vector<WeekFill> weeklyFill(const bookings::OfficeCalendar& calendar, const bg::date& from,
                                 const std::map<bg::date, std::vector<bookings::Appointment>>& appointments, int weeks)
{
    std::vector<WeekFill> out;
    // Monday of the week of `from` (day_of_week: Sunday 0 … Saturday 6).
    const int sinceMonday = (from.day_of_week().as_number() + 6) % 7;
    bg::date monday = from - bg::days(sinceMonday);
    static const std::vector<bookings::Appointment> none;
    for (int w = 0; w < weeks; ++w, monday += bg::days(7)) {
        WeekFill wf;
        wf.monday = monday;
        for (int d = 0; d < 7; ++d) {
            bg::date day = monday + bg::days(d);
            if (day < from)
                continue;
            auto it = appointments.find(day);
            auto f = bookings::fillOf(calendar, day, it == appointments.end() ? none : it->second);
            wf.capacityMinutes += f.capacityMinutes;
            wf.bookedMinutes += f.bookedMinutes;
            wf.bookings += f.bookings;
        }
        out.push_back(wf);
    }
    return out;
}

Chart bookingFillChart(const std::vector<WeekFill>& weeks)
{
    Chart c;
    c.id = "booking-fill";
    c.title = Text::FillTitle;
    c.xAxis = Text::AxisWeek;
    c.yAxis = Text::AxisPercent;
    c.unit = Unit::Percent;
    c.flagMeaning = Text::FlagNearlyFull;
    Series fill{Text::SeriesFill, {}}, full{Text::SeriesFull, {}};
    for (const auto& w : weeks) {
        std::string day = std::to_string(w.monday.month().as_number()) + "/" + std::to_string(w.monday.day());
        c.categories.push_back({day + "〜", day});
        const double p = w.percent();
        fill.values.push_back(p);
        full.values.push_back(100);
        const bool nearlyFull = w.capacityMinutes > 0 && p >= kNearlyFullPercent;
        c.flagged.push_back(nearlyFull);
        c.flagFigures.push_back(nearlyFull ? valueText(Unit::Percent, p) : "");
    }
    c.bars.push_back(std::move(fill));
    c.limit = std::move(full);
    return c;
}

} // namespace madoguchi::charts
