// madoguchi-cli deadlines end to end: the contract keys, the spec's examples, refusals.
#include "tests/support/run_process.hpp"

#include <gtest/gtest.h>
#include <set>

using namespace madoguchi::test;

TEST(CliDeadlines, PrintsExactlyTheContractKeys)
{
    auto r = runCli({"deadlines", "--birth", "1970-05-20", "--applied", "2020-10-01", "--issued", "2020-11-10",
                     "--today", "2024-01-01", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto j = r.json();
    std::set<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it)
        keys.insert(it.key());
    EXPECT_EQ(keys, (std::set<std::string>{"card_expiry", "auth_cert_expiry", "sign_cert_expiry", "card_renewal_opens",
                                           "cert_renewal_opens", "move_in_deadline", "card_extendable_until",
                                           "health_insurance_until", "warnings"}));
    EXPECT_EQ(j["card_expiry"], "2030-05-20");
    EXPECT_EQ(j["auth_cert_expiry"], "2025-05-20");
    EXPECT_EQ(j["sign_cert_expiry"], "2025-05-20");
    // §9: the windows open once less than 3 months remain (the old expectation, 02-20, was a day early).
    EXPECT_EQ(j["card_renewal_opens"], "2030-02-21");
    EXPECT_EQ(j["cert_renewal_opens"], "2025-02-21");
    EXPECT_TRUE(j["move_in_deadline"].is_null());
    EXPECT_TRUE(j["card_extendable_until"].is_null());
    EXPECT_EQ(j["health_insurance_until"], "2025-08-31"); // certificates end 2025-05-20 (Tama City)
    EXPECT_TRUE(j["warnings"].is_array());
    EXPECT_TRUE(j["warnings"].empty());
}

TEST(CliDeadlines, MinorHasNoSignatureCertificateAndMoveInDeadline)
{
    auto r = runCli({"deadlines", "--birth", "2012-09-01", "--applied", "2019-06-01", "--issued", "2019-07-01",
                     "--moved-in", "2025-03-03", "--today", "2025-03-03", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto j = r.json();
    EXPECT_EQ(j["card_expiry"], "2023-09-01");
    EXPECT_TRUE(j["sign_cert_expiry"].is_null());
    EXPECT_EQ(j["move_in_deadline"], "2025-06-01");
    ASSERT_FALSE(j["warnings"].empty());
    EXPECT_NE(j["warnings"][0].get<std::string>().find("有効期限"), std::string::npos); // expired
}

TEST(CliDeadlines, ThresholdTwentyBeforeAprilTwentyTwentyTwo)
{
    auto before = runCli({"deadlines", "--birth", "2003-01-10", "--applied", "2022-03-01", "--issued", "2022-03-20",
                          "--today", "2022-03-20", "--json"});
    auto after = runCli({"deadlines", "--birth", "2003-01-10", "--applied", "2022-04-05", "--issued", "2022-04-25",
                         "--today", "2022-04-25", "--json"});
    ASSERT_EQ(before.exitCode, 0) << before.err;
    ASSERT_EQ(after.exitCode, 0) << after.err;
    EXPECT_EQ(before.json()["card_expiry"], "2027-01-10");
    EXPECT_EQ(after.json()["card_expiry"], "2032-01-10");
    EXPECT_EQ(after.json()["auth_cert_expiry"], "2027-01-10");
}

TEST(CliDeadlines, StayBoundCardWarns)
{
    auto r = runCli({"deadlines", "--birth", "1990-04-01", "--issued", "2024-06-10", "--stay-until", "2027-03-31",
                     "--today", "2024-06-10", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.json()["card_expiry"], "2027-03-31");
    EXPECT_TRUE(r.json()["card_renewal_opens"].is_null()); // no window for a stay-bound card (§9, Kōtō City)
    EXPECT_NE(r.json()["warnings"].dump().find("在留期間"), std::string::npos);
}

TEST(CliDeadlines, SectionNineOptions)
{
    // Higashimurayama City FAQ: renewed inside the window of the card's certificates → 6th birthday.
    auto renewed = runCli({"deadlines", "--birth", "1980-08-15", "--applied", "2021-08-01", "--issued", "2021-09-01",
                           "--cert-issued", "2026-06-01", "--today", "2026-06-01", "--json"});
    ASSERT_EQ(renewed.exitCode, 0) << renewed.err;
    EXPECT_EQ(renewed.json()["auth_cert_expiry"], "2031-08-15");
    auto named = runCli({"deadlines", "--birth", "1975-03-10", "--applied", "2025-01-01", "--issued", "2025-01-20",
                         "--prev-cert-expiry", "2025-03-10", "--today", "2025-01-20", "--json"});
    ASSERT_EQ(named.exitCode, 0) << named.err;
    EXPECT_EQ(named.json()["auth_cert_expiry"], "2030-03-10");
    // Komatsu City: the special period.
    auto pending = runCli({"deadlines", "--birth", "1990-04-01", "--issued", "2024-06-10", "--stay-until", "2026-12-15",
                           "--stay-pending-until", "2027-02-15", "--today", "2026-12-01", "--json"});
    ASSERT_EQ(pending.exitCode, 0) << pending.err;
    EXPECT_EQ(pending.json()["card_extendable_until"], "2027-02-15");
    auto tooLong = runCli({"deadlines", "--birth", "1990-04-01", "--issued", "2024-06-10", "--stay-until", "2026-12-15",
                           "--stay-pending-until", "2027-02-16", "--json"});
    EXPECT_EQ(tooLong.exitCode, 2);
    EXPECT_NE(tooLong.err.find("stay-pending-until"), std::string::npos) << tooLong.err;
    // Nishi-Tokyo City: filed 20 days after moving in: lapsed, and no health-insurance grace.
    auto late = runCli({"deadlines", "--birth", "1980-01-01", "--applied", "2020-01-01", "--issued", "2020-01-10",
                        "--moved-in", "2025-03-21", "--move-day", "2025-03-01", "--today", "2025-03-21", "--json"});
    ASSERT_EQ(late.exitCode, 0) << late.err;
    EXPECT_TRUE(late.json()["health_insurance_until"].is_null());
    EXPECT_NE(late.json()["warnings"].dump().find("14日"), std::string::npos);
    // Ashikaga City: face-auth, no signature certificate.
    auto face = runCli({"deadlines", "--birth", "1950-01-01", "--applied", "2024-01-01", "--issued", "2024-01-10",
                        "--face-auth", "--today", "2024-01-10", "--json"});
    ASSERT_EQ(face.exitCode, 0) << face.err;
    EXPECT_TRUE(face.json()["sign_cert_expiry"].is_null());
    // spec §9: an 18-year-old's card issued in April 2022 without --applied warns.
    auto unknown =
        runCli({"deadlines", "--birth", "2003-06-01", "--issued", "2022-04-20", "--today", "2022-04-20", "--json"});
    ASSERT_EQ(unknown.exitCode, 0) << unknown.err;
    EXPECT_NE(unknown.json()["warnings"].dump().find("--applied"), std::string::npos);
}

TEST(CliDeadlines, ImpossibleInputExitsTwoWithOneLine)
{
    for (auto args : std::vector<std::vector<std::string>>{
             {"deadlines", "--birth", "2021-01-01", "--issued", "2020-01-01", "--json"},
             {"deadlines", "--birth", "1990-01-01", "--issued", "2026-02-30", "--json"},
             {"deadlines", "--birth", "1990-01-01", "--issued", "2020-01-01", "--stay-until", "2019-01-01", "--json"},
             {"deadlines", "--issued", "2020-01-01", "--json"},
             // Past the calendar the count can reach (it ended in "internal error", exit 1).
             {"deadlines", "--birth", "1990-01-01", "--issued", "9999-01-01", "--json"},
             {"deadlines", "--birth", "9998-01-01", "--issued", "9999-12-31", "--json"},
             {"deadlines", "--birth", "1990-01-01", "--issued", "2020-01-01", "--stay-until", "9999-12-31", "--json"},
             {"deadlines", "--birth", "1990-01-01", "--issued", "2020-01-01", "--today", "9999-12-31", "--json"},
         }) {
        auto r = runCli(args);
        EXPECT_EQ(r.exitCode, 2) << args[2] << args[4];
        EXPECT_TRUE(r.out.empty());
        ASSERT_FALSE(r.err.empty());
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    }
}

TEST(CliDeadlines, ExemptStatusKeepsTheNormalRuleAndAdultWardHasNoSignature)
{
    auto permanent = runCli({"deadlines", "--birth", "1990-04-01", "--issued", "2024-06-10", "--stay-until",
                             "2027-03-31", "--status", "permanent", "--today", "2024-06-10", "--json"});
    ASSERT_EQ(permanent.exitCode, 0) << permanent.err;
    EXPECT_EQ(permanent.json()["card_expiry"], "2034-04-01");
    auto ward = runCli({"deadlines", "--birth", "1950-01-01", "--issued", "2024-01-10", "--adult-ward", "--today",
                        "2024-01-10", "--json"});
    ASSERT_EQ(ward.exitCode, 0) << ward.err;
    EXPECT_TRUE(ward.json()["sign_cert_expiry"].is_null());
    EXPECT_EQ(ward.json()["auth_cert_expiry"], "2029-01-01");
    auto unknown = runCli({"deadlines", "--birth", "1950-01-01", "--issued", "2024-01-10", "--status", "tourist"});
    EXPECT_EQ(unknown.exitCode, 2);
}
