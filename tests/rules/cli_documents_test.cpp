// madoguchi-cli documents end to end: every procedure for every applicant type, refusals.
#include "tests/support/run_process.hpp"

#include <gtest/gtest.h>

using namespace madoguchi::test;

namespace {
const char* kProcedures[] = {"card-receipt",          "reissue",         "pin-reset",
                             "cert-renewal",          "suspension",      "suspension-lift",
                             "card-info-change",      "card-renewal",    "stay-extension",
                             "application-cancel",    "number-change",   "notice-pickup",
                             "overseas-continuation", "face-auth-change"};
const char* kApplicants[] = {"principal", "proxy", "legal-representative"};

bool hasItem(const nlohmann::json& doc, const std::string& id)
{
    for (const auto& d : doc["documents"])
        for (const auto& o : d["alternatives"])
            for (const auto& i : o["items"])
                if (i["id"] == id)
                    return true;
    return false;
}
} // namespace

TEST(CliDocuments, AnswersEveryProcedureForEveryApplicant)
{
    for (const char* p : kProcedures)
        for (const char* a : kApplicants) {
            auto r = runCli({"documents", "--procedure", p, "--applicant", a, "--birth", "1985-06-15", "--today",
                             "2026-11-29", "--json"});
            ASSERT_EQ(r.exitCode, 0) << p << " " << a << ": " << r.err;
            auto j = r.json();
            EXPECT_EQ(j["procedure"], p);
            EXPECT_EQ(j["applicant"], a);
            EXPECT_EQ(j["day"], "2026-11-29");
            ASSERT_FALSE(j["documents"].empty()) << p << " " << a;
            for (const auto& d : j["documents"]) {
                EXPECT_FALSE(d["ja"].get<std::string>().empty());
                EXPECT_FALSE(d["en"].get<std::string>().empty());
                EXPECT_FALSE(d["alternatives"].empty());
            }
            EXPECT_FALSE(j["where"]["ja"].get<std::string>().empty());
            EXPECT_FALSE(j["where"]["en"].get<std::string>().empty());
            EXPECT_TRUE(j["fees"].is_array());
            EXPECT_TRUE(j["total_yen"].is_number_integer());
            EXPECT_TRUE(j["contacts"].is_array());
            EXPECT_TRUE(j["notes"].is_array());
            if (std::string(a) == "proxy") {
                EXPECT_TRUE(hasItem(j, "letter-of-attorney") || hasItem(j, "inquiry-letter") ||
                            hasItem(j, "issue-notice"))
                    << p;
            }
        }
}

TEST(CliDocuments, ReissueFeesAndHotline)
{
    auto r =
        runCli({"documents", "--procedure", "reissue", "--applicant", "principal", "--today", "2026-11-29", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto j = r.json();
    EXPECT_EQ(j["total_yen"], 1000);
    ASSERT_EQ(j["contacts"].size(), 1u);
    EXPECT_EQ(j["contacts"][0]["phone"], "0120-95-0178");
}

TEST(CliDocuments, ChildAndForeignResidentAttributesMatter)
{
    auto child = runCli({"documents", "--procedure", "card-receipt", "--applicant", "legal-representative", "--birth",
                         "2016-04-01", "--today", "2026-11-29", "--foreign", "--json"});
    ASSERT_EQ(child.exitCode, 0) << child.err;
    auto j = child.json();
    EXPECT_TRUE(hasItem(j, "family-register"));
    EXPECT_TRUE(hasItem(j, "residence-card"));
    EXPECT_NE(j["notes"].dump().find("15歳未満"), std::string::npos);
}

TEST(CliDocuments, TextOutputListsTheAlternatives)
{
    auto r = runCli({"documents", "--procedure", "pin-reset", "--applicant", "principal", "--today", "2026-11-29"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Aのうち1点"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Bのうち2点"), std::string::npos) << r.out;
}

TEST(CliDocuments, BadInputExitsTwoWithOneLine)
{
    for (auto args : std::vector<std::vector<std::string>>{
             {"documents", "--procedure", "re-issue", "--json"},
             {"documents", "--procedure", "reissue", "--applicant", "friend", "--json"},
             {"documents", "--procedure", "reissue", "--birth", "2026-02-30", "--json"},
             {"documents", "--procedure", "face-auth-change", "--today", "2020-01-01", "--json"},
         }) {
        auto r = runCli(args);
        EXPECT_EQ(r.exitCode, 2) << args[2];
        EXPECT_TRUE(r.out.empty());
        ASSERT_FALSE(r.err.empty());
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    }
}
