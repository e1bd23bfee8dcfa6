#pragma once
// The renewal forecast on paper (`madoguchi-cli forecast --pdf FILE`, issue #18 §3): the coming
// renewals against the counter's capacity as charts, month by month and for the next weeks, the
// booking book's fill rate for the next 8 weeks, and the months' figures as a table — the same
// charts the supervisor view draws (core/charts/chart.hpp), the same numbers as `forecast --json`.
#include "core/charts/chart.hpp"
#include "core/register/forecast.hpp"
#include "reports/office_info.hpp"
#include "reports/rendered_document.hpp"

#include <optional>
#include <string>
#include <vector>

namespace madoguchi::reports {

// How many weeks the weekly charts show (the first of the forecast's weeks).
constexpr std::size_t kForecastChartWeeks = 13;

struct ForecastReportInput {
    const Forecast& forecast;
    WeeklyCapacity weeklyCapacity;
    bool capacityFromOptions = false;                  // else from the booking calendar
    std::optional<std::vector<charts::WeekFill>> fill; // none where the case book keeps no bookings
};

RenderedDocument renderForecastReport(const ForecastReportInput& input, const OfficeInfo& office);

} // namespace madoguchi::reports
