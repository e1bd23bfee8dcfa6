// The daily report's charts and the waiting-time table beside them (daily_charts.hpp).
#include "reports/daily_charts.hpp"

#include "reports/chart_pdf.hpp"

namespace madoguchi::reports {

charts::Chart casesPerHourChartOf(const DailySummary& s)
{
    std::vector<TimedVisit> visits;
    for (const auto& dc : s.cases)
        visits.push_back(timedVisit(dc.c));
    return charts::casesPerHourChart(visits);
}

charts::Chart waitsChartOf(const DailySummary& s)
{
    return charts::waitsChart(s.waits);
}

void dailyChartsSection(FlowLayout& f, const DailySummary& s)
{
    f.heading("時間帯別の受付と待ち時間", 12);
    drawChart(f, casesPerHourChartOf(s), 170);
    drawChart(f, waitsChartOf(s), 170);
    // The figures of the waits chart, with the time at the window after the call.
    const double n = 70;
    std::vector<Column> cols{{"手続き", f.width() - 4 * n, Align::Left},
                             {"呼出済み", n, Align::Right},
                             {"平均の待ち", n, Align::Right},
                             {"最長の待ち", n, Align::Right},
                             {"呼出→完了 平均", n, Align::Right}};
    auto minutes = [](const std::optional<double>& m) { return m ? formatMinutes(*m) : std::string("·"); };
    std::vector<std::vector<std::string>> rows;
    auto row = [&](std::string name, const WaitCell& cell) {
        rows.push_back({std::move(name), std::to_string(cell.wait.count), minutes(cell.wait.averageMinutes()),
                        cell.wait.count ? formatMinutes(cell.wait.longestMinutes) : std::string("·"),
                        minutes(cell.service.averageMinutes())});
    };
    for (const auto& p : allProcedures())
        if (auto it = s.waits.byProcedure.find(p.procedure); it != s.waits.byProcedure.end())
            row(std::string(p.nameJa), it->second);
    row("全体（来庁）", s.waits.all);
    f.table(cols, rows, 8.5);
}

} // namespace madoguchi::reports
