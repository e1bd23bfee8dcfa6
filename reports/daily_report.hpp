#pragma once
// The supervisor's daily report (業務日報, PDF) and the same day as CSV for the monthly statistics.
#include "core/files/output_file.hpp"
#include "reports/daily_summary.hpp"
#include "reports/office_info.hpp"
#include "reports/rendered_document.hpp"

#include <filesystem>
#include <string>

namespace madoguchi::reports {

RenderedDocument renderDailyReport(const DailySummary& summary, const OfficeInfo& office);

// One row per procedure line of each visit (a visit of two procedures is two rows, both with its
// reception number and case id; 手続き順 1 counts the visits), a header row, UTF-8 with a
// byte-order mark (Excel on a Japanese PC otherwise reads the file as Shift_JIS), CRLF line ends,
// RFC 4180 quoting.
std::string dailyCsv(const DailySummary& summary);

} // namespace madoguchi::reports
