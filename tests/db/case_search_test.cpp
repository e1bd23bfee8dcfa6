#include "db/case_store.hpp"
#include "tests/db/store_fixture.hpp"

#include <algorithm>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;

class CaseBookSearch : public BackendTest {
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (IsSkipped())
            return;
        std::vector<db::ImportedCase> in;
        auto add = [&](const char* name, const char* kana, int y, int m, int d, const char* day,
                       CaseStatus s = CaseStatus::Received, Procedure p = Procedure::CardReceipt) {
            db::ImportedCase c{draft(name, kana, y, m, d), std::string(day) + "T10:00:00+09:00", s};
            c.draft.procedure = p;
            in.push_back(c);
        };
        add("山田 太郎", "ヤマダ タロウ", 1970, 5, 20, "2026-11-27");
        add("山本 花子", "やまもと はなこ", 1985, 1, 2, "2026-11-27", CaseStatus::Done);
        add("小山 一郎", "ｺﾔﾏ ｲﾁﾛｳ", 1990, 7, 7, "2026-11-28", CaseStatus::Waiting, Procedure::Reissue);
        add("田中 一", "タナカ ハジメ", 2001, 12, 31, "2026-11-28");
        add("SMITH JOHN", "スミス ジョン", 1975, 4, 1, "2026-11-29");
        add("髙橋 𠮷男", "タカハシ ヨシオ", 1960, 2, 29, "2026-11-29");
        store->importCases(in, kClerk);
    }
    std::vector<std::string> names(db::CaseQuery q)
    {
        std::vector<std::string> out;
        for (const auto& s : store->search(q))
            out.push_back(s.name);
        std::sort(out.begin(), out.end());
        return out;
    }
    std::vector<std::string> byText(const std::string& t)
    {
        db::CaseQuery q;
        q.text = t;
        return names(q);
    }
};

MADOGUCHI_ON_BOTH_BACKENDS(CaseBookSearch);

using V = std::vector<std::string>;

TEST_P(CaseBookSearch, OneCharacterKanjiQuery)
{
    EXPECT_EQ(byText("山"), (V{"小山 一郎", "山本 花子", "山田 太郎"}));
    EXPECT_EQ(byText("一"), (V{"小山 一郎", "田中 一"}));
}

TEST_P(CaseBookSearch, TwoCharacterKanjiSubstring)
{
    EXPECT_EQ(byText("山田"), (V{"山田 太郎"}));
    EXPECT_EQ(byText("小山"), (V{"小山 一郎"}));
    EXPECT_EQ(byText("田中"), (V{"田中 一"}));
}

TEST_P(CaseBookSearch, LongerSubstringsAcrossTheSpace)
{
    EXPECT_EQ(byText("田太郎"), (V{"山田 太郎"}));
    EXPECT_EQ(byText("山田　太郎"), (V{"山田 太郎"}));
}

TEST_P(CaseBookSearch, KatakanaFindsHiraganaDataAndTheReverse)
{
    EXPECT_EQ(byText("ヤマモト"), (V{"山本 花子"}));
    EXPECT_EQ(byText("やまだ"), (V{"山田 太郎"}));
}

TEST_P(CaseBookSearch, HalfWidthAndFullWidthVariants)
{
    EXPECT_EQ(byText("こやま"), (V{"小山 一郎"})); // stored half-width ｺﾔﾏ
    EXPECT_EQ(byText("ﾀﾅｶ"), (V{"田中 一"}));
    EXPECT_EQ(byText("ｓｍｉｔｈ"), (V{"SMITH JOHN"}));
    EXPECT_EQ(byText("smith"), (V{"SMITH JOHN"}));
}

TEST_P(CaseBookSearch, CharactersOutsideTheBasicPlane)
{
    EXPECT_EQ(byText("𠮷"), (V{"髙橋 𠮷男"}));
    EXPECT_EQ(byText("髙橋"), (V{"髙橋 𠮷男"}));
}

TEST_P(CaseBookSearch, VariantCharactersAreFoundByTheCommonFormAndKeptAsWritten)
{
    // Issue #20 item 8: the clerk types 高橋 and 吉; the resident's 髙 and 𠮷 stay in the name.
    EXPECT_EQ(byText("高橋"), (V{"髙橋 𠮷男"}));
    EXPECT_EQ(byText("高橋吉男"), (V{"髙橋 𠮷男"}));
    EXPECT_EQ(byText("吉"), (V{"髙橋 𠮷男"}));
}

TEST_P(CaseBookSearch, KanaPrefix)
{
    db::CaseQuery q;
    q.kanaPrefix = "ヤマ";
    EXPECT_EQ(names(q), (V{"山本 花子", "山田 太郎"}));
}

TEST_P(CaseBookSearch, BirthDateAndReceptionNumber)
{
    EXPECT_EQ(byText("1960-02-29"), (V{"髙橋 𠮷男"}));
    db::CaseQuery q;
    q.text = "A-002";
    q.day = boost::gregorian::date(2026, 11, 28);
    EXPECT_EQ(names(q), (V{"田中 一"}));
}

TEST_P(CaseBookSearch, DayRangeStatusAndProcedure)
{
    db::CaseQuery q;
    q.day = boost::gregorian::date(2026, 11, 27);
    EXPECT_EQ(names(q).size(), 2u);
    q = {};
    q.from = boost::gregorian::date(2026, 11, 28);
    q.to = boost::gregorian::date(2026, 11, 29);
    EXPECT_EQ(names(q).size(), 4u);
    q = {};
    q.status = CaseStatus::Waiting;
    EXPECT_EQ(names(q), (V{"小山 一郎"}));
    q = {};
    q.procedure = Procedure::Reissue;
    EXPECT_EQ(names(q), (V{"小山 一郎"}));
    q.text = "山";
    EXPECT_EQ(names(q), (V{"小山 一郎"}));
}

TEST_P(CaseBookSearch, DayListIsInReceptionOrder)
{
    db::CaseQuery q;
    q.day = boost::gregorian::date(2026, 11, 29);
    auto rows = store->search(q);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].receptionNumber, "A-001");
    EXPECT_EQ(rows[1].receptionNumber, "A-002");
}

TEST_P(CaseBookSearch, OnlyTheNamedCasesThatStillMatchTheQuery)
{
    // What a window asks after a change: its own query, for just the changed cases.
    db::CaseQuery all;
    all.text = "山";
    auto yama = store->search(all); // 小山 (Waiting), 山本 (Done), 山田 (Received)
    ASSERT_EQ(yama.size(), 3u);
    db::CaseQuery q;
    q.status = CaseStatus::Received;
    for (const auto& s : yama)
        q.ids.push_back(s.id);
    EXPECT_EQ(names(q), (V{"山田 太郎"}));
    q.text = "山";
    EXPECT_EQ(names(q), (V{"山田 太郎"}));
    q.status.reset();
    q.ids.pop_back(); // newest first: 山田 was the first imported
    EXPECT_EQ(names(q), (V{"小山 一郎", "山本 花子"}));
    db::CaseQuery day;
    day.day = boost::gregorian::date(2026, 11, 28);
    day.ids = {yama[0].id, yama[2].id}; // 小山 on the 28th, 山田 on the 27th
    EXPECT_EQ(names(day), (V{"小山 一郎"}));
}

TEST_P(CaseBookSearch, NoMatchIsEmpty)
{
    EXPECT_TRUE(byText("佐藤").empty());
    EXPECT_TRUE(byText("サトウ").empty());
}
