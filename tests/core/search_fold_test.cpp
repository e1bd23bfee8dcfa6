#include "core/text/search_fold.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;

TEST(SearchFold, KatakanaAndHiraganaFoldTogether)
{
    EXPECT_EQ(foldForSearch("ヤマダ タロウ"), foldForSearch("やまだたろう"));
    EXPECT_EQ(foldForSearch("ヤマダ"), "やまだ");
}

TEST(SearchFold, HalfWidthKatakanaIncludingVoicedMarks)
{
    EXPECT_EQ(foldForSearch("ﾔﾏﾀﾞ ﾀﾛｳ"), "やまだたろう");
    EXPECT_EQ(foldForSearch("ﾊﾟﾝ"), "ぱん");
}

TEST(SearchFold, FullWidthLatinAndCase)
{
    EXPECT_EQ(foldForSearch("ＳＭＩＴＨ　Ｊｏｈｎ"), "smithjohn");
}

TEST(SearchFold, IdeographicSpaceRemoved)
{
    EXPECT_EQ(foldForSearch("山田　太郎"), "山田太郎");
}

TEST(SearchFold, SpacedCharacters)
{
    EXPECT_EQ(spacedCharacters("山田太郎"), "山 田 太 郎");
    EXPECT_EQ(spacedCharacters("𠮷野"), "𠮷 野"); // outside the BMP
    EXPECT_EQ(spacedCharacters(""), "");
}

TEST(SearchFold, KanaText)
{
    EXPECT_TRUE(isKanaText("ヤマダ　タロウ"));
    EXPECT_TRUE(isKanaText("すずき・じょーじ"));
    EXPECT_TRUE(isKanaText("ﾔﾏﾀﾞ"));
    EXPECT_FALSE(isKanaText("山田"));
    EXPECT_FALSE(isKanaText("Yamada"));
}

TEST(SearchFold, Trimmed)
{
    EXPECT_EQ(trimmed("　山田 "), "山田");
    EXPECT_EQ(trimmed("   "), "");
}

// 異体字 in names (issue #20 item 8): the forms residents write and the forms clerks type fold
// together, from Unihan's variant links and KANJIDIC2's (core/text/generate_variant_table.py).
struct VariantPair {
    const char *written, *typed, *source;
};

class VariantCharacters : public ::testing::TestWithParam<VariantPair> {};

TEST_P(VariantCharacters, TheWrittenFormIsFoundByTheTypedOne)
{
    EXPECT_EQ(foldForSearch(GetParam().written), foldForSearch(GetParam().typed)) << GetParam().source;
}

INSTANTIATE_TEST_SUITE_P(Names, VariantCharacters,
                         ::testing::Values(VariantPair{"髙橋", "高橋", "Unihan kSemanticVariant U+9AD9"},
                                           VariantPair{"山﨑", "山崎", "KANJIDIC2 / Unihan U+FA11"},
                                           VariantPair{"𠮷田", "吉田", "Unihan kSpoofingVariant U+20BB7"},
                                           VariantPair{"齋藤", "斎藤", "KANJIDIC2 jis208 variant of 斎"},
                                           VariantPair{"齊藤", "斉藤", "Unihan kSemanticVariant U+9F4A"},
                                           VariantPair{"斉藤", "斎藤", "Unihan kSpecializedSemanticVariant 齊/齋"},
                                           VariantPair{"渡邊", "渡辺", "KANJIDIC2 jis208 variant of 辺"},
                                           VariantPair{"渡邉", "渡辺", "KANJIDIC2 jis212 variant of 辺"},
                                           VariantPair{"澤田", "沢田", "KANJIDIC2 jis208 variant of 沢"},
                                           VariantPair{"長濱", "長浜", "KANJIDIC2 jis208 variant of 浜"},
                                           VariantPair{"國分", "国分", "Unihan kSemanticVariant U+570B"},
                                           VariantPair{"櫻井", "桜井", "KANJIDIC2 jis208 variant of 桜"}),
                         [](const auto& param) { return "Pair" + std::to_string(param.index); });

TEST(SearchFold, VariantsFoldAfterKanaAndWidth)
{
    EXPECT_EQ(foldForSearch("髙橋　ﾀﾛｳ"), foldForSearch("高橋たろう"));
}

TEST(SearchFold, DifferentNamesStayDifferent)
{
    EXPECT_NE(foldForSearch("高橋"), foldForSearch("高島"));
    EXPECT_NE(foldForSearch("吉田"), foldForSearch("古田"));
    EXPECT_NE(foldForSearch("沢田"), foldForSearch("択田"));
}

TEST(SearchFold, TheFoldIsNamedByItsTable)
{
    // The case books note it: a change of table makes them fold their rows again.
    EXPECT_NE(searchFoldId().find("unihan-"), std::string::npos);
    EXPECT_NE(searchFoldId().find("kanjidic2-"), std::string::npos);
}
