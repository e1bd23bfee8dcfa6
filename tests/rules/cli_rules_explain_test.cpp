// madoguchi-cli rules explain, as a supervisor would ask it: every line of an answer names the rule
// entry, its file, its dates and its public source; the same answer as `documents`; the dated
// entries answer by the day asked for; the office's lines say they are the office's; the deadlines
// name the engine's rules; the disputed readings are listed with the one taken.
#include "tests/support/run_process.hpp"

#include <gtest/gtest.h>

using namespace madoguchi::test;

namespace {

const std::string kKodaira = std::string(MADOGUCHI_TEST_SOURCE_DIR) + "/../data/rules/offices/kodaira.json";

nlohmann::json explain(std::vector<std::string> args)
{
    args.insert(args.begin(), {"rules", "explain"});
    args.push_back("--json");
    auto r = runCli(args);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return r.exitCode == 0 ? r.json() : nlohmann::json::object();
}

void expectRule(const nlohmann::json& line, const std::string& what)
{
    ASSERT_TRUE(line.contains("rule")) << what << ": " << line.dump();
    const auto& rule = line["rule"];
    EXPECT_FALSE(rule["entry"].get<std::string>().empty()) << what;
    EXPECT_FALSE(rule["file"].get<std::string>().empty()) << what;
    EXPECT_FALSE(rule["source"].get<std::string>().empty()) << what;
    EXPECT_TRUE(rule["effective_from"].is_string()) << what;
}

const nlohmann::json* documentOf(const nlohmann::json& j, const std::string& id)
{
    for (const auto& d : j["documents"])
        if (d["id"] == id)
            return &d;
    return nullptr;
}

} // namespace

TEST(CliRulesExplain, EveryLineOfEveryAnswerNamesItsRule)
{
    for (const char* p : {"card-receipt", "reissue", "pin-reset", "cert-renewal", "suspension-lift", "card-renewal",
                          "express-reissue", "card-info-change"})
        for (const char* a : {"principal", "proxy", "legal-representative", "household-member", "curator"}) {
            auto j = explain({"--procedure", p, "--applicant", a, "--birth", "1985-06-15", "--today", "2026-12-01"});
            std::string where = std::string(p) + "/" + a;
            // The same answer as `documents` gives, with the rules added.
            auto plain = runCli({"documents", "--procedure", p, "--applicant", a, "--birth", "1985-06-15", "--today",
                                 "2026-12-01", "--json"})
                             .json();
            ASSERT_EQ(j["documents"].size(), plain["documents"].size()) << where;
            EXPECT_EQ(j["total_yen"], plain["total_yen"]) << where;
            for (const auto& d : j["documents"])
                expectRule(d, where + " document " + d["id"].get<std::string>());
            for (const auto& f : j["fees"])
                expectRule(f, where + " fee " + f["id"].get<std::string>());
            for (const auto& n : j["notes"])
                expectRule(n, where + " note");
            for (const auto& c : j["contacts"])
                expectRule(c, where + " contact");
            if (!j["refused"].is_null())
                expectRule(j["refused"], where + " refusal");
            EXPECT_FALSE(j["where_rule"]["entry"].get<std::string>().empty()) << where;
            EXPECT_TRUE(j["deadlines"].is_null()) << where; // no card described
            EXPECT_EQ(j["readings"].size(), 4u);
        }
}

TEST(CliRulesExplain, NamesTheEntryBehindSection9Answers)
{
    // PIN reset: the card is not its own second ID (Kunitachi City; Kikuchi City).
    auto pin = explain({"--procedure", "pin-reset", "--today", "2026-12-01"});
    const auto* id = documentOf(pin, "principal-id");
    ASSERT_NE(id, nullptr) << pin.dump();
    EXPECT_EQ((*id)["rule"]["entry"], "pin-reset-own-id");
    EXPECT_NE((*id)["rule"]["source"].get<std::string>().find("国立市"), std::string::npos) << id->dump();
    // A voluntary proxy asking for express issuance: the refusal and the entry that refuses.
    auto express = explain({"--procedure", "express-reissue", "--applicant", "proxy", "--today", "2026-12-01"});
    EXPECT_EQ(express["refused"]["rule"]["entry"], "express-reissue-voluntary-proxy");
    EXPECT_EQ(express["refused"]["rule"]["file"], "procedures.json");
    // Theft with the police number: the reissue fee is waived by reissue-fees.
    auto theft = explain({"--procedure", "reissue", "--circumstance", "theft-reported", "--today", "2026-12-01"});
    ASSERT_FALSE(theft["fees"].empty());
    EXPECT_EQ(theft["fees"][0]["rule"]["entry"], "reissue-fees");
    EXPECT_EQ(theft["fees"][0]["waived_by"], "theft-reported");
    // Proxy receipt: the version of 2023-04-01 answers today, the older one in 2022.
    auto receipt = explain({"--procedure", "card-receipt", "--applicant", "proxy", "--today", "2026-12-01"});
    auto old = explain({"--procedure", "card-receipt", "--applicant", "proxy", "--today", "2022-06-01"});
    auto versionOf = [](const nlohmann::json& j) {
        for (const auto& d : j["documents"])
            if (d["rule"]["entry"] == "proxy-card-receipt")
                return d["rule"]["effective_from"].get<std::string>();
        return std::string("none");
    };
    EXPECT_EQ(versionOf(receipt), "2023-04-01") << receipt.dump();
    EXPECT_EQ(versionOf(old), "2016-01-01") << old.dump();
}

TEST(CliRulesExplain, TheOfficesLinesSayTheyAreTheOffices)
{
    auto j = explain({"--procedure", "pin-reset", "--today", "2026-12-01", "--office", kKodaira});
    ASSERT_EQ(j["places"].size(), 3u);
    for (const auto& p : j["places"]) {
        EXPECT_TRUE(p["rule"]["office"].get<bool>());
        EXPECT_EQ(p["rule"]["file"], "kodaira.json");
    }
    EXPECT_TRUE(j["where_rule"]["office"].get<bool>());
    EXPECT_EQ(j["where_rule"]["entry"], "kodaira-pin-and-certificate-places");
    EXPECT_EQ(j["where_rule"]["effective_from"], "2024-04-01");
    // The documents stay national.
    for (const auto& d : j["documents"])
        EXPECT_FALSE(d["rule"]["office"].get<bool>()) << d.dump();
}

TEST(CliRulesExplain, TheDeadlinesNameTheEnginesRules)
{
    // Certificates renewed inside their window run to the 6th birthday (Higashimurayama City FAQ).
    auto j = explain({"--procedure", "cert-renewal", "--birth", "1980-06-15", "--issued", "2021-03-01", "--cert-issued",
                      "2025-04-20", "--today", "2026-12-01"});
    ASSERT_TRUE(j["deadlines"].is_object()) << j.dump();
    EXPECT_TRUE(j["deadlines"].contains("health_insurance_until"));
    bool sixth = false, card = false;
    for (const auto& r : j["deadlines"]["rules"]) {
        EXPECT_FALSE(r["source"].get<std::string>().empty());
        sixth = sixth || (r["field"] == "auth_cert_expiry" && r["entry"] == "cert-validity-in-window");
        card = card || (r["field"] == "card_expiry" && r["entry"] == "card-validity-adult");
    }
    EXPECT_TRUE(sixth) << j["deadlines"].dump();
    EXPECT_TRUE(card) << j["deadlines"].dump();
    // The old certificates ended 2025-06-15; renewed on 2025-04-20, less than 3 months before: the 6th
    // birthday after it, the card's own end.
    EXPECT_EQ(j["deadlines"]["auth_cert_expiry"], "2030-06-15");
    // The readings taken.
    bool leap = false;
    for (const auto& r : j["readings"])
        leap = leap || (r["switch"] == "kLeapDayRule" && r["taken"] == "february-28");
    EXPECT_TRUE(leap) << j["readings"].dump();
}

TEST(CliRulesExplain, TextNamesEachLinesSourceAndBadInputIsExitTwo)
{
    auto r = runCli({"rules", "explain", "--procedure", "pin-reset", "--today", "2026-12-01"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("← procedures.json · pin-reset-own-id"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("kAgeBasis = issue-day"), std::string::npos) << r.out;
    auto dated = runCli({"rules", "explain", "--procedure", "cert-renewal", "--birth", "1980-06-15", "--issued",
                         "2021-03-01", "--cert-issued", "2025-04-20", "--today", "2026-12-01"});
    ASSERT_EQ(dated.exitCode, 0) << dated.err;
    EXPECT_NE(dated.out.find("auth_cert_expiry 2030-06-15（令和12年6月15日）: 更新期間中"), std::string::npos)
        << dated.out;
    EXPECT_NE(dated.out.find("← cert-validity-in-window"), std::string::npos) << dated.out;
    for (auto args : std::vector<std::vector<std::string>>{
             {"rules", "explain", "--procedure", "pin-rest"},
             {"rules", "explain", "--procedure", "pin-reset", "--issued", "2020-01-01"},
             {"rules", "explain", "--procedure", "pin-reset", "--birth", "1980-01-01", "--issued", "2020-02-30"},
             {"rules", "explain"},
             {"rules", "nonsense"},
         }) {
        auto bad = runCli(args);
        EXPECT_EQ(bad.exitCode, 2) << args.back() << ": " << bad.err;
        ASSERT_FALSE(bad.err.empty());
        EXPECT_EQ(bad.err.find('\n'), bad.err.size() - 1) << bad.err;
    }
}
