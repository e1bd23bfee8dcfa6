// Prints the monthly statistics (monthly_report.hpp) with the layout the daily report uses.
#include "reports/monthly_report.hpp"

#include "core/era/wareki.hpp"
#include "reports/csv_field.hpp"
#include "reports/flow_layout.hpp"
#include "reports/office_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace madoguchi::reports {

namespace {

constexpr double kBody = 9.5;
constexpr double kTable = 8.5;

std::string monthId(const boost::gregorian::date& first)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(first.year()), static_cast<int>(first.month()));
    return buf;
}

std::string minutesText(const std::optional<double>& m)
{
    return m ? formatMinutes(*m) : "記録なし";
}

std::string oneDecimal(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// A status × something table: one row per key, a column per status and the total.
template <typename Key>
void statusTable(FlowLayout& f, const std::string& firstHeader, const std::vector<std::pair<Key, std::string>>& keys,
                 const std::map<Key, std::array<int, kStatusCount>>& counts)
{
    std::vector<Column> cols{{firstHeader, 0, Align::Left}};
    for (auto st : allStatuses())
        cols.push_back({std::string(statusNameJa(st)), 48, Align::Right});
    cols.push_back({"計", 48, Align::Right});
    cols[0].width = f.width() - 48 * static_cast<double>(kStatusCount + 1);
    std::vector<std::vector<std::string>> rows;
    std::array<int, kStatusCount> totals{};
    int all = 0;
    for (const auto& [key, name] : keys) {
        auto it = counts.find(key);
        std::array<int, kStatusCount> n{};
        if (it != counts.end())
            n = it->second;
        std::vector<std::string> r{name};
        int sum = 0;
        for (std::size_t i = 0; i < kStatusCount; ++i) {
            r.push_back(n[i] ? std::to_string(n[i]) : "·");
            sum += n[i];
            totals[i] += n[i];
        }
        all += sum;
        r.push_back(std::to_string(sum));
        rows.push_back(std::move(r));
    }
    std::vector<std::string> last{"合計"};
    for (int t : totals)
        last.push_back(std::to_string(t));
    last.push_back(std::to_string(all));
    rows.push_back(std::move(last));
    f.table(cols, rows, kTable);
}

// The three types every office has, always printed (a 0 is a figure too), then any other type the
// month's visits came with, in the enum's order.
std::vector<std::pair<ApplicantType, std::string>> applicantKeys(const MonthlySummary& s)
{
    std::vector<std::pair<ApplicantType, std::string>> keys;
    for (auto t : {ApplicantType::Principal, ApplicantType::Proxy, ApplicantType::LegalRepresentative})
        keys.emplace_back(t, std::string(applicantNameJa(t)));
    for (const auto& [t, counts] : s.byApplicant)
        if (std::none_of(keys.begin(), keys.end(), [t = t](const auto& k) { return k.first == t; }))
            keys.emplace_back(t, std::string(applicantNameJa(t)));
    return keys;
}

std::vector<std::pair<Procedure, std::string>> procedureKeys()
{
    std::vector<std::pair<Procedure, std::string>> keys;
    for (const auto& p : allProcedures())
        keys.emplace_back(p.procedure, std::string(p.nameJa));
    return keys;
}

} // namespace

std::string printedMonth(const boost::gregorian::date& first)
{
    std::string wareki = era::formatJa(first); // 令和8年11月1日
    auto month = wareki.rfind("月");
    if (month != std::string::npos)
        wareki = wareki.substr(0, month + std::string("月").size());
    return std::to_string(first.year()) + "年" + std::to_string(first.month().as_number()) + "月（" + wareki + "）";
}

RenderedDocument renderMonthlyReport(const MonthlySummary& s, const OfficeInfo& office)
{
    PdfDocument doc("月次統計 " + monthId(s.first));
    const std::string title = "月次統計　" + printedMonth(s.first);
    FlowLayout f = startOfficeReport(doc, title, office, kBody);
    f.rule();

    f.heading("概要", 12);
    f.paragraph("来庁件数 " + std::to_string(s.visits) + " 件　（" + statusCountsJa(s.visitsByStatus) + "）",
                kBody + 0.5);
    f.paragraph("手続き件数 " + std::to_string(s.procedures) + " 件　（" + statusCountsJa(s.proceduresByStatus) + "）",
                kBody + 0.5);
    f.paragraph("待ち時間（受付→対応開始、" + std::to_string(s.waiting.measured) + " 件）：平均 " +
                    minutesText(s.waiting.averageMinutes) + "　90パーセンタイル " + minutesText(s.waiting.p90Minutes),
                kBody + 0.5);
    f.paragraph("処理時間（対応開始→完了、" + std::to_string(s.handling.measured) + " 件）：平均 " +
                    minutesText(s.handling.averageMinutes) + "　90パーセンタイル " + minutesText(s.handling.p90Minutes),
                kBody + 0.5);
    f.paragraph("特急発行 " + (s.expressIssuances ? std::to_string(*s.expressIssuances) + " 件" : "（対象手続きなし）"),
                kBody + 0.5);
    f.paragraph("照会書の回答待ち（2回来庁）" +
                    (s.twoVisitWaiting ? std::to_string(*s.twoVisitWaiting) + " 件" : "（対象の状態なし）"),
                kBody + 0.5);

    f.heading("申請者別・状態別の手続き件数", 12);
    statusTable(f, "申請者", applicantKeys(s), s.byApplicant);
    f.heading("手続き別・状態別の件数", 12);
    statusTable(f, "手続き", procedureKeys(), s.byProcedure);

    f.heading("日別の来庁件数", 12);
    {
        // Seven days a row: the month reads like a calendar page.
        std::vector<Column> cols;
        for (int i = 0; i < 7; ++i)
            cols.push_back({"", f.width() / 7, Align::Right});
        std::vector<std::vector<std::string>> rows;
        for (std::size_t d = 0; d < s.visitsByDay.size(); d += 7) {
            std::vector<std::string> r;
            for (std::size_t i = d; i < d + 7; ++i)
                r.push_back(i < s.visitsByDay.size()
                                ? std::to_string(i + 1) + "日　" + std::to_string(s.visitsByDay[i]) + " 件"
                                : "");
            rows.push_back(std::move(r));
        }
        cols[0].header = "日別";
        f.table(cols, rows, kTable);
    }

    return finishOfficeReport(f);
}

std::string monthlyCsv(const MonthlySummary& s)
{
    const std::string month = monthId(s.first);
    std::string out = "\xEF\xBB\xBF"; // UTF-8 byte-order mark: Excel on a Japanese PC reads it as UTF-8
    out += "対象月,区分,項目,項目ID,状態,状態ID,値\r\n";
    auto row = [&](const std::string& group, const std::string& item, const std::string& itemId,
                   const std::string& status, const std::string& statusId, const std::string& value) {
        out += month + ',' + csvField(group) + ',' + csvField(item) + ',' + csvField(itemId) + ',' + csvField(status) +
               ',' + csvField(statusId) + ',' + value + "\r\n";
    };
    auto byStatus = [&](const std::string& group, const std::string& item, const std::string& itemId,
                        const std::array<int, kStatusCount>& n) {
        int sum = 0;
        for (auto st : allStatuses()) {
            row(group, item, itemId, std::string(statusNameJa(st)), std::string(statusId(st)),
                std::to_string(n[statusIndex(st)]));
            sum += n[statusIndex(st)];
        }
        row(group, item, itemId, "計", "total", std::to_string(sum));
    };
    byStatus("来庁", "来庁件数", "visits", s.visitsByStatus);
    byStatus("手続き", "手続き件数", "procedures", s.proceduresByStatus);
    for (const auto& [type, name] : applicantKeys(s)) {
        auto it = s.byApplicant.find(type);
        byStatus("申請者別", name, std::string(applicantId(type)),
                 it == s.byApplicant.end() ? std::array<int, kStatusCount>{} : it->second);
    }
    for (const auto& [p, name] : procedureKeys()) {
        auto it = s.byProcedure.find(p);
        byStatus("手続き別", name, std::string(info(p).id),
                 it == s.byProcedure.end() ? std::array<int, kStatusCount>{} : it->second);
    }
    auto minutes = [](const std::optional<double>& m) { return m ? oneDecimal(*m) : std::string(); };
    row("時間", "待ち時間の件数", "waiting_measured", "", "", std::to_string(s.waiting.measured));
    row("時間", "待ち時間の平均（分）", "waiting_average_minutes", "", "", minutes(s.waiting.averageMinutes));
    row("時間", "待ち時間の90パーセンタイル（分）", "waiting_p90_minutes", "", "", minutes(s.waiting.p90Minutes));
    row("時間", "処理時間の件数", "handling_measured", "", "", std::to_string(s.handling.measured));
    row("時間", "処理時間の平均（分）", "handling_average_minutes", "", "", minutes(s.handling.averageMinutes));
    row("時間", "処理時間の90パーセンタイル（分）", "handling_p90_minutes", "", "", minutes(s.handling.p90Minutes));
    row("特急発行", "特急発行の件数", "express_issuances", "", "",
        s.expressIssuances ? std::to_string(*s.expressIssuances) : "");
    row("照会書", "回答待ちの来庁", "two_visit_waiting", "", "",
        s.twoVisitWaiting ? std::to_string(*s.twoVisitWaiting) : "");
    for (std::size_t d = 0; d < s.visitsByDay.size(); ++d)
        row("日別", std::to_string(d + 1) + "日", "day_" + std::to_string(d + 1), "", "",
            std::to_string(s.visitsByDay[d]));
    return out;
}

} // namespace madoguchi::reports
