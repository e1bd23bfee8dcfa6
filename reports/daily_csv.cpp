// The daily report as CSV (daily_report.hpp): one row per procedure line.
#include "core/cases/lifecycle.hpp"
#include "core/common/clock.hpp"
#include "reports/csv_field.hpp"
#include "reports/daily_report.hpp"

#include <algorithm>
#include <cmath>

namespace madoguchi::reports {

std::string csvField(const std::string& v, bool freeText)
{
    std::string s = v;
    if (freeText && !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@'))
        s.insert(s.begin(), '\'');
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"')
            q += '"';
        q += c;
    }
    return q + "\"";
}

namespace {

// The columns every row starts with: the visit and one of its procedure lines, its resident, the
// window and the clerk.
std::vector<std::string> lineColumns(const Case& c, const ProcedureLine& line)
{
    return {c.receptionNumber,
            std::to_string(c.id),
            c.createdAt,
            std::string(info(line.procedure).nameJa),
            std::string(info(line.procedure).id),
            std::string(statusNameJa(line.status)),
            std::string(statusId(line.status)),
            c.resident.name,
            c.resident.kana,
            std::string(applicantId(c.applicant.type)),
            c.window,
            c.clerk};
}

void appendRow(std::string& out, const std::vector<std::string>& row)
{
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (i)
            out += ',';
        // Names, windows, clerks and reasons are typed by people: guard them.
        bool freeText = i == 7 || i == 8 || i == 10 || i == 11 || i == 16;
        out += csvField(row[i], freeText);
    }
    out += "\r\n";
}

} // namespace

std::string dailyCsv(const DailySummary& summary)
{
    auto receivedThatDay = [&](const Case& c) {
        auto t = readTimestamp(c.createdAt);
        return t && t->localDay == summary.day;
    };
    auto awaitingDays = [&](const ProcedureLine& l) {
        auto d = daysAwaitingAnswer(l, summary.day);
        return d ? std::to_string(*d) : std::string();
    };
    std::string out = "\xEF\xBB\xBF"; // UTF-8 byte-order mark
    // The first 17 columns as before visits had several procedures; the next four say which line
    // of which visit a row is (手続き順 1 of 手続き数) and the visit's own status; the last three
    // are the visit's call (the one the resident answered) and its waits (core/queue/wait_times.hpp);
    // the last three the inquiry letter's mailing day and the days since (照会書回答待ち), and what
    // the row is: 当日受付 (a line of the day's visits) or 照会書回答待ち (a line of an earlier day
    // still waiting for its letter, after the day's rows: not counted among the day's visits).
    const char* headers[] = {
        "受付番号",     "ケースID",       "受付日時",       "手続き",   "手続きID",       "状態",
        "状態ID",       "氏名",           "フリガナ",       "申請者",   "窓口",           "担当",
        "完了日時",     "処理時間（分）", "経過時間（分）", "遅延",     "理由",           "手続き順",
        "手続き数",     "来庁の状態",     "来庁の状態ID",   "呼出日時", "待ち時間（分）", "呼出から完了（分）",
        "照会書郵送日", "回答待ち日数",   "行の種類"};
    bool first = true;
    for (const char* h : headers) {
        out += first ? "" : ",";
        out += h;
        first = false;
    }
    out += "\r\n";
    for (const auto& dc : summary.cases) {
        const Case& c = dc.c;
        for (std::size_t n = 0; n < dc.lines.size(); ++n) {
            const DayLine& l = dc.lines[n];
            std::vector<std::string> row = lineColumns(c, l.line);
            row.insert(row.end(),
                       {
                           l.doneAt.value_or(""),
                           l.handlingMinutes ? std::to_string(std::lround(*l.handlingMinutes)) : "",
                           isClosed(l.line.status) ? "" : std::to_string(std::lround(dc.ageMinutes)),
                           dc.overdue && !isClosed(l.line.status) ? "1" : "0",
                           l.lastReason,
                           std::to_string(n + 1),
                           std::to_string(dc.lines.size()),
                           std::string(statusNameJa(c.status)),
                           std::string(statusId(c.status)),
                           dc.calledAt.value_or(""),
                           dc.waits.waitMinutes ? std::to_string(std::lround(*dc.waits.waitMinutes)) : "",
                           dc.waits.serviceMinutes ? std::to_string(std::lround(*dc.waits.serviceMinutes)) : "",
                           l.line.mailedOn ? toIso(*l.line.mailedOn) : "",
                           awaitingDays(l.line),
                           "当日受付",
                       });
            appendRow(out, row);
        }
    }
    for (const auto& a : summary.awaitingAnswers) {
        const Case& c = a.c;
        if (receivedThatDay(c))
            continue; // already among the day's rows
        std::size_t n = 0, count = std::max<std::size_t>(1, c.procedures.size());
        for (std::size_t i = 0; i < c.procedures.size(); ++i)
            if (c.procedures[i].procedure == a.line.procedure)
                n = i;
        std::vector<std::string> row = lineColumns(c, a.line);
        row.insert(row.end(),
                   {"", "", "", "0", "", std::to_string(n + 1), std::to_string(count),
                    std::string(statusNameJa(c.status)), std::string(statusId(c.status)), "", "", "",
                    a.line.mailedOn ? toIso(*a.line.mailedOn) : "", std::to_string(a.days), "照会書回答待ち"});
        appendRow(out, row);
    }
    return out;
}

} // namespace madoguchi::reports
