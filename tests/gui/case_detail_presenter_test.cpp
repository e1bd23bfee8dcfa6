#include "app/gui/presenters/case_detail_presenter.hpp"
#include "app/gui/presenters/translate.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::gui;

namespace {
std::vector<CaseStatus> targets(const DetailActions& a)
{
    std::vector<CaseStatus> out;
    for (const auto& t : a.transitions)
        out.push_back(t.to);
    return out;
}
} // namespace

TEST(CaseDetailPresenter, OffersExactlyTheLifecyclesTransitions)
{
    auto a = actionsFor(CaseStatus::Received, Role::Clerk);
    EXPECT_EQ(targets(a), (std::vector{CaseStatus::InProgress, CaseStatus::Waiting, CaseStatus::AwaitingAnswer,
                                       CaseStatus::Withdrawn}));
    EXPECT_TRUE(a.canEdit);
    EXPECT_FALSE(a.canReopen);
    EXPECT_EQ(
        targets(actionsFor(CaseStatus::Waiting, Role::Clerk)),
        (std::vector{CaseStatus::InProgress, CaseStatus::Done, CaseStatus::AwaitingAnswer, CaseStatus::Withdrawn}));
    // The second visit of the two-visit route: taken up, done or withdrawn.
    EXPECT_EQ(targets(actionsFor(CaseStatus::AwaitingAnswer, Role::Clerk)),
              (std::vector{CaseStatus::InProgress, CaseStatus::Done, CaseStatus::Withdrawn}));
}

TEST(CaseDetailPresenter, TheInquiryLetterAsksForItsMailingDayAndTheLineShowsTheDaysWaited)
{
    for (const auto& t : actionsFor(CaseStatus::Received, Role::Clerk).transitions)
        EXPECT_EQ(t.needsMailingDay, t.to == CaseStatus::AwaitingAnswer);
    Case c;
    c.procedure = Procedure::PinReset;
    c.procedures = {{Procedure::PinReset, CaseStatus::AwaitingAnswer, boost::gregorian::date(2026, 11, 20)}};
    c.status = CaseStatus::AwaitingAnswer;
    setUiLanguage(UiLanguage::Japanese);
    auto rows = procedureRows(c, boost::gregorian::date(2026, 12, 2));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].status, "照会書回答待ち (mailed 2026-11-20, 12 days)"); // the catalog is not loaded here
}

TEST(CaseDetailPresenter, HoldAndWithdrawalAskForAReason)
{
    for (const auto& t : actionsFor(CaseStatus::InProgress, Role::Clerk).transitions)
        EXPECT_EQ(t.needsReason, t.to == CaseStatus::Waiting || t.to == CaseStatus::Withdrawn);
}

TEST(CaseDetailPresenter, AClosedCaseIsReopenedBySupervisorsOnly)
{
    auto clerk = actionsFor(CaseStatus::Done, Role::Clerk);
    EXPECT_TRUE(clerk.transitions.empty());
    EXPECT_FALSE(clerk.canReopen);
    EXPECT_FALSE(clerk.canEdit);
    EXPECT_TRUE(actionsFor(CaseStatus::Withdrawn, Role::Supervisor).canReopen);
    EXPECT_TRUE(actionsFor(CaseStatus::Done, Role::Admin).canReopen);
    EXPECT_FALSE(actionsFor(CaseStatus::InProgress, Role::Supervisor).canReopen);
}

TEST(CaseDetailPresenter, HistoryReadsAsChangesWithReasons)
{
    setUiLanguage(UiLanguage::Japanese);
    Case c;
    c.history.push_back({"2026-11-29T09:00:00+09:00", "tanaka", std::nullopt, CaseStatus::Received, "", std::nullopt,
                         HistoryKind::StatusChange});
    c.history.push_back({"2026-11-29T09:10:00+09:00", "tanaka", CaseStatus::Received, CaseStatus::Waiting, "照会書待ち",
                         Procedure::CardReceipt, HistoryKind::StatusChange});
    auto rows = historyRows(c);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].at, "2026-11-29 09:00");
    EXPECT_EQ(rows[0].change, "Received as 受付");
    EXPECT_EQ(rows[1].change, "受付 → 保留");
    EXPECT_EQ(rows[1].reason, "照会書待ち");
}

namespace {

Case twoProcedureVisit()
{
    Case c;
    c.receptionNumber = "A-003";
    c.procedure = Procedure::PinReset;
    c.procedures = {{Procedure::PinReset, CaseStatus::Done}, {Procedure::CertRenewal, CaseStatus::InProgress}};
    c.status = CaseStatus::InProgress;
    c.history = {
        {"2026-11-29T09:00:00+09:00", "tanaka", std::nullopt, CaseStatus::Received, "", std::nullopt,
         HistoryKind::StatusChange},
        {"2026-11-29T09:05:00+09:00", "tanaka", CaseStatus::Received, CaseStatus::InProgress, "", Procedure::PinReset,
         HistoryKind::StatusChange},
        {"2026-11-29T09:06:00+09:00", "tanaka", CaseStatus::Received, CaseStatus::InProgress, "",
         Procedure::CertRenewal, HistoryKind::StatusChange},
        {"2026-11-29T09:10:00+09:00", "tanaka", CaseStatus::InProgress, CaseStatus::Done, "", Procedure::PinReset,
         HistoryKind::StatusChange},
    };
    return c;
}

} // namespace

// One visit, two procedures: a line per procedure, the chosen line's buttons and history.
TEST(CaseDetailPresenter, EachProcedureLineHasItsOwnButtonsAndHistory)
{
    setUiLanguage(UiLanguage::Japanese);
    Case c = twoProcedureVisit();
    auto rows = procedureRows(c);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].name, "暗証番号の再設定");
    EXPECT_EQ(rows[0].status, "完了");
    EXPECT_EQ(rows[1].status, "対応中");
    auto done = actionsFor(c, 0, Role::Clerk);
    EXPECT_TRUE(done.transitions.empty()); // the PIN reset is closed
    EXPECT_TRUE(done.canEdit);             // the visit is not
    EXPECT_TRUE(actionsFor(c, 0, Role::Supervisor).canReopen);
    EXPECT_EQ(targets(actionsFor(c, 1, Role::Clerk)),
              (std::vector{CaseStatus::Waiting, CaseStatus::Done, CaseStatus::AwaitingAnswer, CaseStatus::Withdrawn}));
    EXPECT_EQ(historyRows(c, 0).size(), 3u); // the reception, and the PIN reset's own two
    EXPECT_EQ(historyRows(c, 1).size(), 2u);
    EXPECT_EQ(historyRows(c).size(), 4u);
    EXPECT_EQ(detailTitle(c), "A-003 · 暗証番号の再設定 + 電子証明書の更新・発行 · 対応中");
}
