// The handout's layout with a rule answer written by hand (so that it can be made as long as we
// like): text never leaves the printable area, long texts run onto more pages with the header
// and page numbers repeated, and the PDF reads back with poppler.
#include "core/files/output_file.hpp"
#include "core/text/line_breaking.hpp"
#include "pdf_reader.hpp"
#include "report_fixtures.hpp"
#include "reports/flow_layout.hpp"
#include "reports/handout.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <regex>

using namespace madoguchi;
using namespace madoguchi::reports;
using boost::gregorian::date;

namespace {

const date kDay(2026, 11, 29);

HandoutRules handmade(Procedure p, bool longTexts)
{
    HandoutRules r;
    r.requirements = test::handmadeRequirements(p, longTexts);
    r.newCard = r.newCerts = true;
    rules::DeadlineInput in;
    in.birth = date(1970, 5, 20);
    in.cardIssued = kDay;
    in.today = kDay;
    in.movedIn = date(2026, 11, 1);
    r.deadlines = rules::computeDeadlines(in);
    return r;
}

Case longCase()
{
    Case c = test::sampleCase();
    c.resident.name = "寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末食う寝る処に住む処 "
                      "Alexandra-Maximiliana von Hohenzollern-Sigmaringen";
    c.resident.kana = "ジュゲムジュゲムゴコウノスリキレカイジャリスイギョノスイギョウマツウンライマツフウライマツ";
    c.applicant.type = ApplicantType::LegalRepresentative;
    c.applicant.proxyName = "山田 花子";
    c.applicant.proxyRelation = "母";
    return c;
}

OfficeInfo longOffice()
{
    OfficeInfo o;
    o.nameJa = "小平市役所 市民部 市民課 マイナンバーカード交付窓口（本庁舎1階 東側 臨時窓口を含む）";
    o.addressJa = "〒187-8701 東京都小平市小川町二丁目1333番地 小平市役所本庁舎1階 市民課（正面玄関を入って右奥、"
                  "エレベーター横の案内板に従ってお進みください）";
    o.phone = "042-341-1211（代表）";
    return o;
}

// Every run inside the 18 mm body margins (the page number sits in the bottom margin, but
// never closer than 10 mm to the edge).
void expectInsideMargins(const RenderedDocument& doc)
{
    Margins m;
    test::expectInside(doc, 28.3); // 10 mm: what any office printer reaches
    for (const auto& r : doc.runs) {
        EXPECT_GE(r.x, m.left - 0.01) << r.text;
        EXPECT_LE(r.x + r.width, doc.pageSize.width - m.right + 0.01) << r.text;
        EXPECT_LE(r.top(), doc.pageSize.height - m.top + 0.01) << r.text;
    }
}

void expectNoLineStartsWithClosingPunctuation(const RenderedDocument& doc)
{
    for (const auto& r : doc.runs) {
        auto cps = text::decodeUtf8(r.text);
        ASSERT_FALSE(cps.empty());
        if (cps.size() == 1)
            continue; // a bullet (・) drawn on its own, not the start of a wrapped line
        EXPECT_FALSE(text::mayNotStartLine(cps.front())) << r.text;
    }
}

} // namespace

TEST(HandoutLayout, OrdinaryCaseFitsOnePageInsideTheMargins)
{
    for (auto lang : {Language::Ja, Language::En}) {
        auto doc = renderHandout(test::sampleCase(), lang, OfficeInfo{}, handmade(Procedure::Reissue, false), kDay);
        expectInsideMargins(doc);
        expectNoLineStartsWithClosingPunctuation(doc);
        EXPECT_LE(doc.pages, 2);
    }
}

TEST(HandoutLayout, LongTextsRunOntoMorePagesWithHeaderAndPageNumbers)
{
    test::TempDir dir;
    for (auto lang : {Language::Ja, Language::En}) {
        auto doc = renderHandout(longCase(), lang, longOffice(), handmade(Procedure::Reissue, true), kDay);
        expectInsideMargins(doc);
        expectNoLineStartsWithClosingPunctuation(doc);
        ASSERT_GE(doc.pages, 2);
        auto file = dir / (lang == Language::Ja ? "ja.pdf" : "en.pdf");
        files::writeOutputFile(file, doc.pdf, files::Overwrite::No);
        ASSERT_EQ(test::pdfPageCount(file), doc.pages);
        for (int p = 1; p <= doc.pages; ++p) {
            auto text = test::pdfTextCompact(file, p);
            std::string number = lang == Language::Ja ? std::to_string(p) + "/" + std::to_string(doc.pages) + "ページ"
                                                      : "Page" + std::to_string(p) + "of" + std::to_string(doc.pages);
            EXPECT_NE(text.find(number), std::string::npos) << "page " << p << ": " << text;
            if (p > 1) {
                EXPECT_NE(text.find(test::compact(lang == Language::Ja ? "受付番号 A-012" : "Reception no. A-012")),
                          std::string::npos)
                    << "continuation header on page " << p;
            }
        }
        // The long name and address are printed whole (wrapped, not cut).
        auto all = test::pdfTextCompact(file);
        EXPECT_NE(all.find(test::compact(longCase().resident.name)), std::string::npos);
        if (lang == Language::Ja) {
            EXPECT_NE(all.find(test::compact(longOffice().addressJa)), std::string::npos);
        }
    }
}

TEST(HandoutLayout, PopplerFindsEveryWordInsideThePage)
{
    // An independent check of the same thing: poppler's own idea of where each word is.
    test::TempDir dir;
    auto doc = renderHandout(longCase(), Language::Ja, longOffice(), handmade(Procedure::Reissue, true), kDay);
    auto file = dir / "h.pdf";
    files::writeOutputFile(file, doc.pdf, files::Overwrite::No);
    auto words = test::pdfWordBoxes(file);
    ASSERT_GT(words.size(), 50u);
    for (const auto& w : words) {
        EXPECT_GE(w.xMin, 28.3) << w.word;
        EXPECT_LE(w.xMax, w.pageWidth - 28.3) << w.word;
        EXPECT_GE(w.yMin, 28.3) << w.word;
        EXPECT_LE(w.yMax, w.pageHeight - 28.3) << w.word;
    }
}

TEST(HandoutLayout, PrintsTheFactsOfTheCaseAndTheRulesAnswer)
{
    test::TempDir dir;
    auto file = dir / "h.pdf";
    auto rules = handmade(Procedure::Reissue, false);
    writeHandoutPdf(test::sampleCase(), Language::Ja, OfficeInfo{}, rules, kDay, file);
    auto text = test::pdfTextCompact(file);
    for (const char* s : {"A-012", "山田太郎様", "再交付", "2026年11月29日（令和8年11月29日）", "運転免許証",
                          "健康保険の資格確認書", "次のうち2点", "800円", "1,000円", "0120-95-0178",
                          "市民課2番窓口へお越しください。", "警察への遺失届の受理番号を控えてください。",
                          // deadlines from the engine: a card issued today expires on the 10th
                          // birthday after it; the move-in limit is the filing day + 90 days
                          "2036年5月20日（令和18年5月20日）", "2027年1月30日（令和9年1月30日）"})
        EXPECT_NE(text.find(test::compact(s)), std::string::npos) << s << "\n" << text;
}

TEST(HandoutLayout, NeverPrintsAMyNumber)
{
    test::TempDir dir;
    auto file = dir / "h.pdf";
    Case c = test::sampleCase();
    c.notes = "個人番号 1234 5678 9018 確認済み"; // the clerk's notes stay on the counter
    writeHandoutPdf(c, Language::Ja, OfficeInfo{}, handmade(Procedure::Reissue, false), kDay, file);
    auto text = test::pdfTextCompact(file);
    EXPECT_EQ(text.find("123456789018"), std::string::npos);
    EXPECT_FALSE(std::regex_search(text, std::regex("[0-9]{12}"))) << text;
}
