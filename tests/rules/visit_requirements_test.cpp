// One visit, several procedures, one list of what to bring: each document and fee once, the
// stricter of two ways of meeting one requirement standing for both — on made-up answers, where
// each rule of the merge is seen alone, and on every pair of procedures of the shipped rule book.
#include "core/common/data_paths.hpp"
#include "core/rules/rule_book.hpp"
#include "core/rules/visit_requirements.hpp"
#include "tests/support/made_up_rules.hpp"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::rules;
using boost::gregorian::date;
using P = Procedure;

namespace {

const RuleBook& shipped()
{
    static RuleBook book = RuleBook::load(dataDirectory() / "rules");
    return book;
}

DocumentItem item(const std::string& id)
{
    return test::documentItem(id, {id + "（和）", id + " (en)"});
}

DocumentRequirement single(const std::string& id, const std::string& itemId, const std::string& ja)
{
    return test::requirement(id, {ja, ja + " en"}, {{itemId, 1, {"", ""}, {item(itemId)}}});
}

DocumentOption option(const std::string& id, int count, std::vector<std::string> items)
{
    DocumentOption o{id, count, {id, id}, {}};
    for (const auto& i : items)
        o.items.push_back(item(i));
    return o;
}

Requirements answer(P p)
{
    Requirements r;
    r.procedure = p;
    r.whereToGo = {"市民課", "Citizens Division"};
    return r;
}

int countItem(const Requirements& r, const std::string& itemId)
{
    int n = 0;
    for (const auto& d : r.documents)
        for (const auto& o : d.alternatives)
            n += std::any_of(o.items.begin(), o.items.end(), [&](const DocumentItem& i) { return i.id == itemId; });
    return n;
}

} // namespace

TEST(VisitRequirements, APaperBothProceduresNeedIsAskedForOnceUnderItsOwnName)
{
    Requirements pin = answer(P::PinReset), cert = answer(P::CertRenewal);
    pin.documents = {single("card", "my-number-card", "暗証番号を再設定するマイナンバーカード")};
    cert.documents = {single("card", "my-number-card", "マイナンバーカード"),
                      single("expiry-notice", "expiry-notice", "有効期限通知書")};
    auto v = mergeVisitRequirements({pin, cert});
    ASSERT_EQ(v.merged.documents.size(), 2u);
    EXPECT_EQ(v.merged.documents[0].id, "card");
    EXPECT_EQ(v.merged.documents[0].text.ja, "my-number-card（和）"); // the catalogue's name of the paper
    EXPECT_EQ(v.documentFor[0], (std::vector<P>{P::PinReset, P::CertRenewal}));
    EXPECT_EQ(v.documentFor[1], (std::vector<P>{P::CertRenewal}));
    EXPECT_EQ(v.procedures, (std::vector<P>{P::PinReset, P::CertRenewal}));
    EXPECT_EQ(v.merged.procedure, P::PinReset);
}

TEST(VisitRequirements, TheStricterOfTwoIdentityChecksStandsForBoth)
{
    DocumentRequirement loose =
        test::requirement("principal-id", {"本人確認書類", "ID"},
                          {option("A", 1, {"license", "passport"}), option("B", 2, {"insurance", "pension"})});
    DocumentRequirement strict = test::requirement("principal-id", {"顔写真付きの本人確認書類", "Photo ID"},
                                                   {option("A", 1, {"passport", "license"})});
    Requirements a = answer(P::PinReset), b = answer(P::Reissue);
    a.documents = {loose};
    b.documents = {strict};
    for (auto order : {std::vector<Requirements>{a, b}, std::vector<Requirements>{b, a}}) {
        auto v = mergeVisitRequirements(order);
        ASSERT_EQ(v.merged.documents.size(), 1u);
        EXPECT_EQ(v.merged.documents[0].text.ja, "顔写真付きの本人確認書類");
        EXPECT_EQ(v.merged.documents[0].alternatives.size(), 1u);
        EXPECT_EQ(v.documentFor[0].size(), 2u);
    }
    // Neither covers the other (other papers): both stay, each for its procedure.
    DocumentRequirement other =
        test::requirement("principal-id", {"在留カード", "Residence card"}, {option("A", 1, {"residence-card"})});
    b.documents = {other};
    auto v = mergeVisitRequirements({a, b});
    ASSERT_EQ(v.merged.documents.size(), 2u);
    EXPECT_EQ(v.documentFor[0], std::vector<P>{P::PinReset});
    EXPECT_EQ(v.documentFor[1], std::vector<P>{P::Reissue});
}

TEST(VisitRequirements, EachFeeOnceAndNoFeeSaidOnlyWhenThereIsNone)
{
    Requirements reissue = answer(P::Reissue), pin = answer(P::PinReset), cert = answer(P::CertRenewal);
    reissue.fees = {test::fee("card-reissue", 800, {"カード再交付手数料", "Card reissue fee"}),
                    test::fee("cert-reissue", 200, {"電子証明書発行手数料", "Certificate fee"})};
    pin.fees = {test::fee("none", 0, {"手数料はかかりません", "No fee"})};
    cert.fees = {test::fee("cert-renewal", 0, {"電子証明書の更新", "Renewal"}, Text{"期限切れ後も無料", "Also free"})};
    auto withReissue = mergeVisitRequirements({reissue, pin, reissue});
    ASSERT_EQ(withReissue.merged.fees.size(), 2u);
    EXPECT_EQ(withReissue.merged.totalYen(), 1000);
    auto free = mergeVisitRequirements({pin, cert});
    ASSERT_EQ(free.merged.fees.size(), 1u); // the free renewal says what it is; "no fee" would be one line too many
    EXPECT_EQ(free.merged.fees[0].id, "cert-renewal");
    auto none = mergeVisitRequirements({pin, pin});
    ASSERT_EQ(none.merged.fees.size(), 1u);
    EXPECT_EQ(none.merged.fees[0].id, "none");
}

TEST(VisitRequirements, ContactsNotesAndPlacesOnce)
{
    Requirements a = answer(P::PinReset), b = answer(P::CertRenewal);
    Contact hotline{"my-number-hotline", {"総合フリーダイヤル", "Hotline"}, "0120-95-0178", {"24時間", "24 h"}, {}};
    a.contacts = b.contacts = {hotline};
    a.notes = {{"同じ注意", "Same note"}, {"Aだけ", "A only"}};
    b.notes = {{"同じ注意", "Same note"}};
    a.sources = b.sources = {"小平市"};
    auto v = mergeVisitRequirements({a, b});
    EXPECT_EQ(v.merged.contacts.size(), 1u);
    EXPECT_EQ(v.merged.notes.size(), 2u);
    EXPECT_EQ(v.merged.sources.size(), 1u);
    EXPECT_EQ(v.merged.whereToGo.ja, "市民課");
    b.whereToGo = {"2階 5番窓口", "Floor 2, window 5"};
    auto apart = mergeVisitRequirements({a, b});
    EXPECT_NE(apart.merged.whereToGo.ja.find("暗証番号の再設定：市民課"), std::string::npos)
        << apart.merged.whereToGo.ja;
    EXPECT_NE(apart.merged.whereToGo.ja.find("電子証明書の更新・発行：2階 5番窓口"), std::string::npos);
    EXPECT_TRUE(mergeVisitRequirements({}).merged.documents.empty());
}

TEST(VisitRequirements, AVisitOfOneProcedureIsThatProceduresAnswer)
{
    const date day(2026, 11, 29);
    for (const auto& p : allProcedures()) {
        if (p.procedure == P::FaceAuthChange)
            continue; // in force from 2023-12-15 only; asked below for today anyway
        auto alone = shipped().requirementsFor(p.procedure, ApplicantType::Principal, {date(1970, 5, 20), false}, day);
        const P one[] = {p.procedure};
        auto v = visitRequirementsFor(shipped(), one, ApplicantType::Principal, {date(1970, 5, 20), false}, day);
        ASSERT_EQ(v.merged.documents.size(), alone.documents.size()) << p.id;
        for (std::size_t i = 0; i < alone.documents.size(); ++i)
            EXPECT_EQ(v.merged.documents[i].id, alone.documents[i].id) << p.id;
        EXPECT_EQ(v.merged.fees.size(), alone.fees.size()) << p.id;
        EXPECT_EQ(v.merged.totalYen(), alone.totalYen()) << p.id;
        EXPECT_EQ(v.merged.whereToGo.ja, alone.whereToGo.ja) << p.id;
    }
}

// Every pair of procedures and every applicant on the shipped rule book: nothing any procedure
// asks for is lost, nothing is asked for twice, each fee counted once.
TEST(VisitRequirements, EveryPairOfShippedProceduresMergesWithoutLossOrRepetition)
{
    const date day(2026, 11, 29);
    const ResidentAttributes resident{date(1970, 5, 20), false};
    for (ApplicantType applicant : {ApplicantType::Principal, ApplicantType::Proxy, ApplicantType::LegalRepresentative})
        for (const auto& a : allProcedures())
            for (const auto& b : allProcedures()) {
                if (a.procedure == b.procedure)
                    continue;
                auto ra = shipped().requirementsFor(a.procedure, applicant, resident, day);
                auto rb = shipped().requirementsFor(b.procedure, applicant, resident, day);
                auto v = mergeVisitRequirements({ra, rb});
                std::string pair =
                    std::string(a.id) + "+" + std::string(b.id) + "/" + std::string(applicantId(applicant));
                ASSERT_EQ(v.documentFor.size(), v.merged.documents.size()) << pair;
                // Every requirement of either is met by meeting the merged list.
                for (const Requirements* r : {&ra, &rb})
                    for (const auto& d : r->documents) {
                        bool met = false;
                        for (std::size_t i = 0; i < v.merged.documents.size(); ++i)
                            met |= v.merged.documents[i].id == d.id &&
                                   std::find(v.documentFor[i].begin(), v.documentFor[i].end(), r->procedure) !=
                                       v.documentFor[i].end();
                        EXPECT_TRUE(met) << pair << ": " << d.id;
                    }
                // No fee twice, the total the sum of the distinct fees.
                for (std::size_t i = 0; i < v.merged.fees.size(); ++i)
                    for (std::size_t j = 0; j < i; ++j)
                        EXPECT_NE(v.merged.fees[i].id, v.merged.fees[j].id) << pair;
                EXPECT_LE(v.merged.totalYen(), ra.totalYen() + rb.totalYen()) << pair;
                EXPECT_GE(v.merged.totalYen(), std::max(ra.totalYen(), rb.totalYen())) << pair;
            }
}

// The visit the counter sees most in the renewal wave: the card, and the resident's ID, are asked
// for once, though both procedures want them.
TEST(VisitRequirements, PinResetWithCertificateRenewalAsksForTheCardAndTheIdOnce)
{
    const P visit[] = {P::PinReset, P::CertRenewal};
    for (ApplicantType applicant : {ApplicantType::Principal, ApplicantType::Proxy}) {
        const ResidentAttributes resident{date(1970, 5, 20), false};
        const date day(2026, 11, 29);
        auto v = visitRequirementsFor(shipped(), visit, applicant, resident, day);
        auto pin = shipped().requirementsFor(P::PinReset, applicant, resident, day);
        auto cert = shipped().requirementsFor(P::CertRenewal, applicant, resident, day);
        // The card is a paper of its own and one of the photo IDs: as many times as one
        // procedure alone names it, not twice as many.
        EXPECT_EQ(countItem(v.merged, "my-number-card"), countItem(pin, "my-number-card")) << applicantId(applicant);
        EXPECT_LT(countItem(v.merged, "my-number-card"),
                  countItem(pin, "my-number-card") + countItem(cert, "my-number-card"));
        EXPECT_LT(v.merged.documents.size(), pin.documents.size() + cert.documents.size());
        for (std::size_t i = 0; i < v.merged.documents.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                EXPECT_NE(v.merged.documents[i].id, v.merged.documents[j].id) << applicantId(applicant);
    }
}
