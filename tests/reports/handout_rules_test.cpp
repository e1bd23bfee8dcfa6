// Every procedure's handout, in both languages, from the real rule book (data/rules) and the
// deadline engine: printed, read back with pdftotext, and checked against what the rules engine
// answered — documents with their A/B alternatives, fees, where to go, contacts, notes.
#include "core/common/data_paths.hpp"
#include "core/common/errors.hpp"
#include "core/rules/rule_book.hpp"
#include "pdf_reader.hpp"
#include "report_fixtures.hpp"
#include "reports/atomic_file.hpp"
#include "reports/date_text.hpp"
#include "reports/handout.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::reports;
using boost::gregorian::date;

namespace {

const date kDay(2026, 11, 29);

const rules::RuleBook& book()
{
    static const auto b = rules::RuleBook::load(dataDirectory() / "rules");
    return b;
}

const std::string& pick(const rules::Text& t, Language l)
{
    return l == Language::Ja ? t.ja : t.en;
}

void expectPrinted(const std::string& text, const std::string& what, const std::string& context)
{
    if (what.empty())
        return;
    EXPECT_NE(text.find(test::compact(what)), std::string::npos) << context << ": \"" << what << "\" missing";
}

void checkHandout(Procedure p, ApplicantType applicant, Language l, test::TempDir& dir)
{
    Case c = test::sampleCase(p);
    c.applicant.type = applicant;
    if (applicant != ApplicantType::Principal) {
        c.applicant.proxyName = "山田 花子";
        c.applicant.proxyRelation = "妻";
    }
    c.resident.movedIn = date(2026, 11, 1);
    auto rules = handoutRulesFor(c, book(), kDay);
    auto doc = renderHandout(c, l, OfficeInfo{}, rules, kDay);
    std::string context =
        std::string(info(p).id) + "/" + std::string(applicantId(applicant)) + (l == Language::Ja ? "/ja" : "/en");
    test::expectInside(doc, 28.3);
    auto file = dir / (context.substr(0, context.find('/')) + std::string(applicantId(applicant)) +
                       (l == Language::Ja ? "-ja.pdf" : "-en.pdf"));
    writeFileAtomically(file, doc.pdf);
    auto text = test::pdfTextCompact(file);

    expectPrinted(text, "A-012", context);
    expectPrinted(text, "山田 太郎", context);
    expectPrinted(text, l == Language::Ja ? std::string(info(p).nameJa) : std::string(info(p).nameEn), context);
    expectPrinted(text, "0120-95-0178", context);
    expectPrinted(text, printedDate(kDay, l), context);
    const auto& req = rules.requirements;
    for (const auto& d : req.documents) {
        if (!d.single())
            expectPrinted(text, pick(d.text, l), context);
        for (const auto& opt : d.alternatives) {
            if (!d.single())
                expectPrinted(text, pick(opt.label, l), context);
            for (const auto& item : opt.items)
                expectPrinted(text, pick(item.text, l), context);
        }
        if (d.note)
            expectPrinted(text, pick(*d.note, l), context);
    }
    for (const auto& f : req.fees) {
        expectPrinted(text, pick(f.label, l), context);
        expectPrinted(text, printedYen(f.yen, l), context);
    }
    expectPrinted(text, printedYen(req.totalYen(), l), context);
    expectPrinted(text, pick(req.whereToGo, l), context);
    for (const auto& ct : req.contacts)
        expectPrinted(text, ct.phone, context);
    for (const auto& n : req.notes)
        expectPrinted(text, pick(n, l), context);
    // The move-in limit from the deadline engine: filed 2026-11-01 → 2027-01-30.
    ASSERT_TRUE(rules.deadlines) << context;
    expectPrinted(text, printedDate(*rules.deadlines->moveInDeadline, l), context);
    if (rules.newCard)
        expectPrinted(text, printedDate(rules.deadlines->cardExpiry, l), context);
}

} // namespace

TEST(HandoutRules, EveryProcedurePrintsWhatTheRuleBookSaysInJapanese)
{
    test::TempDir dir;
    for (const auto& p : allProcedures())
        checkHandout(p.procedure, ApplicantType::Principal, Language::Ja, dir);
}

TEST(HandoutRules, EveryProcedurePrintsWhatTheRuleBookSaysInEnglish)
{
    test::TempDir dir;
    for (const auto& p : allProcedures())
        checkHandout(p.procedure, ApplicantType::Principal, Language::En, dir);
}

TEST(HandoutRules, ProxiesAndLegalRepresentativesGetTheirOwnDocuments)
{
    test::TempDir dir;
    for (auto applicant : {ApplicantType::Proxy, ApplicantType::LegalRepresentative})
        for (const auto& p : allProcedures()) {
            Case c = test::sampleCase(p.procedure);
            c.applicant.type = applicant;
            try {
                (void)book().requirementsFor(p.procedure, applicant, {c.resident.birth, false}, kDay);
            } catch (const NotFound&) {
                continue; // the rule book says this procedure cannot be done by them
            }
            for (auto l : {Language::Ja, Language::En})
                checkHandout(p.procedure, applicant, l, dir);
        }
}

TEST(HandoutRules, ANewCardsExpiryComesFromTheDeadlineEngine)
{
    Case c = test::sampleCase(Procedure::CardRenewal);
    auto r = handoutRulesFor(c, book(), kDay);
    ASSERT_TRUE(r.deadlines);
    EXPECT_TRUE(r.newCard);
    // Born 1970-05-20, issued 2026-11-29: the 10th birthday after the issue day.
    EXPECT_EQ(r.deadlines->cardExpiry, date(2036, 5, 20));
    EXPECT_EQ(r.deadlines->authCertExpiry, date(2031, 5, 20));
}

// Spec §9: the expiry counts from the card's 発行日 (the date printed on it), which both handouts
// say; a card handed over today was issued before, so its expiry is not computed from today.
TEST(HandoutRules, ExpiryIsCountedFromTheIssueDatePrintedOnTheCard)
{
    test::TempDir dir;
    auto printed = [&](Procedure p, Language l) {
        Case c = test::sampleCase(p);
        auto file = dir / (std::string(info(p).id) + (l == Language::Ja ? "-ja.pdf" : "-en.pdf"));
        writeHandoutPdf(c, l, OfficeInfo{}, handoutRulesFor(c, book(), kDay), kDay, file);
        return test::pdfTextCompact(file);
    };
    auto renewalJa = printed(Procedure::CardRenewal, Language::Ja);
    EXPECT_NE(renewalJa.find(test::compact("新しいカードの有効期限（発行日が本日の場合）")), std::string::npos);
    EXPECT_NE(renewalJa.find(test::compact("券面に印字された発行日から数えます")), std::string::npos);
    EXPECT_EQ(renewalJa.find("交付の場合"), std::string::npos);
    auto renewalEn = printed(Procedure::CardRenewal, Language::En);
    EXPECT_NE(renewalEn.find(test::compact("if its issue date is today")), std::string::npos);
    EXPECT_NE(renewalEn.find(test::compact("issue date printed on the card (発行日)")), std::string::npos);
    auto receipt = printed(Procedure::CardReceipt, Language::Ja);
    EXPECT_EQ(receipt.find(test::compact("新しいカードの有効期限")), std::string::npos);
    EXPECT_NE(receipt.find(test::compact("カードの有効期限は券面に印字されています")), std::string::npos);
}
