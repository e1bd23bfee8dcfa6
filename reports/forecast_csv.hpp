#pragma once
// The renewal forecast as CSV (UTF-8 with BOM, for a spreadsheet): one row per month, then one per
// week. Its columns are a contract (docs/cli.md, `forecast`).
#include "core/register/forecast.hpp"

#include <string>

namespace madoguchi::reports {

std::string forecastCsv(const Forecast& forecast);

} // namespace madoguchi::reports
