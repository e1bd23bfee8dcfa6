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

TEST(ProcedureFilter, BlankListsAllFourteen)
{
    EXPECT_EQ(matchProcedures("  ").size(), 14u);
}

TEST(ProcedureFilter, FindsReissueByNameReadingInEitherKanaAndRomaji)
{
    for (const char* q : {"再交付", "さいこうふ", "サイコウフ", "ｻｲｺｳﾌ", "saikoufu", "reissue"}) {
        auto found = matchProcedures(q);
        ASSERT_EQ(found.size(), 1u) << q;
        EXPECT_EQ(found[0], Procedure::Reissue) << q;
    }
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
