// Prints the renewal forecast (forecast_report.hpp) with the layout the daily report uses.
#include "reports/forecast_report.hpp"

#include "core/common/clock.hpp"
#include "reports/chart_pdf.hpp"
#include "reports/flow_layout.hpp"
#include "reports/monthly_report.hpp"

namespace madoguchi::reports {

namespace {

constexpr double kBody = 9.5;
constexpr double kTable = 8;

std::string dash(int v)
{
    return v ? std::to_string(v) : std::string("·");
}

// ▲+120, the flag the charts print over the bar.
std::string overText(int v)
{
    return v > 0 ? "▲+" + std::to_string(v) : std::string("·");
}

} // namespace

RenderedDocument renderForecastReport(const ForecastReportInput& in, const OfficeInfo& office)
{
    const Forecast& fc = in.forecast;
    PdfDocument doc("更新の見込み " + fc.months.front().label + "〜" + fc.months.back().label);
    const std::string title = "更新の見込みと窓口の枠　" + printedMonth(fc.months.front().first) + "〜" +
                              printedMonth(fc.months.back().first);
    FlowLayout f(doc, {}, [&](FlowLayout& fl) {
        fl.space(fl.drawWrapped(fl.left(), fl.cursor(), fl.width(), title + "　" + office.nameJa + "（続き）", kBody));
        fl.rule();
    });
    f.space(f.drawWrapped(f.left(), f.cursor(), f.width(), title, 15, Weight::Bold));
    f.paragraph(office.nameJa, kBody);
    f.paragraph("交付記録 " + std::to_string(fc.cards) + " 件から、期限の規則（docs/rules.md §9）で数えています。",
                kBody);
    f.paragraph("週あたりの枠（" + std::string(in.capacityFromOptions ? "指定" : "予約の暦から") +
                    "）：カードの受け取り " + std::to_string(in.weeklyCapacity.cardReceipt) + " 件・電子証明書の更新 " +
                    std::to_string(in.weeklyCapacity.certRenewal) + " 件",
                kBody);
    int overMonths = 0, overWeeks = 0;
    for (const auto& m : fc.months)
        overMonths += m.overCapacity() ? 1 : 0;
    for (const auto& w : fc.weeks)
        overWeeks += w.overCapacity() ? 1 : 0;
    f.paragraph("枠を超える月 " + std::to_string(overMonths) + "・週 " + std::to_string(overWeeks) +
                    "（赤い棒と▲、上の数字が超過件数）",
                kBody);
    f.rule();

    drawChart(f, charts::forecastChart(fc, charts::RenewalKind::Card, charts::Period::Months));
    drawChart(f, charts::forecastChart(fc, charts::RenewalKind::Cert, charts::Period::Months));
    drawChart(f, charts::forecastChart(fc, charts::RenewalKind::Card, charts::Period::Weeks, kForecastChartWeeks));
    drawChart(f, charts::forecastChart(fc, charts::RenewalKind::Cert, charts::Period::Weeks, kForecastChartWeeks));
    if (in.fill)
        drawChart(f, charts::bookingFillChart(*in.fill));

    f.heading("月別の件数", 12);
    {
        const double n = 56;
        std::vector<Column> cols{{"月", f.width() - 8 * n, Align::Left},
                                 {"カード更新", n, Align::Right},
                                 {"受け取り枠", n, Align::Right},
                                 {"超過", n, Align::Right},
                                 {"証明書更新", n, Align::Right},
                                 {"更新枠", n, Align::Right},
                                 {"超過", n, Align::Right},
                                 {"カード期限", n, Align::Right},
                                 {"在留期間", n, Align::Right}};
        std::vector<std::vector<std::string>> rows;
        for (const auto& m : fc.months) {
            auto cap = [&](bool card) {
                return m.capacity ? std::to_string(card ? m.capacity->cardReceipt : m.capacity->certRenewal)
                                  : std::string("·");
            };
            auto over = [&](bool card) {
                return overText(m.over ? (card ? m.over->cardReceipt : m.over->certRenewal) : 0);
            };
            rows.push_back({m.label, std::to_string(m.counts.cardRenewals), cap(true), over(true),
                            std::to_string(m.counts.certRenewals), cap(false), over(false), dash(m.counts.cardExpiries),
                            dash(m.counts.stayEnds)});
        }
        f.table(cols, rows, kTable);
    }
    f.heading("枠を超える週", 12);
    {
        std::vector<std::vector<std::string>> rows;
        for (const auto& w : fc.weeks)
            if (w.overCapacity())
                rows.push_back({w.label, toIso(w.first) + "〜" + toIso(w.last), std::to_string(w.counts.cardRenewals),
                                overText(w.over->cardReceipt), std::to_string(w.counts.certRenewals),
                                overText(w.over->certRenewal)});
        if (rows.empty()) {
            f.paragraph("なし", kBody);
        } else {
            const double n = 62;
            std::vector<Column> cols{{"週", 60, Align::Left},         {"期間", f.width() - 60 - 4 * n, Align::Left},
                                     {"カード更新", n, Align::Right}, {"超過", n, Align::Right},
                                     {"証明書更新", n, Align::Right}, {"超過", n, Align::Right}};
            f.table(cols, rows, kTable);
        }
    }

    f.pageNumbers([](int p, int n) { return std::to_string(p) + " / " + std::to_string(n) + " ページ"; }, 8.5);
    RenderedDocument out;
    out.pdf = doc.bytes();
    out.runs = doc.runs();
    out.pages = doc.pageCount();
    return out;
}

} // namespace madoguchi::reports
