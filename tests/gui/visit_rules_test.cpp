#include "app/gui/presenters/translate.hpp"
#include "app/gui/presenters/visit_rules.hpp"
#include "core/common/data_paths.hpp"

#include <algorithm>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::gui;
using boost::gregorian::date;

namespace {
const rules::RuleBook& book()
{
    static rules::RuleBook b = rules::RuleBook::load(dataDirectory() / "rules");
    return b;
}
const date kToday(2026, 11, 29);
} // namespace

TEST(VisitRules, AReissueListsWhatToBringAndTheFeesInJapanese)
{
    setUiLanguage(UiLanguage::Japanese);
    VisitFacts f;
    f.procedure = Procedure::Reissue;
    f.birth = date(1970, 5, 20);
    auto r = visitRules(book(), f, kToday);
    ASSERT_TRUE(r.problem.empty()) << r.problem;
    ASSERT_FALSE(r.documents.empty());
    for (const auto& d : r.documents) {
        EXPECT_FALSE(d.id.empty());
        EXPECT_FALSE(d.label.empty());
    }
    EXPECT_EQ(r.totalYen, 1000);
    EXPECT_TRUE(std::any_of(r.fees.begin(), r.fees.end(),
                            [](const std::string& s) { return s.rfind("カード再交付手数料 800円", 0) == 0; }));
    EXPECT_TRUE(r.deadlines.empty()); // no card issue day: nothing to compute
}

TEST(VisitRules, AProxyHasMoreToBringThanThePrincipal)
{
    VisitFacts principal, proxy;
    principal.procedure = proxy.procedure = Procedure::CardReceipt;
    principal.birth = proxy.birth = date(1970, 5, 20);
    proxy.applicant = ApplicantType::Proxy;
    EXPECT_GT(visitRules(book(), proxy, kToday).documents.size(),
              visitRules(book(), principal, kToday).documents.size());
}

TEST(VisitRules, WithTheCardsIssueDayTheDeadlinesShowInBothCalendars)
{
    setUiLanguage(UiLanguage::Japanese);
    VisitFacts f;
    f.procedure = Procedure::CardRenewal;
    f.birth = date(1970, 5, 20);
    f.cardIssued = date(2016, 6, 1);
    auto r = visitRules(book(), f, kToday);
    ASSERT_FALSE(r.deadlines.empty());
    // An adult's card: valid to the 10th birthday after the issue day.
    EXPECT_EQ(r.deadlines[0], "Card valid until: 2026-05-20（令和8年5月20日）"); // untranslated label here
    EXPECT_FALSE(r.warnings.empty());                                            // it has expired by 2026-11-29
}

TEST(VisitRules, StoredDocumentsShowTheRuleBooksLabelOrTheirOwnText)
{
    std::vector<ChecklistLine> known{{"principal-id", "本人確認書類", ""}};
    EXPECT_EQ(documentLabel(known, "principal-id"), "本人確認書類");
    EXPECT_EQ(documentLabel(known, "運転免許証"), "運転免許証");
    setUiLanguage(UiLanguage::Japanese);
    EXPECT_EQ(formatYen(1000), "1,000円");
    EXPECT_EQ(formatYen(0), "0円");
}

// A visit of two procedures: one checklist for both, what both need once, every fee once.
TEST(VisitRules, AVisitOfTwoProceduresHasOneChecklistWithEachDocumentOnce)
{
    setUiLanguage(UiLanguage::Japanese);
    VisitFacts pin, cert, both;
    pin.procedure = Procedure::PinReset;
    cert.procedure = Procedure::CertRenewal;
    both.procedures = {Procedure::PinReset, Procedure::CertRenewal};
    pin.birth = cert.birth = both.birth = date(1970, 5, 20);
    auto rp = visitRules(book(), pin, kToday), rc = visitRules(book(), cert, kToday),
         rb = visitRules(book(), both, kToday);
    ASSERT_TRUE(rb.problem.empty()) << rb.problem;
    EXPECT_LT(rb.documents.size(), rp.documents.size() + rc.documents.size());
    for (const auto* alone : {&rp, &rc})
        for (const auto& d : alone->documents)
            EXPECT_TRUE(std::any_of(rb.documents.begin(), rb.documents.end(), [&](const ChecklistLine& l) {
                return l.id == d.id;
            })) << d.id;
    for (std::size_t i = 0; i < rb.documents.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            EXPECT_NE(rb.documents[i].id, rb.documents[j].id);
    EXPECT_EQ(rb.totalYen, rp.totalYen + rc.totalYen); // both free
}

// The window's "source of this line": the rule entry, its file, dates and source of each document.
TEST(VisitRules, EachDocumentLineNamesTheRuleItComesFrom)
{
    setUiLanguage(UiLanguage::Japanese);
    VisitFacts f;
    f.procedure = Procedure::PinReset;
    f.birth = date(1970, 5, 20);
    auto r = visitRules(book(), f, date(2026, 12, 1));
    auto id = std::find_if(r.documents.begin(), r.documents.end(),
                           [](const ChecklistLine& l) { return l.id == "principal-id"; });
    ASSERT_NE(id, r.documents.end());
    // Kunitachi City; Kikuchi City: the card plus one more paper.
    EXPECT_NE(id->source.find("procedures.json · pin-reset-own-id"), std::string::npos) << id->source;
    EXPECT_NE(id->source.find("国立市"), std::string::npos) << id->source;
    for (const auto& d : r.documents)
        EXPECT_FALSE(d.source.empty()) << d.id;
}
