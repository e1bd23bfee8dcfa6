// madoguchi-cli documents end to end: every procedure for every applicant type, refusals.
#include "tests/support/run_process.hpp"

#include <gtest/gtest.h>

using namespace madoguchi::test;

namespace {
const char* kProcedures[] = {"card-receipt",          "reissue",          "pin-reset",
                             "cert-renewal",          "suspension",       "suspension-lift",
                             "card-info-change",      "card-renewal",     "stay-extension",
                             "application-cancel",    "number-change",    "notice-pickup",
                             "overseas-continuation", "face-auth-change", "express-reissue"};
const char* kApplicants[] = {"principal", "proxy", "legal-representative", "household-member", "curator"};

void checkAnswer(const nlohmann::json& j, const char* p, const char* a);

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

// Every procedure × applicant × (minor, adult, foreign) answers: documents and a place to go, or a
// refusal with its reason (exit 0: a refusal is an answer, not bad input).
TEST(CliDocuments, AnswersEveryProcedureForEveryApplicant)
{
    struct Resident {
        const char* name;
        std::vector<std::string> args;
    } residents[] = {{"minor", {"--birth", "2014-06-15"}},
                     {"adult", {"--birth", "1985-06-15"}},
                     {"foreign", {"--birth", "1985-06-15", "--foreign"}}};
    for (const char* p : kProcedures)
        for (const char* a : kApplicants)
            for (const auto& who : residents) {
                std::vector<std::string> args{"documents", "--procedure", p,       "--applicant", a,
                                              "--today",   "2026-11-29",  "--json"};
                args.insert(args.end(), who.args.begin(), who.args.end());
                auto r = runCli(args);
                std::string where = std::string(p) + " " + a + " " + who.name;
                ASSERT_EQ(r.exitCode, 0) << where << ": " << r.err;
                auto j = r.json();
                EXPECT_EQ(j["procedure"], p);
                EXPECT_EQ(j["applicant"], a);
                EXPECT_EQ(j["day"], "2026-11-29");
                EXPECT_FALSE(j["where"]["ja"].get<std::string>().empty()) << where;
                if (!j["refused"].is_null()) {
                    EXPECT_FALSE(j["refused"]["ja"].get<std::string>().empty()) << where;
                    EXPECT_FALSE(j["refused"]["en"].get<std::string>().empty()) << where;
                    EXPECT_TRUE(j["documents"].empty()) << where;
                    continue;
                }
                checkAnswer(j, p, a);
            }
}

namespace {
void checkAnswer(const nlohmann::json& j, const char* p, const char* a)
{
    {
        {
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
            EXPECT_TRUE(j["inquiry_route"].is_boolean());
            if (std::string(a) == "proxy") {
                EXPECT_TRUE(hasItem(j, "letter-of-attorney") || hasItem(j, "inquiry-letter") ||
                            hasItem(j, "issue-notice"))
                    << p;
            }
        }
    }
}
} // namespace

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
    auto r =
        runCli({"documents", "--procedure", "card-info-change", "--applicant", "principal", "--today", "2026-11-29"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Aのうち1点"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Bのうち2点"), std::string::npos) << r.out;
    // A PIN reset wants one more paper than the card (Kunitachi City; Kikuchi City).
    auto pin = runCli({"documents", "--procedure", "pin-reset", "--applicant", "principal", "--today", "2026-11-29"});
    ASSERT_EQ(pin.exitCode, 0) << pin.err;
    EXPECT_NE(pin.out.find("マイナンバーカード以外"), std::string::npos) << pin.out;
}

TEST(CliDocuments, ARefusalIsPrintedFirstAndClearly)
{
    auto text =
        runCli({"documents", "--procedure", "express-reissue", "--applicant", "proxy", "--today", "2026-12-01"});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("受付できません"), std::string::npos) << text.out;
    EXPECT_LT(text.out.find("受付できません"), text.out.find("窓口"));
    EXPECT_EQ(text.out.find("持ち物"), std::string::npos) << text.out;
    auto json = runCli(
        {"documents", "--procedure", "express-reissue", "--applicant", "proxy", "--today", "2026-12-01", "--json"});
    ASSERT_EQ(json.exitCode, 0) << json.err;
    EXPECT_EQ(json.json()["refused"]["instead"], "reissue");
}

TEST(CliDocuments, CircumstancesAndTheExpressWindow)
{
    auto theft = runCli(
        {"documents", "--procedure", "reissue", "--circumstance", "theft-reported", "--today", "2026-12-01", "--json"});
    ASSERT_EQ(theft.exitCode, 0) << theft.err;
    EXPECT_EQ(theft.json()["total_yen"], 0);
    EXPECT_EQ(theft.json()["fees"][0]["waived_by"], "theft-reported");
    EXPECT_EQ(theft.json()["fees"][0]["full_yen"], 800);
    auto twice = runCli({"documents", "--procedure", "card-renewal", "--circumstance", "card-not-returned",
                         "--circumstance", "no-certificates", "--today", "2026-12-01", "--json"});
    ASSERT_EQ(twice.exitCode, 0) << twice.err;
    EXPECT_EQ(twice.json()["total_yen"], 800);
    auto unknown = runCli({"documents", "--procedure", "reissue", "--circumstance", "stolen", "--json"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(unknown.err.find("theft-reported"), std::string::npos) << unknown.err;
    auto late = runCli(
        {"documents", "--procedure", "express-reissue", "--since", "2026-10-01", "--today", "2026-12-01", "--json"});
    ASSERT_EQ(late.exitCode, 0) << late.err;
    EXPECT_FALSE(late.json()["refused"].is_null());
    EXPECT_EQ(late.json()["window"]["last_day"], "2026-10-31");
    auto inquiry =
        runCli({"documents", "--procedure", "cert-renewal", "--applicant", "proxy", "--today", "2026-12-01", "--json"});
    ASSERT_EQ(inquiry.exitCode, 0) << inquiry.err;
    EXPECT_TRUE(inquiry.json()["inquiry_route"].get<bool>());
    EXPECT_FALSE(inquiry.json()["same_day_exception"].is_null());
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
