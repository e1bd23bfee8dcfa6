// The daily report and the CSV of a generated office day in a real SQLite case book.
#include "app/common/day_cases.hpp"
#include "core/files/output_file.hpp"
#include "pdf_reader.hpp"
#include "report_fixtures.hpp"
#include "reports/daily_report.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

using namespace madoguchi;
using namespace madoguchi::reports;
using boost::gregorian::date;

namespace {

const date kDay(2026, 11, 27);

// RFC 4180, as a spreadsheet reads it.
std::vector<std::vector<std::string>> parseCsv(const std::string& text)
{
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
        any = true;
    }
    if (any && rows.back().empty() && field.empty())
        rows.pop_back();
    return rows;
}

class DailyReport : public ::testing::Test {
protected:
    test::TempDir dir;
    std::unique_ptr<db::CaseStore> store = db::openStore((dir / "day.db").string());
    void SetUp() override
    {
        store->importCases(test::generatedDay(kDay, 400), {"import"});
        store->importCases(test::generatedDay(kDay - boost::gregorian::days(1), 50, 3), {"import"}); // not this day
        // A few cases moved on through the store: their history has real times.
        db::CaseQuery q;
        q.day = kDay;
        q.status = CaseStatus::Received;
        q.limit = 5;
        auto s = store->search(q);
        for (const auto& row : s) {
            store->changeStatus(row.id, CaseStatus::InProgress, "", {"suzuki"});
            store->changeStatus(row.id, CaseStatus::Done, "", {"suzuki"});
        }
    }
};

} // namespace

TEST_F(DailyReport, CsvHasOneRowPerCaseOfTheDayAndReadsBack)
{
    auto file = dir / "day.csv";
    files::writeOutputFile(file, dailyCsv(summarizeDayAsOfNow(app::casesReceivedOn(*store, kDay), kDay)),
                           files::Overwrite::No);
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    ASSERT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF") << "UTF-8 byte-order mark for Excel";
    auto rows = parseCsv(bytes.substr(3));
    ASSERT_EQ(rows.size(), 401u);
    const auto& h = rows[0];
    EXPECT_EQ(h[0], "受付番号");
    EXPECT_EQ(h[5], "状態");
    EXPECT_EQ(h[7], "氏名");
    std::set<std::string> numbers;
    int withComma = 0, done = 0, timed = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), h.size()) << i;
        numbers.insert(rows[i][0]);
        EXPECT_EQ(rows[i][2].substr(0, 10), "2026-11-27");
        EXPECT_TRUE(statusFromId(rows[i][6])) << rows[i][6];
        EXPECT_TRUE(procedureFromId(rows[i][4])) << rows[i][4];
        withComma += rows[i][7] == "SMITH, John \"Jack\"";
        done += rows[i][6] == "done";
        timed += !rows[i][13].empty();
    }
    EXPECT_EQ(numbers.size(), 400u);
    EXPECT_GT(withComma, 0) << "a name with a comma and quotes survives the round trip";
    EXPECT_GT(done, 100);
    EXPECT_EQ(timed, 5) << "only cases moved to done through the store have a handling time";
}

TEST_F(DailyReport, PdfRunsOverPagesWithHeadersAndPageNumbersRepeated)
{
    auto summary = summarizeDayAsOfNow(app::casesReceivedOn(*store, kDay), kDay);
    ASSERT_EQ(summary.total, 400);
    auto doc = renderDailyReport(summary, OfficeInfo{});
    test::expectInside(doc, 28.3);
    ASSERT_GE(doc.pages, 3);
    auto file = dir / "day.pdf";
    files::writeOutputFile(file, doc.pdf, files::Overwrite::No);
    ASSERT_EQ(test::pdfPageCount(file), doc.pages);
    auto first = test::pdfTextCompact(file, 1);
    for (const char* s : {"業務日報", "2026年11月27日（令和8年11月27日）", "受付件数400件", "手続き別・状態別の件数",
                          "再交付", "暗証番号", "平均"})
        EXPECT_NE(first.find(test::compact(s)), std::string::npos) << s << "\n" << first;
    // The charts (visits per hour, waits) come after the totals, the tallies after them.
    auto whole = test::pdfTextCompact(file);
    for (const char* s : {"時間帯別の受付件数", "窓口別", "担当者別"})
        EXPECT_NE(whole.find(test::compact(s)), std::string::npos) << s;
    for (int p = 1; p <= doc.pages; ++p) {
        auto text = test::pdfTextCompact(file, p);
        EXPECT_NE(text.find(std::to_string(p) + "/" + std::to_string(doc.pages) + "ページ"), std::string::npos) << p;
        if (p > 1) {
            EXPECT_NE(text.find(test::compact("業務日報 2026年11月27日")), std::string::npos) << p;
            // A page the open-cases table runs onto repeats its header; the last page may hold only
            // the section after it (照会書の回答待ち), which has its own.
            bool tail = p == doc.pages && text.find(test::compact("照会書の回答待ち")) != std::string::npos;
            EXPECT_TRUE(tail || text.find("受付番号") != std::string::npos) << "table header repeated on page " << p;
        }
    }
    // Every open and waiting case is listed by its reception number.
    auto all = test::pdfTextCompact(file);
    for (const auto* dc : summary.waiting())
        EXPECT_NE(all.find(dc->c.receptionNumber), std::string::npos) << dc->c.receptionNumber;
    for (const auto* dc : summary.open())
        EXPECT_NE(all.find(dc->c.receptionNumber), std::string::npos) << dc->c.receptionNumber;
}

TEST_F(DailyReport, AnEmptyDayStillPrints)
{
    auto doc = renderDailyReport(summarizeDayAsOfNow(app::casesReceivedOn(*store, date(2026, 1, 5)), date(2026, 1, 5)),
                                 OfficeInfo{});
    // The totals and the procedure table on the first page, the (empty) charts and tallies on the second.
    EXPECT_EQ(doc.pages, 2);
    auto file = dir / "empty.pdf";
    files::writeOutputFile(file, doc.pdf, files::Overwrite::No);
    EXPECT_NE(test::pdfTextCompact(file).find("受付件数0件"), std::string::npos);
}

// Visits of several procedures: the report counts visits and procedures apart, the CSV has a row
// per procedure with the visit's reception number.
class DailyReportOfVisits : public ::testing::Test {
protected:
    test::TempDir dir;
    std::unique_ptr<db::CaseStore> store = db::openStore((dir / "visits.db").string());
    CaseId two = 0, three = 0, one = 0;
    void SetUp() override
    {
        auto d = test::generatedDay(kDay, 3);
        d[0].draft.procedure = Procedure::PinReset;
        d[0].draft.procedures = {{Procedure::PinReset, CaseStatus::Received},
                                 {Procedure::CertRenewal, CaseStatus::Received}};
        d[1].draft.procedure = Procedure::CardInfoChange;
        d[1].draft.procedures = {{Procedure::CardInfoChange, CaseStatus::Done},
                                 {Procedure::CertRenewal, CaseStatus::Waiting},
                                 {Procedure::PinReset, CaseStatus::Withdrawn}};
        d[2].draft.procedure = Procedure::CertRenewal;
        d[2].status = CaseStatus::Received;
        auto ids = store->importCases(d, {"import"});
        two = ids[0];
        three = ids[1];
        one = ids[2];
        // The two-procedure visit moved on line by line through the store.
        store->changeStatus(two, {CaseStatus::InProgress, "", Procedure::CertRenewal, std::nullopt}, {"suzuki"});
        store->changeStatus(two, {CaseStatus::Done, "", Procedure::CertRenewal, std::nullopt}, {"suzuki"});
        store->changeStatus(two, {CaseStatus::Waiting, "照会書待ち", Procedure::PinReset, std::nullopt}, {"suzuki"});
    }
};

TEST_F(DailyReportOfVisits, TheSummaryCountsVisitsAndProceduresApart)
{
    auto s = summarizeDayAsOfNow(app::casesReceivedOn(*store, kDay), kDay);
    EXPECT_EQ(s.total, 3);
    EXPECT_EQ(s.procedureLines, 6);
    EXPECT_EQ(s.byStatus[statusIndex(CaseStatus::Waiting)], 2); // both visits of several wait on a line
    EXPECT_EQ(s.linesByStatus[statusIndex(CaseStatus::Done)], 2);
    EXPECT_EQ((s.byProcedure[Procedure::CertRenewal][statusIndex(CaseStatus::Done)]), 1);
    EXPECT_EQ((s.byProcedure[Procedure::CertRenewal][statusIndex(CaseStatus::Waiting)]), 1);
    EXPECT_EQ((s.byProcedure[Procedure::CertRenewal][statusIndex(CaseStatus::Received)]), 1);
    EXPECT_EQ((s.byProcedure[Procedure::PinReset][statusIndex(CaseStatus::Withdrawn)]), 1);
    ASSERT_EQ(s.waiting().size(), 2u);
    const DayCase& visit = s.cases[0];
    ASSERT_EQ(visit.lines.size(), 2u);
    EXPECT_TRUE(visit.lines[1].doneAt); // the renewal was done through the store
    EXPECT_TRUE(visit.lines[1].handlingMinutes);
    EXPECT_FALSE(visit.lines[0].doneAt);
    EXPECT_EQ(visit.lines[0].lastReason, "照会書待ち");
    EXPECT_FALSE(visit.handlingMinutes); // the visit is not done
}

TEST_F(DailyReportOfVisits, TheCsvHasARowPerProcedureWithTheVisitsNumber)
{
    auto file = dir / "visits.csv";
    files::writeOutputFile(file, dailyCsv(summarizeDayAsOfNow(app::casesReceivedOn(*store, kDay), kDay)),
                           files::Overwrite::No);
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    auto rows = parseCsv(bytes.substr(3));
    ASSERT_EQ(rows.size(), 7u); // the header and six procedures
    const auto& h = rows[0];
    ASSERT_EQ(h.size(), 27u);
    EXPECT_EQ(h[24], "照会書郵送日"); // the two-visit route (issue #14)
    EXPECT_EQ(h[25], "回答待ち日数");
    EXPECT_EQ(h[26], "行の種類");
    EXPECT_EQ(h[17], "手続き順");
    EXPECT_EQ(h[18], "手続き数");
    EXPECT_EQ(h[19], "来庁の状態");
    EXPECT_EQ(h[20], "来庁の状態ID");
    EXPECT_EQ(h[21], "呼出日時"); // nobody was called in this book: empty below
    EXPECT_EQ(h[22], "待ち時間（分）");
    EXPECT_EQ(h[23], "呼出から完了（分）");
    EXPECT_EQ(rows[1][21], "");
    // two rows, one number; each row its procedure's status, the visit's beside it.
    EXPECT_EQ(rows[1][0], "A-001");
    EXPECT_EQ(rows[2][0], "A-001");
    EXPECT_EQ(rows[1][1], std::to_string(two));
    EXPECT_EQ(rows[1][4], "pin-reset");
    EXPECT_EQ(rows[1][6], "waiting");
    EXPECT_EQ(rows[1][16], "照会書待ち");
    EXPECT_EQ(rows[2][4], "cert-renewal");
    EXPECT_EQ(rows[2][6], "done");
    EXPECT_FALSE(rows[2][13].empty()); // its handling time
    EXPECT_EQ(rows[1][17], "1");
    EXPECT_EQ(rows[2][17], "2");
    EXPECT_EQ(rows[1][18], "2");
    EXPECT_EQ(rows[1][20], "waiting");
    EXPECT_EQ(rows[2][20], "waiting");
    // Counting visits: the rows with 手続き順 1.
    int visits = 0;
    for (std::size_t i = 1; i < rows.size(); ++i)
        visits += rows[i][17] == "1";
    EXPECT_EQ(visits, 3);
}

TEST_F(DailyReportOfVisits, ThePdfCountsBothAndListsEachProcedureOfAWaitingVisit)
{
    auto file = dir / "visits.pdf";
    files::writeOutputFile(
        file, renderDailyReport(summarizeDayAsOfNow(app::casesReceivedOn(*store, kDay), kDay), OfficeInfo{}).pdf,
        files::Overwrite::No);
    auto text = test::pdfTextCompact(file);
    for (const char* s : {"受付件数3件（来庁）", "手続き件数6件", "暗証番号の再設定（保留）",
                          "電子証明書の更新・発行（完了）", "照会書待ち"})
        EXPECT_NE(text.find(test::compact(s)), std::string::npos) << s << "\n" << text;
}
