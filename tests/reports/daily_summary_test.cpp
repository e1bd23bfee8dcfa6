// The day's figures from cases built by hand, with histories whose times are known.
#include "core/common/clock.hpp"
#include "report_fixtures.hpp"
#include "reports/daily_report.hpp"
#include "reports/daily_summary.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::reports;
using boost::gregorian::date;

namespace {

Case make(const std::string& number, Procedure p, const std::string& window, const std::string& clerk,
          const std::string& received, std::vector<std::pair<std::string, CaseStatus>> changes,
          const std::string& reason = "")
{
    Case c = test::sampleCase(p);
    c.receptionNumber = number;
    c.window = window;
    c.clerk = clerk;
    c.createdAt = "2026-11-29T" + received + ":00+09:00";
    c.history.push_back(
        {c.createdAt, clerk, std::nullopt, CaseStatus::Received, "", std::nullopt, HistoryKind::StatusChange});
    CaseStatus from = CaseStatus::Received;
    for (const auto& [at, to] : changes) {
        c.history.push_back({"2026-11-29T" + at + ":00+09:00", clerk, from, to, to == CaseStatus::Waiting ? reason : "",
                             p, HistoryKind::StatusChange});
        from = to;
    }
    c.status = from;
    return c;
}

std::int64_t at(const std::string& hhmm)
{
    return *epochSeconds("2026-11-29T" + hhmm + ":00+09:00");
}

} // namespace

TEST(DailySummary, CountsHandlingTimesAndOverdueCases)
{
    std::vector<Case> cases{
        make("A-001", Procedure::Reissue, "1", "suzuki", "09:00",
             {{"09:05", CaseStatus::InProgress}, {"09:20", CaseStatus::Done}}), // 20 min
        make("A-002", Procedure::Reissue, "1", "suzuki", "09:10",
             {{"09:15", CaseStatus::InProgress}, {"10:40", CaseStatus::Done}}), // 90 min
        make("A-003", Procedure::PinReset, "2", "tanaka", "10:00", {{"10:01", CaseStatus::InProgress}}),
        make("A-004", Procedure::PinReset, "2", "tanaka", "11:30", {}),
        make("A-005", Procedure::CardReceipt, "3", "sato", "09:30", {{"09:40", CaseStatus::Waiting}}, "照会書待ち"),
        make("A-006", Procedure::CardReceipt, "3", "sato", "09:45", {{"09:50", CaseStatus::Withdrawn}}),
    };
    auto s = summarizeDay(cases, date(2026, 11, 29), at("12:00"), 60);
    EXPECT_EQ(s.total, 6);
    EXPECT_EQ(s.byStatus[statusIndex(CaseStatus::Done)], 2);
    EXPECT_EQ(s.byStatus[statusIndex(CaseStatus::Waiting)], 1);
    EXPECT_EQ((s.byProcedure[Procedure::Reissue][statusIndex(CaseStatus::Done)]), 2);
    EXPECT_EQ((s.byProcedure[Procedure::PinReset][statusIndex(CaseStatus::InProgress)]), 1);
    EXPECT_EQ((s.byProcedure[Procedure::PinReset][statusIndex(CaseStatus::Received)]), 1);
    EXPECT_EQ(s.byWindow["1"].done, 2);
    EXPECT_EQ(s.byWindow["2"].open, 2);
    EXPECT_EQ(s.byClerk["sato"].waiting, 1);
    EXPECT_EQ(s.byClerk["sato"].withdrawn, 1);
    EXPECT_EQ(s.timedCases, 2);
    EXPECT_DOUBLE_EQ(*s.averageMinutes, 55.0);
    EXPECT_DOUBLE_EQ(*s.longestMinutes, 90.0);
    EXPECT_EQ(s.longestReception, "A-002");
    ASSERT_EQ(s.open().size(), 2u);
    ASSERT_EQ(s.waiting().size(), 1u);
    EXPECT_EQ(s.waiting()[0]->lastReason, "照会書待ち");
    // A-003 has been open 120 minutes at noon, A-004 only 30.
    ASSERT_EQ(s.overdue().size(), 1u);
    EXPECT_EQ(s.overdue()[0]->c.receptionNumber, "A-003");
    EXPECT_EQ(s.referenceTime, "2026-11-29T12:00:00+09:00");
}

TEST(DailySummary, ACaseImportedAsDoneHasNoHandlingTime)
{
    Case c = make("A-001", Procedure::Reissue, "1", "suzuki", "09:00", {});
    c.status = CaseStatus::Done;
    c.history.front().to = CaseStatus::Done;
    auto s = summarizeDay({c}, date(2026, 11, 29), at("17:00"));
    EXPECT_EQ(s.timedCases, 0);
    EXPECT_FALSE(s.averageMinutes);
}

TEST(DailySummary, ReceptionNumbersSortPastNineHundredNinetyNine)
{
    auto s = summarizeDay({make("A-1000", Procedure::Reissue, "1", "x", "09:00", {}),
                           make("A-999", Procedure::Reissue, "1", "x", "09:00", {})},
                          date(2026, 11, 29), at("17:00"));
    EXPECT_EQ(s.cases[0].c.receptionNumber, "A-999");
}

TEST(DailySummary, MinutesReadLikeAClock)
{
    EXPECT_EQ(formatMinutes(12.4), "12分");
    EXPECT_EQ(formatMinutes(60), "1時間");
    EXPECT_EQ(formatMinutes(65), "1時間5分");
}

TEST(DailySummary, WaitingTimesAreFromArrivalToTheAnsweredCallAndFromThereToDone)
{
    // called at 09:12, not here at 09:14, called again to window 2 at 09:30, done 09:45.
    Case a = make("A-001", Procedure::Reissue, "2", "suzuki", "09:00",
                  {{"09:31", CaseStatus::InProgress}, {"09:45", CaseStatus::Done}});
    auto call = [&a](const std::string& at, HistoryKind k, const std::string& window) {
        HistoryEntry e{
            "2026-11-29T" + at + ":00+09:00", "suzuki", std::nullopt, CaseStatus::Received, "", std::nullopt, k};
        e.window = window;
        a.history.insert(a.history.end() - 2, e);
    };
    call("09:12", HistoryKind::Called, "1");
    call("09:14", HistoryKind::Absent, "1");
    call("09:30", HistoryKind::Called, "2");
    // never called (still waiting).
    Case b = make("A-002", Procedure::PinReset, "1", "suzuki", "09:20", {});
    auto s = summarizeDay({a, b}, date(2026, 11, 29), at("12:00"));
    ASSERT_EQ(s.cases.size(), 2u);
    EXPECT_EQ(s.cases[0].calledAt, "2026-11-29T09:30:00+09:00");
    EXPECT_DOUBLE_EQ(*s.cases[0].waits.waitMinutes, 30);
    EXPECT_DOUBLE_EQ(*s.cases[0].waits.serviceMinutes, 15);
    EXPECT_FALSE(s.cases[1].calledAt);
    EXPECT_FALSE(s.cases[1].waits.waitMinutes);
    EXPECT_EQ(s.waits.byProcedure.at(Procedure::Reissue).wait.count, 1);
    EXPECT_DOUBLE_EQ(*s.waits.byProcedure.at(Procedure::Reissue).wait.averageMinutes(), 30);
    EXPECT_EQ(s.waits.byHour.at(9).service.count, 1);
    EXPECT_EQ(
        s.waits.byProcedure.count(Procedure::PinReset) ? s.waits.byProcedure.at(Procedure::PinReset).wait.count : 0, 0);
    // The CSV: the call's time and both waits on each of the visit's rows, empty for the other.
    auto rows = dailyCsv(s);
    EXPECT_NE(rows.find("呼出日時,待ち時間（分）,呼出から完了（分）,照会書郵送日,回答待ち日数,行の種類\r\n"),
              std::string::npos);
    EXPECT_NE(rows.find(",2026-11-29T09:30:00+09:00,30,15,,,当日受付\r\n"), std::string::npos) << rows;
    EXPECT_NE(rows.find(",received,,,,,,当日受付\r\n"), std::string::npos) << rows;
}

// The two-visit route (issue #14): the daily report lists every line waiting on its inquiry
// letter, of any day, the longest first, with the days since the letter was mailed on the report's
// day; a letter mailed after that day, or a line that moved on, is not listed. The CSV adds them
// after the day's rows, marked as such.
TEST(DailySummary, TheLinesAwaitingAnInquiryAnswerAreListedWithTheirDays)
{
    auto waiting = [](const std::string& number, const std::string& day, date mailed, CaseStatus status) {
        Case c = test::sampleCase(Procedure::PinReset);
        c.receptionNumber = number;
        c.createdAt = day + "T10:00:00+09:00";
        c.procedures = {{Procedure::PinReset, status, mailed}};
        c.status = status;
        return c;
    };
    const date day(2026, 11, 29);
    std::vector<Case> cases{waiting("A-004", "2026-11-20", date(2026, 11, 20), CaseStatus::AwaitingAnswer),
                            waiting("A-009", "2026-11-10", date(2026, 11, 11), CaseStatus::AwaitingAnswer),
                            waiting("A-001", "2026-11-29", date(2026, 11, 30), CaseStatus::AwaitingAnswer),
                            waiting("A-002", "2026-11-12", date(2026, 11, 12), CaseStatus::InProgress)};
    auto listed = awaitingLetters(cases, day);
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].c.receptionNumber, "A-009");
    EXPECT_EQ(listed[0].days, 18);
    EXPECT_EQ(listed[1].c.receptionNumber, "A-004");
    EXPECT_EQ(listed[1].days, 9);

    DailySummary s = summarizeDay({}, day, 0);
    s.awaitingAnswers = listed;
    auto csv = dailyCsv(s);
    EXPECT_NE(csv.find(",2026-11-11,18,照会書回答待ち\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",2026-11-20,9,照会書回答待ち\r\n"), std::string::npos) << csv;
}
