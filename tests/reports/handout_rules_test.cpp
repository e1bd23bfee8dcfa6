// Every procedure's handout, in both languages, from the real rule book (data/rules) and the
// deadline engine: printed, read back with pdftotext, and checked against what the rules engine
// answered — documents with their A/B alternatives, fees, where to go, contacts, notes.
#include "core/common/data_paths.hpp"
#include "core/common/errors.hpp"
#include "core/files/output_file.hpp"
#include "core/rules/rule_book.hpp"
#include "pdf_reader.hpp"
#include "report_fixtures.hpp"
#include "reports/date_text.hpp"
#include "reports/handout.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
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
    files::writeOutputFile(file, doc.pdf, files::Overwrite::No);
    auto text = test::pdfTextCompact(file);

    expectPrinted(text, "A-012", context);
    expectPrinted(text, "山田 太郎", context);
    expectPrinted(text, l == Language::Ja ? std::string(info(p).nameJa) : std::string(info(p).nameEn), context);
    expectPrinted(text, "0120-95-0178", context);
    expectPrinted(text, printedDate(kDay, l), context);
    const auto& req = rules.requirements;
    if (req.refusal) {
        // A refusal is printed with its reason, and nothing to bring or pay this way.
        expectPrinted(text, pick(req.refusal->reason, l), context);
        expectPrinted(text, pick(req.whereToGo, l), context);
        return;
    }
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
        if (f.condition)
            expectPrinted(text, pick(*f.condition, l), context);
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
    for (auto applicant : {ApplicantType::Proxy, ApplicantType::LegalRepresentative, ApplicantType::HouseholdMember,
                           ApplicantType::Curator})
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

namespace {

int occurrences(const std::string& text, const std::string& what)
{
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++n;
    return n;
}

Case twoProcedureVisit(ApplicantType applicant)
{
    Case c = test::sampleCase(Procedure::PinReset);
    c.procedures = {{Procedure::PinReset, CaseStatus::InProgress}, {Procedure::CertRenewal, CaseStatus::Received}};
    c.applicant = {applicant, applicant == ApplicantType::Principal ? "" : "山田 花子", "妻"};
    return c;
}

} // namespace

// One visit, two procedures, one handout: both named at the top, every paper either needs listed,
// and what both need (the card, the resident's ID, the proxy's ID and letter) asked for once.
TEST(HandoutRules, AVisitOfTwoProceduresIsOneHandoutWithEachDocumentOnce)
{
    test::TempDir dir;
    for (ApplicantType applicant : {ApplicantType::Principal, ApplicantType::Proxy})
        for (Language l : {Language::Ja, Language::En}) {
            Case c = twoProcedureVisit(applicant);
            auto rules = handoutRulesFor(c, book(), kDay);
            EXPECT_EQ(rules.procedures, (std::vector<Procedure>{Procedure::PinReset, Procedure::CertRenewal}));
            auto doc = renderHandout(c, l, OfficeInfo{}, rules, kDay);
            test::expectInside(doc, 28.3);
            auto file = dir / (std::string(applicantId(applicant)) + (l == Language::Ja ? "-ja.pdf" : "-en.pdf"));
            files::writeOutputFile(file, doc.pdf, files::Overwrite::No);
            auto text = test::pdfTextCompact(file);
            std::string context = std::string(applicantId(applicant)) + (l == Language::Ja ? "/ja" : "/en");
            for (Procedure p : {Procedure::PinReset, Procedure::CertRenewal})
                expectPrinted(text, l == Language::Ja ? std::string(info(p).nameJa) : std::string(info(p).nameEn),
                              context);
            auto pin = book().requirementsFor(Procedure::PinReset, applicant, {c.resident.birth, false}, kDay);
            auto cert = book().requirementsFor(Procedure::CertRenewal, applicant, {c.resident.birth, false}, kDay);
            // Each requirement both procedures name (an identity check, the proxy's letter) once.
            int shared = 0;
            for (const auto& d : pin.documents)
                for (const auto& e : cert.documents)
                    if (d.id == e.id && !d.single() && pick(d.text, l) == pick(e.text, l)) {
                        ++shared;
                        EXPECT_EQ(occurrences(text, test::compact(pick(d.text, l))), 1) << context << ": " << d.id;
                    }
            // The principal's PIN reset wants one more paper than the card, while the renewal's
            // proof of identity is the card itself (spec §9: Kunitachi City; Kikuchi City): they
            // share the card, asked once; a proxy's visit shares the proxy's identity check.
            if (applicant == ApplicantType::Principal)
                EXPECT_EQ(std::count_if(rules.requirements.documents.begin(), rules.requirements.documents.end(),
                                        [](const rules::DocumentRequirement& d) { return d.id == "card"; }),
                          1)
                    << context;
            else
                EXPECT_GE(shared, 1) << context << ": the two procedures share no identity check any more";
            // A paper only the renewal needs is printed, and says what it is for.
            for (const auto& e : cert.documents)
                if (std::none_of(pin.documents.begin(), pin.documents.end(),
                                 [&](const rules::DocumentRequirement& d) { return d.id == e.id; })) {
                    expectPrinted(text, pick(e.alternatives.front().items.front().text, l), context);
                    expectPrinted(text,
                                  l == Language::Ja ? std::string(info(Procedure::CertRenewal).nameJa) + "の手続きに"
                                                    : "for: " + std::string(info(Procedure::CertRenewal).nameEn),
                                  context);
                }
            // The tick boxes: fewer than the two handouts apart would have.
            EXPECT_LT(rules.requirements.documents.size(), pin.documents.size() + cert.documents.size()) << context;
            // Every fee once in the fee table (from its header row to the next heading).
            auto from = text.find(l == Language::Ja ? "内容金額" : "ItemAmount");
            auto to = text.find(l == Language::Ja ? "次に行く窓口" : "Wheretogonext", from);
            ASSERT_NE(from, std::string::npos) << context;
            std::string feeTable = text.substr(from, to - from);
            for (const auto& f : rules.requirements.fees)
                EXPECT_EQ(occurrences(feeTable, test::compact(pick(f.label, l))), 1) << context << ": " << f.id;
            EXPECT_EQ(text.find(l == Language::Ja ? "手数料はかかりません" : "Nofee"), std::string::npos) << context;
        }
}

TEST(HandoutRules, AWithdrawnProcedureIsNotOnTheHandout)
{
    Case c = twoProcedureVisit(ApplicantType::Principal);
    c.procedures[1].status = CaseStatus::Withdrawn;
    auto rules = handoutRulesFor(c, book(), kDay);
    EXPECT_EQ(rules.procedures, std::vector<Procedure>{Procedure::PinReset});
    EXPECT_FALSE(rules.newCerts);
    c.procedures[0].status = CaseStatus::Withdrawn; // all withdrawn: the handout says what the visit was for
    EXPECT_EQ(handoutRulesFor(c, book(), kDay).procedures.size(), 2u);
}
