#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/presenters/translate.hpp"

#include <algorithm>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::gui;

namespace {
bool has(const std::vector<Procedure>& v, Procedure p)
{
    return std::find(v.begin(), v.end(), p) != v.end();
}
} // namespace

TEST(ProcedureFilter, BlankListsThemAll)
{
    EXPECT_EQ(matchProcedures("  ").size(), allProcedures().size());
}

TEST(ProcedureFilter, FindsExpressIssuanceByItsReading)
{
    for (const char* q : {"特急", "とっきゅう", "tokkyuu", "express"}) {
        auto found = matchProcedures(q);
        ASSERT_EQ(found.size(), 1u) << q;
        EXPECT_EQ(found[0], Procedure::ExpressReissue) << q;
    }
}

TEST(ProcedureFilter, FindsReissueByNameReadingInEitherKanaAndRomaji)
{
    for (const char* q : {"再交付", "さいこうふ", "サイコウフ", "ｻｲｺｳﾌ", "saikoufu"}) {
        auto found = matchProcedures(q);
        ASSERT_EQ(found.size(), 1u) << q;
        EXPECT_EQ(found[0], Procedure::Reissue) << q;
    }
    // The id express-reissue contains "reissue" too: both are offered, the ordinary one first.
    auto byId = matchProcedures("reissue");
    ASSERT_EQ(byId.size(), 2u);
    EXPECT_EQ(byId[0], Procedure::Reissue);
    EXPECT_EQ(byId[1], Procedure::ExpressReissue);
}

TEST(ProcedureFilter, APartOfAReadingNarrowsToEveryProcedureContainingIt)
{
    auto found = matchProcedures("かーど");
    EXPECT_TRUE(has(found, Procedure::CardReceipt));
    EXPECT_TRUE(has(found, Procedure::CardRenewal));
    EXPECT_TRUE(has(found, Procedure::FaceAuthChange)); // 顔認証マイナンバーカード
    EXPECT_FALSE(has(found, Procedure::PinReset));
    EXPECT_TRUE(matchProcedures("zzz").empty());
}

TEST(ProcedureFilter, NamesFollowTheWindowLanguage)
{
    setUiLanguage(UiLanguage::Japanese);
    EXPECT_EQ(procedureName(Procedure::Reissue), "再交付");
    EXPECT_EQ(statusName(CaseStatus::Waiting), "保留");
    setUiLanguage(UiLanguage::English);
    EXPECT_EQ(procedureName(Procedure::Reissue), "Card reissue");
}
