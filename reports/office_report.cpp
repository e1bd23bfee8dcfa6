// The shared frame of the daily report and the monthly statistics (office_report.hpp).
#include "reports/office_report.hpp"

#include "core/cases/case_status.hpp"

namespace madoguchi::reports {

FlowLayout startOfficeReport(PdfDocument& doc, const std::string& title, const OfficeInfo& office, double body)
{
    const std::string continued = title + "　" + office.nameJa + "（続き）";
    FlowLayout f(doc, {}, [continued, body](FlowLayout& fl) {
        fl.space(fl.drawWrapped(fl.left(), fl.cursor(), fl.width(), continued, body));
        fl.rule();
    });
    f.space(f.drawWrapped(f.left(), f.cursor(), f.width(), title, 16, Weight::Bold));
    f.paragraph(office.nameJa, body);
    return f;
}

std::string statusCountsJa(const std::array<int, kStatusCount>& counts)
{
    std::string out;
    for (CaseStatus st : allStatuses())
        out +=
            (out.empty() ? "" : "・") + std::string(statusNameJa(st)) + " " + std::to_string(counts[statusIndex(st)]);
    return out;
}

RenderedDocument finishOfficeReport(FlowLayout& f)
{
    f.pageNumbers([](int p, int n) { return std::to_string(p) + " / " + std::to_string(n) + " ページ"; }, 8.5);
    return rendered(f.doc());
}

} // namespace madoguchi::reports
