#pragma once
// What the office's statistics reports share (the daily report 業務日報 and the monthly statistics
// 月次統計): the title block (the title large, the office's name under it), the header of every
// later page (the title, the office and （続き）), the counts by status as one line, and the page
// numbers of the finished document. One place, so that the two reports keep one look.
#include "reports/daily_summary.hpp"
#include "reports/flow_layout.hpp"
#include "reports/office_info.hpp"
#include "reports/rendered_document.hpp"

#include <array>
#include <string>

namespace madoguchi::reports {

// A layout on `doc` whose later pages open with the title and the office, with the title block
// drawn on the first page; the caller goes on below it. `body`: the report's text size.
FlowLayout startOfficeReport(PdfDocument& doc, const std::string& title, const OfficeInfo& office, double body);

// "受付 3・対応中 1・保留 0・…", in the order of allStatuses().
std::string statusCountsJa(const std::array<int, kStatusCount>& counts);

// "n / N ページ" at the foot of every page, and the finished document.
RenderedDocument finishOfficeReport(FlowLayout& f);

} // namespace madoguchi::reports
