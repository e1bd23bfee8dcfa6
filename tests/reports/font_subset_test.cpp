// The font: our widths are libharu's widths (HPDF_Font_TextWidth on the full IPAex font and on
// our subset), the subset holds exactly what a document uses, and a character the font lacks
// prints as 〓 rather than as tofu.
#include "core/text/line_breaking.hpp"
#include "pdf_reader.hpp"
#include "reports/pdf_document.hpp"
#include "reports/truetype_font.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <hpdf.h>

using namespace madoguchi;
using namespace madoguchi::reports;

namespace {

const char* kSamples[] = {"マイナンバーカード 手続きのご案内",      "受付番号 A-012",
                          "2026年11月29日（令和8年11月29日）",      "Identity documents of the resident",
                          "電話 0120-95-0178（24時間365日）",       "髙橋 誠 様",
                          "¥1,000 — free when it is not your fault"};

double haruWidth(const std::string& fontFile, const std::string& text)
{
    HPDF_Doc doc = HPDF_New(nullptr, nullptr);
    HPDF_UseUTFEncodings(doc);
    HPDF_SetCurrentEncoder(doc, "UTF-8");
    const char* name = HPDF_LoadTTFontFromFile(doc, fontFile.c_str(), HPDF_TRUE);
    HPDF_Font font = HPDF_GetFont(doc, name, "UTF-8");
    auto w =
        HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
    HPDF_Free(doc);
    return w.width;
}

} // namespace

TEST(FontSubset, OurWidthsAreLibharusWidthsOnTheFullFont)
{
    PdfDocument doc("t");
    for (const char* s : kSamples)
        EXPECT_DOUBLE_EQ(doc.textWidth(s, 1000), haruWidth(gothicFontPath().string(), s)) << s;
}

TEST(FontSubset, TheSubsetMeasuresAndPrintsLikeTheFullFont)
{
    test::TempDir dir;
    std::set<char32_t> chars;
    for (const char* s : kSamples)
        for (char32_t c : text::decodeUtf8(s))
            chars.insert(c);
    const auto& full = TrueTypeFont::load(gothicFontPath());
    std::string subset = full.subset(chars);
    EXPECT_LT(subset.size(), 100'000u); // the full file is 6 MB
    auto file = dir / "subset.ttf";
    std::ofstream(file, std::ios::binary) << subset;
    PdfDocument doc("t");
    for (const char* s : kSamples)
        EXPECT_DOUBLE_EQ(haruWidth(file.string(), s), doc.textWidth(s, 1000)) << s;
}

TEST(FontSubset, PdfEmbedsASmallSubsetAndPopplerReadsTheTextBack)
{
    test::TempDir dir;
    PdfDocument doc("t");
    doc.addPage();
    double y = 780;
    for (const char* s : kSamples) {
        doc.text(0, 60, y, s, 12);
        y -= 20;
    }
    auto file = dir / "s.pdf";
    std::string bytes = doc.bytes();
    EXPECT_LT(bytes.size(), 60'000u);
    std::ofstream(file, std::ios::binary) << bytes;
    auto fonts = test::runProcess({"pdffonts", file.string()});
    EXPECT_NE(fonts.out.find("IPAexGothic"), std::string::npos) << fonts.out;
    EXPECT_NE(fonts.out.find("yes yes yes"), std::string::npos) << "embedded, subset, unicode: " << fonts.out;
    auto text = test::pdfTextCompact(file);
    for (const char* s : kSamples)
        EXPECT_NE(text.find(test::compact(s)), std::string::npos) << s << "\n" << text;
}

TEST(FontSubset, ACharacterTheFontLacksPrintsAsGeta)
{
    PdfDocument doc("t");
    doc.addPage();
    doc.text(0, 60, 700, "𠮷野 様", 12); // U+20BB7, outside the BMP
    ASSERT_EQ(doc.runs().size(), 1u);
    EXPECT_EQ(doc.runs()[0].text, "〓野 様");
    EXPECT_EQ(doc.substituted().count(U'\U00020BB7'), 1u);
    EXPECT_DOUBLE_EQ(doc.textWidth("〓野 様", 12), doc.runs()[0].width);
}
