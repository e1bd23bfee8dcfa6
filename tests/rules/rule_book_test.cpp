// The rule book: the shipped data answers every procedure and applicant, dated entries change
// the answer on their day, and a broken file is refused naming the file, the entry and the fault.
#include "core/common/data_paths.hpp"
#include "core/common/errors.hpp"
#include "core/rules/rule_book.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <fstream>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::rules;
using boost::gregorian::date;

namespace {

const RuleBook& shipped()
{
    static RuleBook book = RuleBook::load(dataDirectory() / "rules");
    return book;
}

bool hasDocument(const Requirements& r, const std::string& itemId)
{
    for (const auto& d : r.documents)
        for (const auto& o : d.alternatives)
            for (const auto& i : o.items)
                if (i.id == itemId)
                    return true;
    return false;
}

bool hasNote(const Requirements& r, const std::string& words)
{
    return std::any_of(r.notes.begin(), r.notes.end(),
                       [&](const Text& t) { return t.ja.find(words) != std::string::npos; });
}

void expectText(const Text& t, const std::string& where)
{
    EXPECT_FALSE(t.ja.empty()) << where;
    EXPECT_FALSE(t.en.empty()) << where;
}

} // namespace

TEST(RuleBook, EveryProcedureAndApplicantIsAnsweredInBothLanguages)
{
    const date days[] = {date(2024, 6, 1), date(2026, 11, 29)};
    const std::optional<date> births[] = {std::nullopt, date(2015, 4, 1), date(2008, 4, 1), date(1960, 4, 1)};
    for (const auto& p : allProcedures())
        for (ApplicantType a : allApplicantTypes())
            for (const date& day : days)
                for (const auto& birth : births)
                    for (bool foreign : {false, true}) {
                        if ((p.procedure == Procedure::FaceAuthChange && day < date(2023, 12, 15)) ||
                            (p.procedure == Procedure::ExpressReissue && day < date(2024, 12, 2)))
                            continue;
                        std::string where = std::string(p.id) + "/" + std::string(applicantId(a));
                        auto r = shipped().requirementsFor(p.procedure, a, {birth, foreign}, day);
                        expectText(r.whereToGo, where);
                        EXPECT_FALSE(r.sources.empty()) << where;
                        if (r.refusal) {
                            // A refusal is an answer with its reason, never an empty list alone.
                            expectText(r.refusal->reason, where);
                            EXPECT_FALSE(r.refusal->from.source.empty()) << where;
                            EXPECT_TRUE(r.documents.empty()) << where;
                            continue;
                        }
                        EXPECT_FALSE(r.documents.empty()) << where;
                        expectText(r.whereToGo, where);
                        EXPECT_FALSE(r.sources.empty()) << where;
                        for (const auto& d : r.documents) {
                            expectText(d.text, where + " " + d.id);
                            ASSERT_FALSE(d.alternatives.empty()) << where;
                            for (const auto& o : d.alternatives) {
                                expectText(o.label, where + " " + d.id);
                                EXPECT_LE(static_cast<std::size_t>(o.count), o.items.size());
                                for (const auto& i : o.items)
                                    expectText(i.text, where + " " + i.id);
                            }
                        }
                        for (const auto& f : r.fees)
                            expectText(f.label, where + " " + f.id);
                        for (const auto& n : r.notes)
                            expectText(n, where);
                        // Every line names the entry that produced it and its source.
                        for (const auto& d : r.documents) {
                            EXPECT_FALSE(d.from.entry.empty()) << where << " " << d.id;
                            EXPECT_FALSE(d.from.source.empty()) << where << " " << d.id;
                        }
                        for (const auto& f : r.fees)
                            EXPECT_FALSE(f.from.entry.empty()) << where << " " << f.id;
                        for (const auto& n : r.notes)
                            EXPECT_FALSE(n.from.entry.empty()) << where;
                        // Whoever stands for the resident always shows their own identity too.
                        if (a != ApplicantType::Principal) {
                            EXPECT_TRUE(std::any_of(r.documents.begin(), r.documents.end(), [](const auto& d) {
                                return d.id == "representative-id";
                            })) << where;
                        }
                    }
}

TEST(RuleBook, ReissueCostsEightHundredPlusTwoHundredYen)
{
    auto r = shipped().requirementsFor(Procedure::Reissue, ApplicantType::Principal, {}, date(2026, 11, 29));
    ASSERT_EQ(r.fees.size(), 2u);
    EXPECT_EQ(r.fees[0].yen, 800);
    EXPECT_EQ(r.fees[1].yen, 200);
    EXPECT_EQ(r.totalYen(), 1000);
    EXPECT_TRUE(hasDocument(r, "police-report-number"));
    // The reason is one of four alternatives (loss, theft — §9, free with the police number —,
    // disaster, damage), not four things to bring.
    auto reason = std::find_if(r.documents.begin(), r.documents.end(), [](const auto& d) { return d.id == "reason"; });
    ASSERT_NE(reason, r.documents.end());
    EXPECT_EQ(reason->alternatives.size(), 4u);
}

TEST(RuleBook, RenewalsAreFree)
{
    for (Procedure p : {Procedure::CardRenewal, Procedure::CertRenewal, Procedure::PinReset})
        EXPECT_EQ(shipped().requirementsFor(p, ApplicantType::Principal, {}, date(2026, 11, 29)).totalYen(), 0);
}

TEST(RuleBook, LossAndSuspensionGiveTheHotline)
{
    for (Procedure p : {Procedure::Suspension, Procedure::Reissue}) {
        auto r = shipped().requirementsFor(p, ApplicantType::Principal, {}, date(2026, 11, 29));
        ASSERT_FALSE(r.contacts.empty());
        EXPECT_EQ(r.contacts[0].phone, "0120-95-0178");
        expectText(r.contacts[0].hours, "hotline hours");
    }
}

TEST(RuleBook, IdentityIsListAOneOrListBTwo)
{
    auto r = shipped().requirementsFor(Procedure::CardInfoChange, ApplicantType::Principal, {}, date(2026, 11, 29));
    auto id =
        std::find_if(r.documents.begin(), r.documents.end(), [](const auto& d) { return d.id == "principal-id"; });
    ASSERT_NE(id, r.documents.end());
    ASSERT_EQ(id->alternatives.size(), 2u);
    EXPECT_EQ(id->alternatives[0].id, "A");
    EXPECT_EQ(id->alternatives[0].count, 1);
    EXPECT_EQ(id->alternatives[1].id, "B");
    EXPECT_EQ(id->alternatives[1].count, 2);
    // Collecting or replacing a card: the card itself cannot be the ID.
    auto receipt = shipped().requirementsFor(Procedure::CardReceipt, ApplicantType::Principal, {}, date(2026, 11, 29));
    auto rid = std::find_if(receipt.documents.begin(), receipt.documents.end(),
                            [](const auto& d) { return d.id == "principal-id"; });
    ASSERT_NE(rid, receipt.documents.end());
    for (const auto& i : rid->alternatives[0].items)
        EXPECT_NE(i.id, "my-number-card");
}

TEST(RuleBook, ProxiesBringTheInquiryLetterForPinsAndCertificatesElseALetterOfAttorney)
{
    auto pin = shipped().requirementsFor(Procedure::PinReset, ApplicantType::Proxy, {}, date(2026, 11, 29));
    EXPECT_TRUE(hasDocument(pin, "inquiry-letter"));
    EXPECT_FALSE(hasDocument(pin, "letter-of-attorney"));
    EXPECT_TRUE(pin.route.inquiry);
    auto reissue = shipped().requirementsFor(Procedure::Reissue, ApplicantType::Proxy, {}, date(2026, 11, 29));
    EXPECT_TRUE(hasDocument(reissue, "letter-of-attorney"));
    EXPECT_FALSE(hasDocument(reissue, "inquiry-letter"));
    auto principal = shipped().requirementsFor(Procedure::PinReset, ApplicantType::Principal, {}, date(2026, 11, 29));
    EXPECT_FALSE(hasDocument(principal, "inquiry-letter"));
}

TEST(RuleBook, LegalRepresentativeProofFollowsTheAgeOfMajorityOfTheDay)
{
    auto ask = [](date birth, date day) {
        return shipped().requirementsFor(Procedure::CardInfoChange, ApplicantType::LegalRepresentative, {birth, false},
                                         day);
    };
    auto child = ask(date(2016, 1, 1), date(2026, 11, 29));
    EXPECT_TRUE(hasDocument(child, "family-register"));
    EXPECT_FALSE(hasDocument(child, "guardianship-certificate"));
    EXPECT_TRUE(hasNote(child, "15歳未満"));
    auto adult = ask(date(1960, 1, 1), date(2026, 11, 29));
    EXPECT_TRUE(hasDocument(adult, "guardianship-certificate"));
    EXPECT_FALSE(hasDocument(adult, "family-register"));
    // 19 years old: a minor before 2022-04-01, an adult from then on.
    EXPECT_TRUE(hasDocument(ask(date(2002, 1, 1), date(2021, 6, 1)), "family-register"));
    EXPECT_TRUE(hasDocument(ask(date(2003, 1, 1), date(2022, 6, 1)), "guardianship-certificate"));
    // No birth given: both ways are shown.
    auto unknown = shipped().requirementsFor(Procedure::CardInfoChange, ApplicantType::LegalRepresentative, {},
                                             date(2026, 11, 29));
    EXPECT_TRUE(hasDocument(unknown, "family-register"));
    EXPECT_TRUE(hasDocument(unknown, "guardianship-certificate"));
}

TEST(RuleBook, ForeignResidentsShowTheirResidenceCard)
{
    auto f = shipped().requirementsFor(Procedure::CardRenewal, ApplicantType::Principal, {std::nullopt, true},
                                       date(2026, 11, 29));
    auto j = shipped().requirementsFor(Procedure::CardRenewal, ApplicantType::Principal, {std::nullopt, false},
                                       date(2026, 11, 29));
    EXPECT_TRUE(
        std::any_of(f.documents.begin(), f.documents.end(), [](const auto& d) { return d.id == "foreign-status"; }));
    EXPECT_FALSE(
        std::any_of(j.documents.begin(), j.documents.end(), [](const auto& d) { return d.id == "foreign-status"; }));
    EXPECT_TRUE(hasNote(f, "在留期間満了日"));
}

TEST(RuleBook, DatedEntriesChangeTheAnswerOnTheirDay)
{
    auto letter = [](date day) {
        return shipped().requirementsFor(Procedure::NoticePickup, ApplicantType::Principal, {}, day);
    };
    EXPECT_TRUE(hasNote(letter(date(2020, 5, 24)), "通知カード"));
    EXPECT_TRUE(hasNote(letter(date(2020, 5, 25)), "個人番号通知書"));
    auto abroad = [](date day) {
        return shipped().requirementsFor(Procedure::OverseasContinuation, ApplicantType::Principal, {}, day);
    };
    EXPECT_TRUE(hasNote(abroad(date(2024, 5, 26)), "失効"));
    EXPECT_TRUE(hasNote(abroad(date(2024, 5, 27)), "出国の前日"));
    EXPECT_THROW(shipped().requirementsFor(Procedure::FaceAuthChange, ApplicantType::Principal, {}, date(2023, 12, 14)),
                 NotFound);
    EXPECT_NO_THROW(
        shipped().requirementsFor(Procedure::FaceAuthChange, ApplicantType::Principal, {}, date(2023, 12, 15)));
}

// ---- spec §9: procedures, fees, documents (each test names its sources) ----

namespace {
const date kToday(2026, 12, 1);
Requirements ask(Procedure p, ApplicantType a, ResidentAttributes r = {}, date day = kToday)
{
    return shipped().requirementsFor(p, a, r, day);
}
const Fee* feeOf(const Requirements& r, const std::string& id)
{
    for (const auto& f : r.fees)
        if (f.id == id)
            return &f;
    return nullptr;
}
const DocumentRequirement* documentOf(const Requirements& r, const std::string& id)
{
    for (const auto& d : r.documents)
        if (d.id == id)
            return &d;
    return nullptr;
}
} // namespace

TEST(RuleBookSection9, ExpressIssuanceIsForThePrincipalInPerson)
{
    // Kumagaya City; Kokubunji City: no voluntary proxy; a legal representative accompanies.
    for (ApplicantType a : {ApplicantType::Proxy, ApplicantType::HouseholdMember, ApplicantType::Curator}) {
        auto r = ask(Procedure::ExpressReissue, a);
        ASSERT_TRUE(r.refusal) << applicantId(a);
        EXPECT_NE(r.refusal->reason.ja.find("本人の来庁"), std::string::npos);
        EXPECT_EQ(r.refusal->instead, Procedure::Reissue);
        EXPECT_TRUE(r.documents.empty());
        EXPECT_FALSE(r.whereToGo.ja.empty());
    }
    auto principal = ask(Procedure::ExpressReissue, ApplicantType::Principal);
    EXPECT_FALSE(principal.refusal);
    EXPECT_TRUE(hasDocument(principal, "photo"));
    auto parent = ask(Procedure::ExpressReissue, ApplicantType::LegalRepresentative, {date(2015, 1, 1)});
    EXPECT_FALSE(parent.refusal);
    EXPECT_TRUE(hasNote(parent, "一緒に来庁"));
    // Before 2024-12-02 there was no express issuance.
    EXPECT_THROW(ask(Procedure::ExpressReissue, ApplicantType::Principal, {}, date(2024, 12, 1)), NotFound);
}

TEST(RuleBookSection9, ExpressIssuanceFeesAndFreeCases)
{
    // Kokubunji City; Ashiya City: 2,000 yen (1,800 card + 200 certificates), 1,800 without certificates.
    EXPECT_EQ(ask(Procedure::ExpressReissue, ApplicantType::Principal).totalYen(), 2000);
    EXPECT_EQ(
        ask(Procedure::ExpressReissue, ApplicantType::Principal, {std::nullopt, false, {"no-certificates"}}).totalYen(),
        1800);
    // Kishiwada City; Kumagaya City: free for a move-in from abroad, a new mid- to long-term
    // resident, a number change, a full remarks field; Fussa City: a theft with the police number.
    for (const char* free :
         {"return-from-abroad", "new-foreign-resident", "number-change", "full-remarks", "theft-reported"}) {
        auto r = ask(Procedure::ExpressReissue, ApplicantType::Principal, {std::nullopt, false, {free}});
        EXPECT_EQ(r.totalYen(), 0) << free;
        ASSERT_TRUE(feeOf(r, "card-express") && feeOf(r, "card-express")->waivedBy) << free;
        EXPECT_EQ(feeOf(r, "card-express")->waivedBy->id, free);
        EXPECT_EQ(feeOf(r, "card-express")->fullYen, 1800);
    }
    // Kokubunji City: infants under 1 are free, need no photo, and apply until the day before the 1st birthday.
    auto infant = ask(Procedure::ExpressReissue, ApplicantType::LegalRepresentative, {date(2026, 3, 10)});
    EXPECT_EQ(infant.totalYen(), 0);
    EXPECT_FALSE(hasDocument(infant, "photo"));
    ASSERT_TRUE(infant.window && infant.window->lastDay);
    EXPECT_EQ(*infant.window->lastDay, date(2027, 3, 9));
}

TEST(RuleBookSection9, ExpressIssuanceWithinThirtyDays)
{
    // Kokubunji City: within 30 days of the loss notification; past it, a refusal offering the ordinary reissue.
    ResidentAttributes r{std::nullopt, false, {}, date(2026, 11, 1)};
    auto inTime = ask(Procedure::ExpressReissue, ApplicantType::Principal, r, date(2026, 12, 1));
    ASSERT_TRUE(inTime.window && inTime.window->lastDay);
    EXPECT_EQ(*inTime.window->lastDay, date(2026, 12, 1));
    EXPECT_FALSE(inTime.refusal);
    auto late = ask(Procedure::ExpressReissue, ApplicantType::Principal, r, date(2026, 12, 2));
    ASSERT_TRUE(late.refusal);
    EXPECT_EQ(late.refusal->instead, Procedure::Reissue);
    EXPECT_NE(late.refusal->reason.ja.find("2026-12-01"), std::string::npos);
}

TEST(RuleBookSection9, ReissueIsFreeForTheftWithThePoliceNumber)
{
    // Matsuyama City; Kakogawa City: free with a theft-report number, a full remarks field, a
    // number change, a return from abroad; Nankoku City: 800 + 200 otherwise.
    EXPECT_EQ(ask(Procedure::Reissue, ApplicantType::Principal).totalYen(), 1000);
    for (const char* free :
         {"theft-reported", "full-remarks", "number-change", "return-from-abroad", "not-holders-fault"})
        EXPECT_EQ(ask(Procedure::Reissue, ApplicantType::Principal, {std::nullopt, false, {free}}).totalYen(), 0)
            << free;
    EXPECT_TRUE(hasDocument(ask(Procedure::Reissue, ApplicantType::Principal), "police-theft-report-number"));
    EXPECT_THROW(ask(Procedure::Reissue, ApplicantType::Principal, {std::nullopt, false, {"stolen"}}), ValidationError);
}

TEST(RuleBookSection9, RenewalIsChargedWithoutTheOldCard)
{
    // Komoro City; Mitake Town: free when the old card is handed back; otherwise, and for a
    // stay-bound card that lapsed, charged like a reissue.
    auto handedBack = ask(Procedure::CardRenewal, ApplicantType::Principal);
    EXPECT_EQ(handedBack.totalYen(), 0);
    ASSERT_TRUE(feeOf(handedBack, "card-renewal-charged"));
    EXPECT_FALSE(feeOf(handedBack, "card-renewal-charged")->applies); // listed, not counted
    for (const char* c : {"card-not-returned", "stay-card-lapsed"}) {
        auto r = ask(Procedure::CardRenewal, ApplicantType::Principal, {std::nullopt, false, {c}});
        EXPECT_EQ(r.totalYen(), 1000) << c;
        EXPECT_FALSE(feeOf(r, "card-renewal")) << c; // the "free when handed back" line goes
    }
}

TEST(RuleBookSection9, PaperHealthInsuranceCardsCountUntilTwentyTwentyFiveDecemberFirst)
{
    // Myna FAQ 3505: every 被保険者証 expired by 2025-12-01; 資格確認書 stays an identity paper.
    auto before = ask(Procedure::CardInfoChange, ApplicantType::Principal, {}, date(2025, 12, 1));
    auto after = ask(Procedure::CardInfoChange, ApplicantType::Principal, {}, date(2025, 12, 2));
    EXPECT_TRUE(hasDocument(before, "health-insurance-card"));
    EXPECT_FALSE(hasDocument(after, "health-insurance-card"));
    EXPECT_TRUE(hasDocument(after, "eligibility-certificate"));
    // 番号法施行規則1条: a certificate of driving history counts only if issued from 2012-04-01.
    auto id = documentOf(after, "principal-id");
    ASSERT_TRUE(id);
    bool said = false;
    for (const auto& i : id->alternatives[0].items)
        said |= i.id == "driving-history-certificate" && i.text.ja.find("平成24年4月1日以降") != std::string::npos;
    EXPECT_TRUE(said);
}

TEST(RuleBookSection9, ProxyReceiptEligibilityWidenedInTwentyTwentyThree)
{
    // Setagaya City; Kōka City; Meguro City: from 2023-04-01 also 75+, pupils, pregnancy, study
    // abroad, long trips, curatorship; the principal's papers include a photo ID (Adachi City).
    auto reasons = [](date day) {
        auto r = ask(Procedure::CardReceipt, ApplicantType::Proxy, {}, day);
        auto d = documentOf(r, "reason");
        std::vector<std::string> ids;
        for (const auto& o : d->alternatives)
            ids.push_back(o.id);
        return ids;
    };
    EXPECT_EQ(reasons(date(2023, 3, 31)).size(), 2u);
    auto widened = reasons(date(2023, 4, 1));
    for (const char* id : {"aged-75", "student", "pregnant", "study-abroad", "business-trip", "curatorship"})
        EXPECT_NE(std::find(widened.begin(), widened.end(), id), widened.end()) << id;
    auto r = ask(Procedure::CardReceipt, ApplicantType::Proxy);
    auto photo = documentOf(r, "principal-id");
    ASSERT_TRUE(photo);
    ASSERT_EQ(photo->alternatives.size(), 1u); // list A only: two papers without a photo are not enough
    EXPECT_EQ(photo->alternatives[0].id, "A");
    EXPECT_TRUE(documentOf(r, "principal-second-id"));
}

TEST(RuleBookSection9, PinResetWantsOneMoreIdThanTheCard)
{
    // Kunitachi City; Kikuchi City: the card plus one more paper; the card is not its own second ID.
    auto r = ask(Procedure::PinReset, ApplicantType::Principal);
    auto id = documentOf(r, "principal-id");
    ASSERT_TRUE(id);
    for (const auto& o : id->alternatives)
        for (const auto& i : o.items)
            EXPECT_NE(i.id, "my-number-card");
    EXPECT_TRUE(hasDocument(r, "my-number-card")); // the card itself, as the thing worked on
}

TEST(RuleBookSection9, SuspensionLiftWantsASecondIdAndRenewsTheSignatureCertificate)
{
    // Takatsuki City FAQ; Yatsushiro City.
    auto r = ask(Procedure::SuspensionLift, ApplicantType::Principal);
    auto id = documentOf(r, "principal-id");
    ASSERT_TRUE(id);
    EXPECT_TRUE(hasNote(r, "署名用電子証明書は失効"));
    for (Procedure p : {Procedure::Suspension, Procedure::Reissue})
        EXPECT_TRUE(hasNote(ask(p, ApplicantType::Principal), "スマートフォン用電子証明書")) << info(p).id;
}

TEST(RuleBookSection9, LegalRepresentativesProveTheirAuthority)
{
    // Sōma City; Fujinomiya City; Higashimatsuyama City: 戸籍謄本 within 3 months, not needed in one household.
    auto r = ask(Procedure::CardInfoChange, ApplicantType::LegalRepresentative, {date(2016, 1, 1)});
    auto rel = documentOf(r, "relationship");
    ASSERT_TRUE(rel);
    EXPECT_NE(rel->alternatives[0].items[0].text.ja.find("3か月以内"), std::string::npos);
    EXPECT_TRUE(hasNote(r, "同一世帯の親子"));
    // Higashimatsuyama City: a curator shows the registry certificate with the list of powers.
    auto curator = ask(Procedure::CardInfoChange, ApplicantType::Curator);
    EXPECT_TRUE(hasDocument(curator, "curatorship-certificate"));
    EXPECT_TRUE(hasNote(curator, "代理行為目録"));
}

TEST(RuleBookSection9, HouseholdMembersFileTheMoveAndTheStaySameDay)
{
    // Nishi-Tokyo City; Tomakomai City: own ID and the card's 4-digit PIN, no letter, no inquiry.
    for (Procedure p : {Procedure::CardInfoChange, Procedure::StayExtension}) {
        auto r = ask(p, ApplicantType::HouseholdMember, {std::nullopt, true});
        EXPECT_FALSE(r.refusal) << info(p).id;
        EXPECT_FALSE(r.route.inquiry) << info(p).id;
        EXPECT_FALSE(hasDocument(r, "letter-of-attorney")) << info(p).id;
        EXPECT_TRUE(hasDocument(r, "pin-of-the-card")) << info(p).id;
        EXPECT_TRUE(documentOf(r, "representative-id")) << info(p).id;
    }
    // For anything else a household member is a proxy with a letter of attorney.
    EXPECT_TRUE(hasDocument(ask(Procedure::Reissue, ApplicantType::HouseholdMember), "letter-of-attorney"));
}

TEST(RuleBookSection9, TheInquiryRouteIsInTheRuleBook)
{
    // Kunitachi City; Koshigaya City; Takashima City: a voluntary proxy for a PIN reset, a
    // card-info change or a stay extension goes the two-visit route.
    for (Procedure p : {Procedure::PinReset, Procedure::CardInfoChange, Procedure::StayExtension}) {
        auto r = ask(p, ApplicantType::Proxy, {std::nullopt, true});
        EXPECT_TRUE(r.route.inquiry) << info(p).id;
        EXPECT_FALSE(r.route.sameDayException) << info(p).id;
        EXPECT_FALSE(r.route.from.entry.empty());
        EXPECT_TRUE(hasDocument(r, "inquiry-letter")) << info(p).id;
    }
    // Kōtō City; Sakuragawa City; Mihara City: the certificate renewal has the J-LIS letter exception.
    auto cert = ask(Procedure::CertRenewal, ApplicantType::Proxy);
    EXPECT_TRUE(cert.route.inquiry);
    ASSERT_TRUE(cert.route.sameDayException);
    EXPECT_NE(cert.route.sameDayException->ja.find("有効期限通知書"), std::string::npos);
    EXPECT_TRUE(hasDocument(cert, "expiry-notice-inquiry-letter"));
    for (ApplicantType a : {ApplicantType::Principal, ApplicantType::LegalRepresentative, ApplicantType::Curator})
        EXPECT_FALSE(ask(Procedure::PinReset, a).route.inquiry) << applicantId(a);
}

TEST(RuleBookSection9, NoticesLicencesAndTheStayExtension)
{
    // Musashimurayama City: returned notification letters are kept 3 months, not reissued.
    EXPECT_TRUE(hasNote(ask(Procedure::NoticePickup, ApplicantType::Principal), "3か月"));
    // Keishichō; Chiba Prefectural Police: from 2025-09-01 the licence data does not move on a
    // counter or express application.
    for (Procedure p : {Procedure::CardRenewal, Procedure::Reissue, Procedure::ExpressReissue}) {
        EXPECT_TRUE(hasNote(ask(p, ApplicantType::Principal), "マイナ免許証")) << info(p).id;
        EXPECT_FALSE(hasNote(ask(p, ApplicantType::Principal, {}, date(2025, 8, 31)), "マイナ免許証")) << info(p).id;
    }
    // The stay extension is for foreign residents: a Japanese national gets a refusal.
    EXPECT_TRUE(ask(Procedure::StayExtension, ApplicantType::Principal, {std::nullopt, false}).refusal);
    EXPECT_FALSE(ask(Procedure::StayExtension, ApplicantType::Principal, {std::nullopt, true}).refusal);
}

// ---- broken files ----

class RuleFiles : public ::testing::Test {
protected:
    test::TempDir dir;
    void write(const std::string& name, const std::string& text) { std::ofstream(dir / name) << text; }
    std::string base = R"({"format": 1, "documents": {"card": {"ja": "カード", "en": "Card"}}})";
    std::string entry(const std::string& fields)
    {
        return R"({"format": 1, "entries": [{"id": "good", "effective_from": "2016-01-01", "source": "s",
                   "where": {"ja": "窓口", "en": "Counter"}},
                  {"id": "bad-one", )" +
               fields + "}]}";
    }
    // Loads, expects a refusal, and checks that the message names the file, entry and fault.
    void refused(const std::string& file, const std::string& entry, const std::string& fault)
    {
        try {
            RuleBook::load(dir.path());
            ADD_FAILURE() << "loaded";
        } catch (const RuleFileError& e) {
            std::string m = e.what();
            EXPECT_EQ(e.file(), file) << m;
            EXPECT_EQ(e.entry(), entry) << m;
            EXPECT_NE(m.find(file), std::string::npos) << m;
            EXPECT_NE(m.find(fault), std::string::npos) << m;
            if (!entry.empty()) {
                EXPECT_NE(m.find("\"" + entry + "\""), std::string::npos) << m;
            }
        }
    }
};

TEST_F(RuleFiles, BrokenJsonNamesTheLine)
{
    write("a.json", base);
    write("b.json", "{\"format\": 1,\n \"entries\": [\n  {\"id\": \"x\",,}\n]}");
    refused("b.json", "", "line 3");
}

TEST_F(RuleFiles, MissingFieldIsNamed)
{
    write("a.json", base);
    write("b.json", entry(R"("source": "s", "where": {"ja": "x", "en": "y"})"));
    refused("b.json", "bad-one", "missing field \"effective_from\"");
}

TEST_F(RuleFiles, ImpossibleDateIsNamed)
{
    write("a.json", base);
    write("b.json", entry(R"("effective_from": "2024-02-30", "source": "s", "where": {"ja": "x", "en": "y"})"));
    refused("b.json", "bad-one", "effective_from \"2024-02-30\" is not a date");
}

TEST_F(RuleFiles, EndBeforeStartIsRefused)
{
    write("a.json", base);
    write(
        "b.json",
        entry(
            R"("effective_from": "2024-02-01", "effective_until": "2023-01-01", "source": "s", "where": {"ja": "x", "en": "y"})"));
    refused("b.json", "bad-one", "is before effective_from");
}

TEST_F(RuleFiles, MissingEnglishTextIsRefused)
{
    write("a.json", base);
    write("b.json", entry(R"("effective_from": "2024-02-01", "source": "s", "where": {"ja": "x"})"));
    refused("b.json", "bad-one", "missing field \"en\"");
}

TEST_F(RuleFiles, UnknownProcedureDocumentAndFieldAreRefused)
{
    write("a.json", base);
    write(
        "b.json",
        entry(
            R"("procedures": ["re-issue"], "effective_from": "2024-02-01", "source": "s", "where": {"ja": "x", "en": "y"})"));
    refused("b.json", "bad-one", "unknown procedure \"re-issue\"");
    write("b.json",
          entry(R"("effective_from": "2024-02-01", "source": "s", "documents": [{"id": "c", "item": "kard"}])"));
    refused("b.json", "bad-one", "unknown document \"kard\"");
    write("b.json", entry(R"("efective_from": "2024-02-01", "source": "s", "where": {"ja": "x", "en": "y"})"));
    refused("b.json", "bad-one", "unknown field \"efective_from\"");
}

TEST_F(RuleFiles, CountAboveTheListIsRefused)
{
    write("a.json", base);
    write("b.json",
          entry(R"("effective_from": "2024-02-01", "source": "s", "documents": [{"id": "c", "ja": "x", "en": "y",
        "options": [{"id": "B", "count": 2, "ja": "2点", "en": "two", "items": ["card"]}]}])"));
    refused("b.json", "bad-one", "\"count\" 2 is more than the 1 items listed");
}

TEST_F(RuleFiles, NegativeFeeIsRefused)
{
    write("a.json", base);
    write(
        "b.json",
        entry(
            R"("effective_from": "2024-02-01", "source": "s", "fees": [{"id": "f", "yen": -800, "ja": "x", "en": "y"}])"));
    refused("b.json", "bad-one", "\"yen\" must be a whole number of yen");
}

TEST_F(RuleFiles, TwoVersionsInForceTogetherAreRefused)
{
    write("a.json", base);
    write("b.json", R"({"format": 1, "entries": [
        {"id": "fee", "effective_from": "2016-01-01", "source": "s", "fees": [{"id": "f", "yen": 800, "ja": "x", "en": "y"}]},
        {"id": "fee", "effective_from": "2026-04-01", "source": "s", "fees": [{"id": "f", "yen": 2000, "ja": "x", "en": "y"}]}]})");
    refused("b.json", "fee", "in force on the same days");
}

TEST_F(RuleFiles, AFeeChangeIsADataChange)
{
    write("a.json", base);
    write("b.json", R"({"format": 1, "entries": [
        {"id": "where", "effective_from": "2016-01-01", "source": "s", "where": {"ja": "窓口", "en": "Counter"},
         "documents": [{"id": "card", "item": "card"}]},
        {"id": "fee", "effective_from": "2016-01-01", "effective_until": "2026-03-31", "source": "s",
         "fees": [{"id": "f", "yen": 800, "ja": "x", "en": "y"}]},
        {"id": "fee", "effective_from": "2026-04-01", "source": "s", "fees": [{"id": "f", "yen": 2000, "ja": "x", "en": "y"}]}]})");
    auto book = RuleBook::load(dir.path());
    EXPECT_EQ(book.requirementsFor(Procedure::Reissue, ApplicantType::Principal, {}, date(2026, 3, 31)).totalYen(),
              800);
    EXPECT_EQ(book.requirementsFor(Procedure::Reissue, ApplicantType::Principal, {}, date(2026, 4, 1)).totalYen(),
              2000);
    EXPECT_THROW(book.requirementsFor(Procedure::Reissue, ApplicantType::Principal, {}, date(2015, 12, 31)), NotFound);
}

TEST_F(RuleFiles, AnEmptyFolderIsRefused)
{
    EXPECT_THROW(RuleBook::load(dir.path()), RuleFileError);
}

TEST_F(RuleFiles, NewFieldsAreCheckedLikeTheRest)
{
    write("a.json", R"({"format": 1, "documents": {"card": {"ja": "カード", "en": "Card"}},
                        "circumstances": {"theft": {"ja": "盗難", "en": "Theft"}}})");
    write("b.json", entry(R"("effective_from": "2024-02-01", "source": "s",
        "fees": [{"id": "f", "yen": 800, "ja": "x", "en": "y", "free_when": ["stolen"]}])"));
    refused("b.json", "bad-one", "unknown circumstance \"stolen\"");
    write("b.json", entry(R"("effective_from": "2024-02-01", "source": "s",
        "refuse": {"ja": "x", "en": "y", "instead": "re-issue"})"));
    refused("b.json", "bad-one", "unknown procedure in refuse.instead \"re-issue\"");
    write("b.json", entry(R"("effective_from": "2024-02-01", "source": "s", "same_day_when": {"ja": "x", "en": "y"})"));
    refused("b.json", "bad-one", "say \"inquiry_route\": true");
    write("b.json", entry(R"("effective_from": "2024-02-01", "source": "s",
        "window": {"days": 30, "before_age": 1, "ja": "x", "en": "y"})"));
    refused("b.json", "bad-one", "say exactly one of \"days\"");
    write("b.json", entry(R"("effective_from": "2024-02-01", "source": "s", "places": [{"place": "x"}])"));
    refused("b.json", "bad-one", "belong in an office's rule file");
    write("b.json", R"({"format": 1, "documents": {"old": {"ja": "x", "en": "y", "effective_until": "2025-12-01"}}})");
    refused("b.json", "documents.old", "a dated document needs its \"source\"");
}

TEST_F(RuleFiles, ARefusalAnswersWithItsReason)
{
    write("a.json", base);
    write("b.json", R"({"format": 1, "entries": [
        {"id": "where", "effective_from": "2016-01-01", "source": "s", "where": {"ja": "窓口", "en": "Counter"},
         "documents": [{"id": "card", "item": "card"}], "notes": [{"ja": "注意", "en": "Note"}]},
        {"id": "no-proxy", "applicants": ["proxy"], "effective_from": "2016-01-01", "source": "the page",
         "refuse": {"ja": "代理人はできません", "en": "No proxy", "instead": "reissue"}}]})");
    auto book = RuleBook::load(dir.path());
    auto r = book.requirementsFor(Procedure::PinReset, ApplicantType::Proxy, {}, date(2026, 1, 1));
    ASSERT_TRUE(r.refusal);
    EXPECT_EQ(r.refusal->reason.ja, "代理人はできません");
    EXPECT_EQ(r.refusal->instead, Procedure::Reissue);
    EXPECT_EQ(r.refusal->from.entry, "no-proxy");
    EXPECT_EQ(r.refusal->from.source, "the page");
    EXPECT_TRUE(r.documents.empty());
    EXPECT_EQ(r.whereToGo.ja, "窓口");
    EXPECT_FALSE(book.requirementsFor(Procedure::PinReset, ApplicantType::Principal, {}, date(2026, 1, 1)).refusal);
}
