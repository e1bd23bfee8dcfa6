// The monthly statistics from cases built by hand (times known): counts by applicant type,
// procedure and status, waiting and handling times with their 90th percentile, the days; the PDF
// read back with pdftotext (Japanese, 和暦 beside 西暦) and the CSV parsed back.
#include "core/cases/visit.hpp"
#include "pdf_reader.hpp"
#include "report_fixtures.hpp"
#include "reports/monthly_report.hpp"
#include "tests/support/temp_dir.hpp"

#include <fstream>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::reports;
using boost::gregorian::date;

namespace {

// A one-procedure visit received on `day` at `received`, taken up `wait` minutes later and done
// `handle` minutes after that (negative: not taken up / not done).
Case visit(int day, Procedure p, ApplicantType applicant, int wait, int handle)
{
    Case c = test::sampleCase(p);
    char buf[40];
    std::snprintf(buf, sizeof buf, "2026-11-%02dT09:00:00+09:00", day);
    c.createdAt = buf;
    c.applicant.type = applicant;
    c.history = {{c.createdAt, "clerk", std::nullopt, CaseStatus::Received, "", std::nullopt}};
    c.procedures = {{p, CaseStatus::Received}};
    auto at = [&](int minutes) {
        std::snprintf(buf, sizeof buf, "2026-11-%02dT%02d:%02d:00+09:00", day, 9 + minutes / 60, minutes % 60);
        return std::string(buf);
    };
    if (wait >= 0) {
        c.history.push_back({at(wait), "clerk", CaseStatus::Received, CaseStatus::InProgress, "", p});
        c.procedures[0].status = CaseStatus::InProgress;
        if (handle >= 0) {
            c.history.push_back({at(wait + handle), "clerk", CaseStatus::InProgress, CaseStatus::Done, "", p});
            c.procedures[0].status = CaseStatus::Done;
        }
    }
    c.status = visitStatus(c.procedures);
    return c;
}

std::vector<Case> november()
{
    std::vector<Case> cases;
    // Ten visits on the 2nd: waits 1..10 minutes, handling 10..100.
    for (int i = 1; i <= 10; ++i)
        cases.push_back(
            visit(2, Procedure::CertRenewal, i <= 7 ? ApplicantType::Principal : ApplicantType::Proxy, i, 10 * i));
    cases.push_back(visit(30, Procedure::PinReset, ApplicantType::LegalRepresentative, 5, -1)); // in progress
    cases.push_back(visit(30, Procedure::Reissue, ApplicantType::Principal, -1, -1));           // received
    Case two = visit(15, Procedure::CardReceipt, ApplicantType::Principal, 2, 8);
    two.procedures.push_back({Procedure::PinReset, CaseStatus::Withdrawn});
    two.status = visitStatus(two.procedures);
    cases.push_back(two);
    cases.push_back(visit(1, Procedure::Reissue, ApplicantType::Principal, 1, 1)); // 1 December: not this month
    cases.back().createdAt = "2026-12-01T09:00:00+09:00";
    return cases;
}

} // namespace

TEST(MonthlySummary, CountsTheMonthsVisitsAndProceduresByApplicantAndStatus)
{
    MonthlySummary s = summarizeMonth(november(), date(2026, 11, 20));
    EXPECT_EQ(s.first, date(2026, 11, 1));
    EXPECT_EQ(s.last, date(2026, 11, 30));
    EXPECT_EQ(s.visits, 13);
    EXPECT_EQ(s.procedures, 14);
    EXPECT_EQ(s.visitsByStatus[statusIndex(CaseStatus::Done)], 11);
    EXPECT_EQ(s.proceduresByStatus[statusIndex(CaseStatus::Withdrawn)], 1);
    EXPECT_EQ(s.byApplicant[ApplicantType::Principal][statusIndex(CaseStatus::Done)], 8);
    EXPECT_EQ(s.byApplicant[ApplicantType::Proxy][statusIndex(CaseStatus::Done)], 3);
    EXPECT_EQ(s.byApplicant[ApplicantType::LegalRepresentative][statusIndex(CaseStatus::InProgress)], 1);
    EXPECT_EQ(s.byProcedure[Procedure::CertRenewal][statusIndex(CaseStatus::Done)], 10);
    EXPECT_EQ(s.visitsByDay[1], 10);
    EXPECT_EQ(s.visitsByDay[29], 2);
    EXPECT_EQ(s.visitsByDay[14], 1);
}

TEST(MonthlySummary, WaitingAndHandlingTimesWithTheir90thPercentile)
{
    MonthlySummary s = summarizeMonth(november(), date(2026, 11, 1));
    // Waits: 1..10, 5 (the one in progress) and 2: twelve visits taken up.
    EXPECT_EQ(s.waiting.measured, 12);
    EXPECT_NEAR(*s.waiting.averageMinutes, (55.0 + 5 + 2) / 12, 1e-9);
    EXPECT_DOUBLE_EQ(*s.waiting.p90Minutes, 9); // ceil(10.8) = 11th of 12 sorted
    // Handling: 10..100 and 8, the visits done.
    EXPECT_EQ(s.handling.measured, 11);
    EXPECT_DOUBLE_EQ(*s.handling.p90Minutes, 90); // ceil(9.9) = 10th of 11
    EXPECT_NEAR(*s.handling.averageMinutes, (550.0 + 8) / 11, 1e-9);
    EXPECT_FALSE(timeFigures({}).p90Minutes);
    EXPECT_DOUBLE_EQ(*timeFigures({7}).p90Minutes, 7);
}

TEST(MonthlyReport, ThePdfReadsBackInJapaneseWithTheEraBesideTheYear)
{
    MonthlySummary s = summarizeMonth(november(), date(2026, 11, 1));
    OfficeInfo office;
    office.nameJa = "小平市役所 市民課";
    RenderedDocument doc = renderMonthlyReport(s, office);
    test::expectInside(doc, 20);
    test::TempDir dir;
    auto pdf = dir / "monthly.pdf";
    std::ofstream(pdf, std::ios::binary) << doc.pdf;
    std::string text = test::pdfTextCompact(pdf);
    for (const char* expected : {"月次統計", "2026年11月（令和8年11月）", "小平市役所市民課", "来庁件数13件",
                                 "手続き件数14件", "申請者別・状態別の手続き件数", "任意代理人", "電子証明書の更新",
                                 "90パーセンタイル", "日別の来庁件数", "2日10件"})
        EXPECT_NE(text.find(test::compact(expected)), std::string::npos) << expected << " in " << text;
}

TEST(MonthlyReport, TheCsvHasABomOneFigureARowAndTheTimes)
{
    MonthlySummary s = summarizeMonth(november(), date(2026, 11, 1));
    std::string csv = monthlyCsv(s);
    ASSERT_EQ(csv.rfind("\xEF\xBB\xBF対象月,区分,項目,項目ID,状態,状態ID,値\r\n", 0), 0u);
    EXPECT_NE(csv.find("\r\n2026-11,来庁,来庁件数,visits,計,total,13\r\n"), std::string::npos);
    EXPECT_NE(csv.find("\r\n2026-11,申請者別,任意代理人,proxy,完了,done,3\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n2026-11,時間,処理時間の90パーセンタイル（分）,handling_p90_minutes,,,90.0\r\n"),
              std::string::npos);
    EXPECT_NE(csv.find("\r\n2026-11,日別,2日,day_2,,,10\r\n"), std::string::npos);
    EXPECT_NE(csv.find("\r\n2026-11,日別,30日,day_30,,,2\r\n"), std::string::npos);
}
