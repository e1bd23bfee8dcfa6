#include "app/gui/presenters/case_list_presenter.hpp"
#include "app/gui/presenters/translate.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::gui;
using boost::gregorian::date;

namespace {
const date kToday(2026, 11, 29);

db::CaseSummary summary(const std::string& createdAt, CaseStatus status)
{
    db::CaseSummary s;
    s.id = 7;
    s.receptionNumber = "A-007";
    s.procedure = Procedure::Reissue;
    s.status = status;
    s.name = "山田 花子";
    s.kana = "ヤマダ ハナコ";
    s.window = "3";
    s.clerk = "tanaka";
    s.createdAt = createdAt;
    return s;
}
} // namespace

TEST(CaseListPresenter, AnEmptySearchBoxListsTodaysCases)
{
    CaseFilter f;
    f.text = "   ";
    auto q = buildQuery(f, kToday);
    EXPECT_EQ(q.day, kToday);
    EXPECT_FALSE(q.text);
}

TEST(CaseListPresenter, TypedTextSearchesTheWholeCaseBookWithTheOtherFilters)
{
    CaseFilter f;
    f.text = " やまだ ";
    f.status = CaseStatus::Waiting;
    f.procedure = Procedure::PinReset;
    f.window = " 3 ";
    auto q = buildQuery(f, kToday);
    EXPECT_FALSE(q.day);
    EXPECT_EQ(q.text, "やまだ");
    EXPECT_EQ(q.status, CaseStatus::Waiting);
    EXPECT_EQ(q.procedure, Procedure::PinReset);
    EXPECT_EQ(q.window, "3");
}

TEST(CaseListPresenter, AReceptionNumberIsLookedUpAmongTodaysCases)
{
    CaseFilter f;
    f.text = "Ａ－０１２";
    auto q = buildQuery(f, kToday);
    EXPECT_EQ(q.day, kToday);
    EXPECT_EQ(q.text, "Ａ－０１２");
}

TEST(CaseListPresenter, TodaysListIsNotCutAtTheSearchLimit)
{
    EXPECT_GE(buildQuery(CaseFilter{}, kToday).limit, 2000u);
    CaseFilter f;
    f.text = "やまだ";
    EXPECT_LT(buildQuery(f, kToday).limit, 2000u);
}

TEST(CaseListPresenter, AResidentWaitingPastTheLimitIsFlagged)
{
    setUiLanguage(UiLanguage::Japanese);
    RowContext ctx{"2026-11-29T10:00:00+09:00", 30, false};
    auto row = toRow(summary("2026-11-29T09:20:00+09:00", CaseStatus::Received), ctx);
    EXPECT_EQ(row.warning, RowWarning::WaitingLong);
    EXPECT_EQ(row.warningText, "Waiting for 40 min"); // untranslated: no catalog in this test
    EXPECT_EQ(row.time, "09:20");
    EXPECT_EQ(row.procedure, "再交付");
    EXPECT_EQ(row.status, "受付");
    // Being served is not waiting; nor is a short wait.
    EXPECT_EQ(toRow(summary("2026-11-29T09:20:00+09:00", CaseStatus::InProgress), ctx).warning, RowWarning::None);
    EXPECT_EQ(toRow(summary("2026-11-29T09:45:00+09:00", CaseStatus::Received), ctx).warning, RowWarning::None);
}

TEST(CaseListPresenter, AnOpenCaseFromAnEarlierDayIsFlaggedAndShowsItsDay)
{
    RowContext ctx{"2026-11-29T10:00:00+09:00", 30, false};
    auto row = toRow(summary("2026-11-20T15:05:00+09:00", CaseStatus::Waiting), ctx);
    EXPECT_EQ(row.warning, RowWarning::OpenFromEarlierDay);
    EXPECT_EQ(row.time, "2026-11-20 15:05");
    EXPECT_EQ(toRow(summary("2026-11-20T15:05:00+09:00", CaseStatus::Done), ctx).warning, RowWarning::None);
}

TEST(CaseListPresenter, APrivacyLockHidesTheName)
{
    RowContext ctx{"2026-11-29T10:00:00+09:00", 30, true};
    auto row = toRow(summary("2026-11-29T09:55:00+09:00", CaseStatus::Received), ctx);
    EXPECT_EQ(row.resident.find("山田"), std::string::npos);
    EXPECT_EQ(row.receptionNumber, "A-007");
}

TEST(CaseListPresenter, TheSummarySaysWhenTheListIsCutAtTheLimit)
{
    CaseFilter today, search;
    search.text = "やま";
    EXPECT_EQ(listSummary(today, 12, 500), "12 cases today");
    EXPECT_EQ(listSummary(search, 3, 500), "3 found in the case book");
    EXPECT_NE(listSummary(search, 500, 500).find("narrow"), std::string::npos);
}

TEST(CaseListPresenter, AVisitOfSeveralProceduresShowsThemAll)
{
    setUiLanguage(UiLanguage::Japanese);
    RowContext ctx{"2026-11-29T10:00:00+09:00", 30, false};
    auto s = summary("2026-11-29T09:50:00+09:00", CaseStatus::InProgress);
    s.procedure = Procedure::PinReset;
    s.procedures = {{Procedure::PinReset, CaseStatus::InProgress}, {Procedure::CertRenewal, CaseStatus::Received}};
    EXPECT_EQ(toRow(s, ctx).procedure, "暗証番号の再設定 + 電子証明書の更新・発行");
    s.procedures.resize(1);
    EXPECT_EQ(toRow(s, ctx).procedure, "暗証番号の再設定");
}
