// Issue #14 through the console, as a clerk or a script asks it: each §9 rule named by the issue,
// by `documents` and `deadlines`, with its source in a comment (docs/rules.md §9). The engine's own
// tables are in rule_book_test.cpp and deadlines_section9_test.cpp; these check the answers a user
// actually gets.
#include "tests/support/run_process.hpp"

#include <gtest/gtest.h>
#include <set>

using namespace madoguchi::test;

namespace {

nlohmann::json ask(std::vector<std::string> args)
{
    args.push_back("--json");
    auto r = runCli(args);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return r.exitCode == 0 ? r.json() : nlohmann::json::object();
}

nlohmann::json documents(const std::string& procedure, const std::string& applicant, const std::string& day,
                         std::vector<std::string> more = {})
{
    std::vector<std::string> args{"documents", "--procedure", procedure, "--applicant", applicant, "--today", day};
    args.insert(args.end(), more.begin(), more.end());
    return ask(args);
}

const nlohmann::json* document(const nlohmann::json& j, const std::string& id)
{
    for (const auto& d : j["documents"])
        if (d["id"] == id)
            return &d;
    return nullptr;
}

std::set<std::string> items(const nlohmann::json& j)
{
    std::set<std::string> out;
    for (const auto& d : j["documents"])
        for (const auto& o : d["alternatives"])
            for (const auto& i : o["items"])
                out.insert(i["id"].get<std::string>());
    return out;
}

bool noteSays(const nlohmann::json& j, const std::string& words)
{
    for (const auto& n : j["notes"])
        if (n["ja"].get<std::string>().find(words) != std::string::npos)
            return true;
    return false;
}

} // namespace

// Myna FAQ 3505: every paper 被保険者証 expired by 2025-12-01; from 2025-12-02 they are no ID (資格確認書 is).
TEST(Issue14Console, PaperHealthInsuranceCardsAreNoIdFromTwentyTwentyFiveDecemberSecond)
{
    EXPECT_TRUE(items(documents("card-info-change", "principal", "2025-12-01")).count("health-insurance-card"));
    auto after = items(documents("card-info-change", "principal", "2025-12-02"));
    EXPECT_FALSE(after.count("health-insurance-card"));
    EXPECT_TRUE(after.count("eligibility-certificate"));
}

// Setagaya City; Kōka City; Meguro City: the 2023 reasons; the principal's papers include a photo ID.
TEST(Issue14Console, AProxyReceivesACardOnlyWithThePrincipalsPhotoId)
{
    auto j = documents("card-receipt", "proxy", "2026-12-01");
    const auto* id = document(j, "principal-id");
    ASSERT_NE(id, nullptr) << j.dump();
    // One alternative only: one photo ID (two non-photo papers are not enough).
    ASSERT_EQ((*id)["alternatives"].size(), 1u) << id->dump();
    EXPECT_EQ((*id)["alternatives"][0]["count"], 1);
    for (const auto& i : (*id)["alternatives"][0]["items"])
        EXPECT_NE(i["id"], "eligibility-certificate");
    std::set<std::string> reasons, before;
    for (const auto& o : (*document(j, "reason"))["alternatives"])
        reasons.insert(o["id"].get<std::string>());
    EXPECT_TRUE(reasons.count("aged-75") && reasons.count("student") && reasons.count("pregnant") &&
                reasons.count("curatorship"));
    auto old = documents("card-receipt", "proxy", "2023-03-31");
    for (const auto& o : (*document(old, "reason"))["alternatives"])
        before.insert(o["id"].get<std::string>());
    EXPECT_FALSE(before.count("aged-75"));
}

// Kunitachi City; Kikuchi City: the card plus one more paper; the card is not its own second ID.
TEST(Issue14Console, APinResetDoesNotTakeTheCardAsItsOwnSecondId)
{
    auto j = documents("pin-reset", "principal", "2026-12-01");
    const auto* id = document(j, "principal-id");
    ASSERT_NE(id, nullptr) << j.dump();
    for (const auto& o : (*id)["alternatives"])
        for (const auto& i : o["items"])
            EXPECT_NE(i["id"], "my-number-card") << o.dump();
    EXPECT_NE(document(j, "card"), nullptr);
}

// Sōma City; Fujinomiya City; Higashimatsuyama City: the legal representative's authority, issued
// within 3 months, unless parent and child share a household or the 本籍 is in the city.
TEST(Issue14Console, ALegalRepresentativeProvesTheAuthority)
{
    auto child = documents("card-receipt", "legal-representative", "2026-12-01", {"--birth", "2014-06-15"});
    EXPECT_TRUE(items(child).count("family-register")) << child.dump();
    EXPECT_TRUE(noteSays(child, "3か月以内"));
    auto ward = documents("card-receipt", "legal-representative", "2026-12-01", {"--birth", "1950-06-15"});
    EXPECT_TRUE(items(ward).count("guardianship-certificate")) << ward.dump();
    // 保佐人・補助人: their 代理行為目録.
    auto curator = documents("pin-reset", "curator", "2026-12-01", {"--birth", "1950-06-15"});
    EXPECT_TRUE(items(curator).count("curatorship-certificate")) << curator.dump();
    EXPECT_TRUE(noteSays(curator, "代理行為目録"));
}

// Nishi-Tokyo City; Tomakomai City: a household member files the card-info change with own ID and
// the card's PIN, the same day; a PIN reset by a household member goes the inquiry route.
TEST(Issue14Console, AHouseholdMemberFilesTheMoveTheSameDay)
{
    auto move = documents("card-info-change", "household-member", "2026-12-01");
    EXPECT_TRUE(items(move).count("pin-of-the-card")) << move.dump();
    EXPECT_FALSE(move["inquiry_route"].get<bool>());
    EXPECT_TRUE(move["refused"].is_null());
    auto pin = documents("pin-reset", "household-member", "2026-12-01");
    EXPECT_TRUE(pin["inquiry_route"].get<bool>());
}

// Kōtō City; Sakuragawa City; Mihara City: the J-LIS letter finishes a proxy's certificate renewal
// the same day while the certificate is valid; a PIN reset by proxy takes two visits.
TEST(Issue14Console, ACertificateRenewalByProxyWithTheJlisLetterFinishesTheSameDay)
{
    auto cert = documents("cert-renewal", "proxy", "2026-12-01");
    EXPECT_TRUE(cert["inquiry_route"].get<bool>());
    ASSERT_FALSE(cert["same_day_exception"].is_null());
    EXPECT_TRUE(items(cert).count("expiry-notice-inquiry-letter")) << cert.dump();
    auto pin = documents("pin-reset", "proxy", "2026-12-01");
    EXPECT_TRUE(pin["inquiry_route"].get<bool>());
    EXPECT_TRUE(pin["same_day_exception"].is_null());
}

// Kokubunji City; Ashiya City; Kishiwada City; Kumagaya City: express issuance from 2024-12-02,
// principal in person, 2,000 yen (1,800 without certificates), free for infants, 30 days; the
// マイナ免許証 warning (Keishichō).
TEST(Issue14Console, ExpressIssuance)
{
    auto adult = documents("express-reissue", "principal", "2026-12-01", {"--birth", "1980-01-01"});
    EXPECT_EQ(adult["total_yen"], 2000);
    EXPECT_EQ(adult["window"]["days"], 30);
    EXPECT_TRUE(noteSays(adult, "マイナ免許証"));
    EXPECT_EQ(documents("express-reissue", "principal", "2026-12-01",
                        {"--birth", "1980-01-01", "--circumstance", "no-certificates"})["total_yen"],
              1800);
    EXPECT_EQ(documents("express-reissue", "principal", "2026-12-01", {"--birth", "2026-06-01"})["total_yen"], 0);
    auto proxy = documents("express-reissue", "proxy", "2026-12-01");
    EXPECT_EQ(proxy["refused"]["instead"], "reissue");
    EXPECT_TRUE(documents("express-reissue", "legal-representative", "2026-12-01", {"--birth", "2016-01-01"})["refused"]
                    .is_null());
    // Before 2024-12-02 there was no express issuance at all.
    auto none = runCli({"documents", "--procedure", "express-reissue", "--today", "2024-12-01", "--json"});
    EXPECT_EQ(none.exitCode, 2) << none.out;
    auto late = documents("express-reissue", "principal", "2026-12-01", {"--since", "2026-10-15"});
    EXPECT_FALSE(late["refused"].is_null());
    EXPECT_EQ(late["refused"]["instead"], "reissue");
}

// Matsuyama City; Kakogawa City: free reissue for theft with the police number. Komoro City; Mitake
// Town: the renewal is charged when the old card is not handed back, and for a lapsed stay card.
TEST(Issue14Console, TheftIsFreeAndANotReturnedCardIsCharged)
{
    EXPECT_EQ(documents("reissue", "principal", "2026-12-01")["total_yen"], 1000);
    EXPECT_EQ(documents("reissue", "principal", "2026-12-01", {"--circumstance", "theft-reported"})["total_yen"], 0);
    EXPECT_EQ(documents("card-renewal", "principal", "2026-12-01")["total_yen"], 0);
    EXPECT_EQ(
        documents("card-renewal", "principal", "2026-12-01", {"--circumstance", "card-not-returned"})["total_yen"],
        1000);
    EXPECT_EQ(documents("card-renewal", "principal", "2026-12-01", {"--circumstance", "stay-card-lapsed"})["total_yen"],
              1000);
}

// Tama City; Kyōkai Kenpo 2025-07-16; Matsuyama City: the マイナ保険証 works until the end of the 3rd
// month after the earlier of the auth certificate's and the card's expiry, with a warning.
TEST(Issue14Console, HealthInsuranceUntilInDeadlines)
{
    auto j = ask({"deadlines", "--birth", "1980-06-15", "--applied", "2021-02-01", "--issued", "2021-03-01", "--today",
                  "2025-08-01"});
    EXPECT_EQ(j["auth_cert_expiry"], "2025-06-15");
    EXPECT_EQ(j["health_insurance_until"], "2025-09-30");
    EXPECT_NE(j["warnings"].dump().find("マイナ保険証"), std::string::npos) << j.dump();
}

// Nishi-Tokyo City; Kuwana City: the card lapses when filed > 30 days after the declared move-out,
// or when the holder moved on again before the continued-use procedure.
TEST(Issue14Console, MoveInLapses)
{
    std::vector<std::string> card{"deadlines",  "--birth", "1980-01-01", "--applied",  "2020-01-01", "--issued",
                                  "2020-01-10", "--today", "2026-11-20", "--moved-in", "2026-11-20"};
    auto outOfTime = card;
    outOfTime.insert(outOfTime.end(), {"--declared-move-out", "2026-10-01"});
    auto a = ask(outOfTime);
    EXPECT_NE(a["warnings"].dump().find("30日を過ぎて"), std::string::npos) << a.dump();
    EXPECT_TRUE(a["health_insurance_until"].is_null());
    auto again = card;
    again.push_back("--moved-again");
    auto b = ask(again);
    EXPECT_NE(b["warnings"].dump().find("さらに転出"), std::string::npos) << b.dump();
    auto inTime = card;
    inTime.insert(inTime.end(), {"--declared-move-out", "2026-11-01", "--move-day", "2026-11-15"});
    auto c = ask(inTime);
    EXPECT_EQ(c["warnings"].dump().find("継続利用できず"), std::string::npos) << c.dump();
    EXPECT_EQ(c["warnings"].dump().find("カードは失効"), std::string::npos) << c.dump();
    EXPECT_EQ(c["move_in_deadline"], "2027-02-18");
}
