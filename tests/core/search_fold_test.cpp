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
