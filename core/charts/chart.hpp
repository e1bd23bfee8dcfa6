#pragma once
// One chart as data, for a supervisor who would rather look than read (issues #15, #16, #18): the
// renewal forecast against the counter's capacity, the day's visits per hour and waits per kind of
// work, the booking book's fill rate for the next 8 weeks. Pure data — categories, bars, the
// capacity (or 100 %) line, which categories are flagged and by what figure — and nothing of
// drawing: the PDF (reports/chart_pdf.hpp) and the window (app/gui/chart_panel.hpp) draw the very
// same Chart, so paper and screen cannot show different numbers. No personal data goes in: counts,
// minutes and percentages only.
#include "core/bookings/capacity.hpp"
#include "core/bookings/office_calendar.hpp"
#include "core/queue/wait_times.hpp"
#include "core/register/forecast.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace madoguchi::charts {

// The fixed texts of the charts. Japanese for paper comes from japanese() below; the window shows
// them through gettext (app/gui/presenters/chart_texts.cpp, English msgids, po/ja.po), and the
// window test checks that both say the same.
enum class Text {
    CardForecastTitle,  // カードの更新と受け取りの枠（月別）
    CertForecastTitle,  // 電子証明書の更新と更新の枠（月別）
    CardWeeksTitle,     // カードの更新と受け取りの枠（週別）
    CertWeeksTitle,     // 電子証明書の更新と更新の枠（週別）
    CasesPerHourTitle,  // 時間帯別の受付件数
    WaitsTitle,         // 手続き別の待ち時間
    FillTitle,          // 予約の埋まり具合（今後8週間）
    AxisMonth,          // 月
    AxisWeek,           // 週（月曜日から）
    AxisHour,           // 受付の時刻（時台）
    AxisProcedure,      // 手続き
    AxisCount,          // 件数
    AxisMinutes,        // 分
    AxisPercent,        // 予約率（％）
    SeriesCardRenewals, // カードの更新
    SeriesCertRenewals, // 電子証明書の更新
    SeriesCardCapacity, // 受け取りの枠
    SeriesCertCapacity, // 更新の枠
    SeriesVisits,       // 来庁
    SeriesAverageWait,  // 平均の待ち時間
    SeriesLongestWait,  // 最長の待ち時間
    SeriesFill,         // 予約率
    SeriesFull,         // 満枠（100％）
    FlagOverCapacity,   // 枠を超える（超過件数）, after a red ▲
    FlagNearlyFull,     // 90％以上, after a red ▲
    NoData,             // 記録なし
};
const char* japanese(Text t);
// The gettext msgid (English), as app/gui/presenters/chart_texts.cpp marks it for xgettext.
const char* english(Text t);

// A category's name in both languages (a month, a week, an hour, a procedure).
struct Label {
    std::string ja, en;
};

enum class Unit { Count, Minutes, Percent };

struct Series {
    Text name;
    std::vector<double> values; // one per category
};

struct Chart {
    std::string id; // "forecast-card", "cases-per-hour"…: the window's panel is named "chart-" + id
    Text title = Text::NoData, xAxis = Text::NoData, yAxis = Text::NoData;
    Unit unit = Unit::Count;
    std::vector<Label> categories;
    std::vector<Series> bars;             // side by side in each category
    std::optional<Series> limit;          // the capacity (or 100 %) each category is set against, drawn as a line
    std::vector<bool> flagged;            // per category: over capacity / nearly full — colour, ▲ and the figure
    std::vector<std::string> flagFigures; // per category, the flag's figure ("+120", "95%"); empty when not flagged
    Text flagMeaning = Text::FlagOverCapacity;

    bool empty() const; // no category: the chart says 記録なし
    // The value axis: 0 to top(), a tick every step(); above every bar and limit, a round number.
    double top() const;
    double step() const;
    int flaggedCount() const;
};

// A value as the chart prints it: counts and minutes rounded to whole numbers, percentages with %.
std::string valueText(Unit unit, double value);

enum class RenewalKind { Card, Cert };
enum class Period { Months, Weeks };
// Renewals of one kind per month (or week) against the capacity of the kind of work they bring
// (card renewal → card receipt slots, certificate renewal → certificate renewal slots), flagged
// where the forecast found demand over capacity, by how much. At most `maxPeriods` from the first.
Chart forecastChart(const Forecast& forecast, RenewalKind kind, Period period, std::size_t maxPeriods = 120);

// The visits that arrived in each hour of the day (every visit, answered a call or not), the hours
// from 8 to 17 and any other hour a visit came in.
Chart casesPerHourChart(std::span<const TimedVisit> visits);

// Average and longest wait (received → the answered call) per procedure, for the procedures whose
// residents were called; a visit of two procedures counts under each (as tabulateWaits does).
Chart waitsChart(const WaitTable& waits);

// The booking book's fill rate per week: booked window-minutes over open window-minutes (DayFill),
// for `weeks` weeks of Monday to Sunday from the week of `from` (days before `from` left out).
// Weeks at 90 % or more are flagged. `appointments`: the book's appointments by day.
constexpr double kNearlyFullPercent = 90;
struct WeekFill {
    boost::gregorian::date monday;
    int capacityMinutes = 0, bookedMinutes = 0, bookings = 0;
    double percent() const;
};
std::vector<WeekFill>
weeklyFill(const bookings::OfficeCalendar& calendar, const boost::gregorian::date& from,
           const std::map<boost::gregorian::date, std::vector<bookings::Appointment>>& appointments, int weeks = 8);
Chart bookingFillChart(const std::vector<WeekFill>& weeks);

} // namespace madoguchi::charts
