#pragma once
// The monthly statistics (月次統計) on paper (PDF, Japanese, 西暦 with 和暦 beside it) and as CSV
// (UTF-8 with BOM) for the prefecture's and the city's own statistics: docs/supervisor-guide.md.
#include "reports/monthly_summary.hpp"
#include "reports/office_info.hpp"
#include "reports/rendered_document.hpp"

#include <string>

namespace madoguchi::reports {

RenderedDocument renderMonthlyReport(const MonthlySummary& summary, const OfficeInfo& office);
// One figure a row: 対象月, 区分, 項目, 項目ID, 状態, 状態ID, 値 (columns: docs/cli.md).
std::string monthlyCsv(const MonthlySummary& summary);
// 2026年11月（令和8年11月）
std::string printedMonth(const boost::gregorian::date& first);

} // namespace madoguchi::reports
