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
    auto a = actionsFor(CaseStatus::Received, UserRole::Clerk);
    EXPECT_EQ(targets(a), (std::vector{CaseStatus::InProgress, CaseStatus::Waiting, CaseStatus::Withdrawn}));
    EXPECT_TRUE(a.canEdit);
    EXPECT_FALSE(a.canReopen);
    EXPECT_EQ(targets(actionsFor(CaseStatus::Waiting, UserRole::Clerk)),
              (std::vector{CaseStatus::InProgress, CaseStatus::Done, CaseStatus::Withdrawn}));
}

TEST(CaseDetailPresenter, HoldAndWithdrawalAskForAReason)
{
    for (const auto& t : actionsFor(CaseStatus::InProgress, UserRole::Clerk).transitions)
        EXPECT_EQ(t.needsReason, t.to == CaseStatus::Waiting || t.to == CaseStatus::Withdrawn);
}

TEST(CaseDetailPresenter, AClosedCaseIsReopenedBySupervisorsOnly)
{
    auto clerk = actionsFor(CaseStatus::Done, UserRole::Clerk);
    EXPECT_TRUE(clerk.transitions.empty());
    EXPECT_FALSE(clerk.canReopen);
    EXPECT_FALSE(clerk.canEdit);
    EXPECT_TRUE(actionsFor(CaseStatus::Withdrawn, UserRole::Supervisor).canReopen);
    EXPECT_TRUE(actionsFor(CaseStatus::Done, UserRole::Admin).canReopen);
    EXPECT_FALSE(actionsFor(CaseStatus::InProgress, UserRole::Supervisor).canReopen);
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
