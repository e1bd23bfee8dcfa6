#include "reports/daily_report.hpp"

#include "core/common/clock.hpp"
#include "reports/daily_charts.hpp"
#include "reports/date_text.hpp"
#include "reports/flow_layout.hpp"
#include "reports/office_report.hpp"

namespace madoguchi::reports {

namespace {

constexpr double kBody = 9.5;
constexpr double kTable = 8.5;

void tallyTable(FlowLayout& f, const char* firstHeader, const std::map<std::string, Tally>& tallies)
{
    double w = f.width();
    std::vector<Column> cols{{firstHeader, w - 5 * 62, Align::Left},
                             {"件数", 62, Align::Right},
                             {"未完了", 62, Align::Right},
                             {"保留", 62, Align::Right},
                             {"完了", 62, Align::Right}};
    std::vector<std::vector<std::string>> rows;
    for (const auto& [key, t] : tallies)
        rows.push_back({key.empty() ? "（未設定）" : key, std::to_string(t.total), std::to_string(t.open),
                        std::to_string(t.waiting), std::to_string(t.done)});
    f.table(cols, rows, kTable);
}

// The day's bookings by procedure: kept, kept late, missed (a booking of two procedures counts under
// both; the last row counts each booking once).
void bookingSection(FlowLayout& f, const BookingDay& b)
{
    f.heading("予約（手続き別：時間どおり来庁・遅れて来庁・不来庁）", 12);
    if (b.total.booked == 0 && b.total.cancelled == 0) {
        f.paragraph("予約なし", kBody, 6);
        return;
    }
    const double n = 54;
    std::vector<Column> cols{{"手続き", f.width() - 6 * n, Align::Left},
                             {"予約", n, Align::Right},
                             {"時間どおり", n, Align::Right},
                             {"遅れて来庁", n, Align::Right},
                             {"不来庁", n, Align::Right},
                             {"取消し", n, Align::Right},
                             {"これから", n, Align::Right}};
    auto row = [](std::string name, const BookingCounts& c) {
        auto cell = [](int v) { return v ? std::to_string(v) : std::string("·"); };
        return std::vector<std::string>{std::move(name), std::to_string(c.booked), cell(c.kept),  cell(c.late),
                                        cell(c.missed),  cell(c.cancelled),        cell(c.toCome)};
    };
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : allProcedures())
        if (auto it = b.byProcedure.find(p.procedure); it != b.byProcedure.end())
            rows.push_back(row(std::string(p.nameJa), it->second));
    rows.push_back(row("合計（予約）", b.total));
    f.table(cols, rows, kTable);
}

void caseList(FlowLayout& f, const std::vector<const DayCase*>& cases, bool withReason)
{
    if (cases.empty()) {
        f.paragraph("該当なし", kBody, 6);
        return;
    }
    double w = f.width();
    // The procedures column is wide enough for one procedure with its status on a line: a visit of
    // several procedures lists them one under the other.
    std::vector<Column> cols{{"受付番号", 50, Align::Left}, {"受付", 34, Align::Left}, {"手続き", 138, Align::Left},
                             {"状態", 36, Align::Left},     {"氏名", 0, Align::Left},  {"窓口", 28, Align::Left},
                             {"担当", 44, Align::Left},     {"経過", 42, Align::Right}};
    if (withReason)
        cols.push_back({"理由", 74, Align::Left});
    double fixed = 0;
    for (const auto& c : cols)
        fixed += c.width;
    cols[4].width = w - fixed;
    std::vector<std::vector<std::string>> rows;
    for (const DayCase* dc : cases) {
        const Case& c = dc->c;
        // A visit of several procedures: each on a line of its own, with its status.
        std::string procedures;
        for (const auto& l : dc->lines)
            procedures += (procedures.empty() ? "" : "\n") + std::string(info(l.line.procedure).nameJa) +
                          (dc->lines.size() > 1 ? "（" + std::string(statusNameJa(l.line.status)) + "）" : "");
        std::vector<std::string> r{c.receptionNumber, clockTime(c.createdAt),
                                   procedures,        std::string(statusNameJa(c.status)),
                                   c.resident.name,   c.window,
                                   c.clerk,           formatMinutes(dc->ageMinutes)};
        if (withReason) {
            // Why each line on hold waits.
            std::string reasons;
            for (const auto& l : dc->lines)
                if (statusStage(l.line.status) == StatusStage::OnHold && !l.lastReason.empty())
                    reasons += (reasons.empty() ? "" : "\n") + l.lastReason;
            r.push_back(reasons.empty() ? dc->lastReason : reasons);
        }
        rows.push_back(std::move(r));
    }
    f.table(cols, rows, kTable);
}

} // namespace

RenderedDocument renderDailyReport(const DailySummary& s, const OfficeInfo& office)
{
    PdfDocument doc("業務日報 " + toIso(s.day));
    std::string title = "業務日報　" + printedDate(s.day, Language::Ja);
    FlowLayout f = startOfficeReport(doc, title, office, kBody);
    auto reference = readTimestamp(s.referenceTime);
    f.paragraph("集計時点：" + (reference ? reference->dayAndClock() : s.referenceTime) + "　遅延の目安：受付から" +
                    std::to_string(s.overdueAfterMinutes) + "分を超えて未完了",
                kBody - 1);
    f.rule();

    f.heading("合計", 12);
    // Visits and the procedures asked for at them, each by status.
    f.paragraph("受付件数 " + std::to_string(s.total) + " 件（来庁）　（" + statusCountsJa(s.byStatus) + "）",
                kBody + 0.5);
    f.paragraph("手続き件数 " + std::to_string(s.procedureLines) + " 件　（" + statusCountsJa(s.linesByStatus) + "）",
                kBody + 0.5);
    std::string timing = "処理時間（受付→完了、" + std::to_string(s.timedCases) + " 件）：";
    if (s.averageMinutes)
        timing += "平均 " + formatMinutes(*s.averageMinutes) + "　最長 " + formatMinutes(*s.longestMinutes) + "（" +
                  s.longestReception + "）";
    else
        timing += "完了の記録なし";
    f.paragraph(timing, kBody + 0.5);
    f.paragraph("未完了 " + std::to_string(s.open().size()) + " 件・保留 " + std::to_string(s.waiting().size()) +
                    " 件・遅延 " + std::to_string(s.overdue().size()) + " 件",
                kBody + 0.5);

    f.heading("手続き別・状態別の件数（1回の来庁で複数の手続きはそれぞれ数えます）", 12);
    {
        std::vector<Column> cols{{"手続き", 0, Align::Left}};
        for (auto st : allStatuses())
            cols.push_back({std::string(statusNameJa(st)), 48, Align::Right});
        cols.push_back({"計", 48, Align::Right});
        cols[0].width = f.width() - 48 * static_cast<double>(kStatusCount + 1);
        std::vector<std::vector<std::string>> rows;
        std::array<int, kStatusCount> totals{};
        for (const auto& p : allProcedures()) {
            auto it = s.byProcedure.find(p.procedure);
            std::array<int, kStatusCount> n{};
            if (it != s.byProcedure.end())
                n = it->second;
            std::vector<std::string> r{std::string(p.nameJa)};
            int sum = 0;
            for (std::size_t i = 0; i < kStatusCount; ++i) {
                r.push_back(n[i] ? std::to_string(n[i]) : "·");
                sum += n[i];
                totals[i] += n[i];
            }
            r.push_back(std::to_string(sum));
            rows.push_back(std::move(r));
        }
        std::vector<std::string> last{"合計"};
        for (int t : totals)
            last.push_back(std::to_string(t));
        last.push_back(std::to_string(s.procedureLines));
        rows.push_back(std::move(last));
        f.table(cols, rows, kTable);
    }

    dailyChartsSection(f, s); // the visits per hour and the waits, as charts (daily_charts.hpp)

    if (s.bookings)
        bookingSection(f, *s.bookings);

    f.heading("窓口別（来庁）", 12);
    tallyTable(f, "窓口", s.byWindow);
    f.heading("担当者別（来庁）", 12);
    tallyTable(f, "担当", s.byClerk);

    f.heading("遅延しているケース（受付から" + std::to_string(s.overdueAfterMinutes) + "分超・未完了）", 12);
    caseList(f, s.overdue(), false);
    f.heading("保留中のケース", 12);
    caseList(f, s.waiting(), true);
    f.heading("未完了のケース（受付・対応中）", 12);
    caseList(f, s.open(), false);

    // The two-visit route: every line in the book still waiting for its inquiry letter's answer,
    // whatever day it was received, with the days since the letter was mailed.
    f.heading("照会書の回答待ち（2回来庁、郵送からの日数）", 12);
    if (s.awaitingAnswers.empty()) {
        f.paragraph("なし", kBody, 6);
    } else {
        std::vector<Column> cols{{"受付番号", 56, Align::Left},
                                 {"受付日", 70, Align::Left},
                                 {"手続き", f.width() - 56 - 70 - 70 - 70 - 40, Align::Left},
                                 {"申請者", 70, Align::Left},
                                 {"郵送日", 70, Align::Left},
                                 {"日数", 40, Align::Right}};
        std::vector<std::vector<std::string>> rows;
        for (const auto& a : s.awaitingAnswers) {
            auto received = readTimestamp(a.c.createdAt);
            rows.push_back({a.c.receptionNumber, received ? toIso(received->localDay) : a.c.createdAt.substr(0, 10),
                            std::string(info(a.line.procedure).nameJa),
                            std::string(applicantNameJa(a.c.applicant.type)),
                            a.line.mailedOn ? toIso(*a.line.mailedOn) : "", std::to_string(a.days) + "日"});
        }
        f.table(cols, rows, kTable);
    }

    return finishOfficeReport(f);
}

} // namespace madoguchi::reports
