// Japanese line breaking (禁則) and Latin word wrapping, with a fixed-pitch measure so that every
// expected break can be worked out by hand: CJK 10 points, anything else 5.
#include "core/text/line_breaking.hpp"

#include <gtest/gtest.h>

using namespace madoguchi::text;

namespace {

double fixedPitch(std::string_view s)
{
    double w = 0;
    for (char32_t c : decodeUtf8(s))
        w += c >= 0x2E80 ? 10 : 5;
    return w;
}

std::string joined(const std::vector<std::string>& lines)
{
    std::string s;
    for (const auto& l : lines)
        s += l;
    return s;
}

} // namespace

TEST(LineBreaking, NoLineStartsWithClosingPunctuationAtAnyWidth)
{
    const std::string text = "本人確認書類は、有効期限内の原本に限ります。「委任状」（代理人の場合）をお持ちください。"
                             "キャッシュカードやチョッキの小書き文字、長音ー、中黒・も行頭に来ません。";
    for (double width = 30; width <= 400; width += 5) {
        auto lines = breakLines(text, width, fixedPitch);
        ASSERT_EQ(joined(lines), text) << width;
        for (const auto& l : lines) {
            auto cps = decodeUtf8(l);
            ASSERT_FALSE(cps.empty());
            EXPECT_FALSE(mayNotStartLine(cps.front())) << "width " << width << ": " << l;
            EXPECT_FALSE(mayNotEndLine(cps.back())) << "width " << width << ": " << l;
        }
    }
}

TEST(LineBreaking, PunctuationGoesToTheNextLineWithTheCharacterBeforeIt)
{
    // 4 characters fit; 「。」 may not start line 2, so 「え」 moves down with it (追い出し).
    auto lines = breakLines("あいうえ。", 40, fixedPitch);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "あいう");
    EXPECT_EQ(lines[1], "え。");
}

TEST(LineBreaking, OpeningBracketNeverEndsALine)
{
    auto lines = breakLines("あいう「えお」", 40, fixedPitch);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "あいう");
    EXPECT_EQ(lines[1], "「えお」");
}

TEST(LineBreaking, LatinWordsBreakOnlyAtSpaces)
{
    auto lines = breakLines("Bring originals that have not expired", 90, fixedPitch);
    EXPECT_EQ(lines, (std::vector<std::string>{"Bring originals", "that have not", "expired"}));
}

TEST(LineBreaking, PhoneNumbersAndReceptionNumbersStayWhole)
{
    for (double width = 60; width <= 200; width += 5)
        for (const auto& l :
             breakLines("紛失したときは 0120-95-0178 へ電話し、受付番号A-012をお伝えください", width, fixedPitch)) {
            if (l.find("0120") != std::string::npos) {
                EXPECT_NE(l.find("0120-95-0178"), std::string::npos) << width << ": " << l;
            }
            if (l.find("A-") != std::string::npos) {
                EXPECT_NE(l.find("A-012"), std::string::npos) << width << ": " << l;
            }
        }
}

TEST(LineBreaking, AWordLongerThanTheLineIsCutRatherThanOverflowing)
{
    auto lines = breakLines("madoguchi-support-desk@example.city.lg.jp", 50, fixedPitch);
    EXPECT_GT(lines.size(), 1u);
    for (const auto& l : lines)
        EXPECT_LE(fixedPitch(l), 50) << l;
    EXPECT_EQ(joined(lines), "madoguchi-support-desk@example.city.lg.jp");
}

TEST(LineBreaking, NewlinesForceBreaksAndSpacesAtLineEndsAreDropped)
{
    auto lines = breakLines("one two\nthree", 1000, fixedPitch);
    EXPECT_EQ(lines, (std::vector<std::string>{"one two", "three"}));
    lines = breakLines("aaaa bbbb", 25, fixedPitch);
    EXPECT_EQ(lines, (std::vector<std::string>{"aaaa", "bbbb"}));
}

TEST(LineBreaking, EveryLineFitsItsWidth)
{
    const std::string text = "マイナンバーカードの再交付には、カード再交付手数料800円と電子証明書発行手数料200円"
                             "（合計1,000円）がかかります。 Card reissue costs 1,000 yen in total.";
    for (double width = 40; width <= 300; width += 7)
        for (const auto& l : breakLines(text, width, fixedPitch))
            EXPECT_LE(fixedPitch(l), width) << width << ": " << l;
}
