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

const ApplicantType kApplicants[] = {ApplicantType::Principal, ApplicantType::Proxy,
                                     ApplicantType::LegalRepresentative};

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
        for (ApplicantType a : kApplicants)
            for (const date& day : days)
                for (const auto& birth : births)
                    for (bool foreign : {false, true}) {
                        if (p.procedure == Procedure::FaceAuthChange && day < date(2023, 12, 15))
                            continue;
                        std::string where = std::string(p.id) + "/" + std::string(applicantId(a));
                        auto r = shipped().requirementsFor(p.procedure, a, {birth, foreign}, day);
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
                        // A proxy or legal representative always shows their own identity too.
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
    // The reason is one of three alternatives, not three things to bring.
    auto reason = std::find_if(r.documents.begin(), r.documents.end(), [](const auto& d) { return d.id == "reason"; });
    ASSERT_NE(reason, r.documents.end());
    EXPECT_EQ(reason->alternatives.size(), 3u);
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
    auto r = shipped().requirementsFor(Procedure::PinReset, ApplicantType::Principal, {}, date(2026, 11, 29));
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
