#include "app/gui/presenters/card_facts.hpp"
#include "core/common/clock.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::gui;

namespace {
card::BasicFacts yamada()
{
    return {"山田 花子", "東京都小平市小川町2-1333", "1970-05-20", "female"};
}
} // namespace

TEST(CardFacts, FillNameAddressBirthAndSexAndKeepWhatTheCardDoesNotHold)
{
    ResidentFields typed;
    typed.name = "やまだ"; // typed before the card came out: the card's spelling wins
    typed.kana = "ヤマダ ハナコ";
    typed.foreignResident = true;
    typed.stayUntil = "R9.3.31";
    typed.movedIn = "2026-04-01";
    ResidentFields f = withCardFacts(typed, yamada());
    EXPECT_EQ(f.name, "山田 花子");
    EXPECT_EQ(f.address, "東京都小平市小川町2-1333");
    EXPECT_EQ(f.birth, "1970-05-20");
    EXPECT_EQ(f.sex, Sex::Female);
    EXPECT_EQ(f.kana, "ヤマダ ハナコ");
    EXPECT_TRUE(f.foreignResident);
    EXPECT_EQ(f.stayUntil, "R9.3.31");
    EXPECT_EQ(f.movedIn, "2026-04-01");
}

TEST(CardFacts, TheFilledFormPassesTheChecksOnceTheFuriganaIsTyped)
{
    auto today = parseIsoDate("2026-11-29", "today");
    ResidentFields f = withCardFacts({}, yamada());
    auto asFilled = checkResidentForm(f, today, false);
    EXPECT_TRUE(asFilled.problems.empty());                              // nothing red while the clerk has yet to type
    EXPECT_NE(asFilled.birthEcho.find("1970-05-20"), std::string::npos); // read as a date, echoed
    EXPECT_FALSE(checkResidentForm(f, today, true).resident);            // but the furigana is required
    f.kana = "ヤマダ ハナコ";
    EXPECT_TRUE(checkResidentForm(f, today, true).resident);
}

TEST(CardFacts, TheCardsSexCodesMapToTheFormsChoices)
{
    EXPECT_EQ(sexFromCard("male"), Sex::Male);
    EXPECT_EQ(sexFromCard("female"), Sex::Female);
    EXPECT_EQ(sexFromCard("not-applicable"), Sex::NotApplicable);
    EXPECT_EQ(sexFromCard("unknown"), Sex::NotKnown);
    EXPECT_EQ(sexFromCard(""), Sex::NotKnown);
}
