#pragma once
// The daily report's charts (issue #16 §4): the visits per hour of arrival and the waits per
// procedure, drawn from the chart model (core/charts/chart.hpp) that the supervisor view draws in
// the window, with the figures beside them as a table. A section of its own, so that the daily
// report (daily_report.cpp) only calls it.
#include "core/charts/chart.hpp"
#include "reports/daily_summary.hpp"
#include "reports/flow_layout.hpp"

namespace madoguchi::reports {

// The two charts of a day, built from the day's visits as the report counts them.
charts::Chart casesPerHourChartOf(const DailySummary& summary);
charts::Chart waitsChartOf(const DailySummary& summary);

void dailyChartsSection(FlowLayout& f, const DailySummary& summary);

} // namespace madoguchi::reports
