#include "app/gui/presenters/resident_form.hpp"
#include "app/gui/presenters/translate.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::gui;
using boost::gregorian::date;

namespace {
const date kToday(2026, 11, 29);

ResidentFields yamada()
{
    ResidentFields f;
    f.name = "山田 花子";
    f.kana = "ヤマダ ハナコ";
    f.birth = "S45.5.20";
    return f;
}
} // namespace

TEST(ResidentForm, AnEmptyFormIsQuietWhileTypingButNotOnSave)
{
    ResidentFields empty;
    EXPECT_TRUE(checkResidentForm(empty, kToday, false).problems.empty());
    auto onSave = checkResidentForm(empty, kToday, true);
    EXPECT_TRUE(onSave.messageFor(ResidentField::Name));
    EXPECT_TRUE(onSave.messageFor(ResidentField::Kana));
    EXPECT_TRUE(onSave.messageFor(ResidentField::Birth));
    EXPECT_FALSE(onSave.resident);
}

TEST(ResidentForm, KanjiInTheFuriganaIsFlaggedAtTheKanaField)
{
    auto f = yamada();
    f.kana = "山田";
    auto check = checkResidentForm(f, kToday, false);
    ASSERT_EQ(check.problems.size(), 1u);
    EXPECT_EQ(check.problems[0].field, ResidentField::Kana);
    EXPECT_FALSE(check.resident);
}

TEST(ResidentForm, AFutureBirthOrMoveInIsFlagged)
{
    auto f = yamada();
    f.birth = "R9.1.1";
    EXPECT_TRUE(checkResidentForm(f, kToday, false).messageFor(ResidentField::Birth));
    f = yamada();
    f.movedIn = "2026-12-01";
    EXPECT_TRUE(checkResidentForm(f, kToday, false).messageFor(ResidentField::MovedIn));
}

TEST(ResidentForm, AStayEndingBeforeBirthIsFlaggedOnlyForAForeignResident)
{
    auto f = yamada();
    f.stayUntil = "1960-01-01";
    EXPECT_TRUE(checkResidentForm(f, kToday, false).problems.empty());
    f.foreignResident = true;
    EXPECT_TRUE(checkResidentForm(f, kToday, false).messageFor(ResidentField::StayUntil));
}

TEST(ResidentForm, AGoodFormGivesTheResidentWithTheEraDateRead)
{
    setUiLanguage(UiLanguage::Japanese);
    auto f = yamada();
    f.address = "  東京都小平市小川町2-1333 ";
    auto check = checkResidentForm(f, kToday, true);
    ASSERT_TRUE(check.resident) << (check.problems.empty() ? "" : check.problems[0].message);
    EXPECT_EQ(check.resident->birth, date(1970, 5, 20));
    EXPECT_EQ(check.resident->address, "東京都小平市小川町2-1333");
    EXPECT_EQ(check.birthEcho, "1970-05-20（昭和45年5月20日）");
}
