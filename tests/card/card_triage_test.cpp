// madoguchi-cli card triage end to end (issue #17 items 1 and 5): real pcscd, vsmartcard-vpcd and
// our emulator. For each card a counter meets — blocked PIN, expired and in-window certificate,
// healthy, not a My Number card, no certificate, pulled out mid-triage — what the triage proposes,
// and that it never sends a PIN nor spends a try. The day is fixed (--today) so that the window
// does not move with the clock.
#include "card_cli_fixture.hpp"

#include <gtest/gtest.h>

using namespace madoguchi::test;
using nlohmann::json;

namespace {

const std::string kToday = "2026-12-02";

class CardTriage : public CardCli {
protected:
    ProcessResult triage(const std::string& today = kToday)
    {
        return cli({"card", "triage", "--json", "--reader", kReader0, "--today", today});
    }
    json triageOk()
    {
        auto r = triage();
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return r.json();
    }
    std::vector<std::string> procedures(const json& j)
    {
        std::vector<std::string> out;
        for (const auto& p : j["proposals"])
            out.push_back(p["procedure"]);
        return out;
    }
    // No VERIFY with data went to the card (the emulator masks those as ****).
    void expectNoPinSent(const EmulatedCard& card) { EXPECT_EQ(card.logText().find("****"), std::string::npos); }
};

using Procedures = std::vector<std::string>;

TEST_F(CardTriage, ABlockedPinIsProposedForResetByName)
{
    EmulatedCard card(dir, writeProfile(dir, {{"pins", {{"user_auth", {{"tries", 0}}}}}}));
    auto j = triageOk();
    EXPECT_EQ(procedures(j), Procedures{"pin-reset"});
    const auto& p = j["proposals"][0];
    EXPECT_EQ(p["pins"], json::array({"user-auth"}));
    EXPECT_EQ(p["procedure_name"], "暗証番号の再設定");
    EXPECT_NE(p["reason"].get<std::string>().find("利用者証明用電子証明書の暗証番号がロックされています"),
              std::string::npos)
        << p["reason"];
    EXPECT_NE(p["reason_en"].get<std::string>().find("user-authentication certificate's PIN is blocked"),
              std::string::npos);
    EXPECT_EQ(j["pins"]["user-auth"]["tries_left"], 0);
    EXPECT_TRUE(j["pins"]["user-auth"]["blocked"]);
    EXPECT_EQ(j["pins"]["signature"]["tries_left"], 5);
    EXPECT_EQ(j["pins"]["card-info"]["tries_left"], 3);
    EXPECT_EQ(j["auth_certificate"]["state"], "valid");
    EXPECT_LE(j["apdus"].get<int>(), 12);
    EXPECT_EQ(j["apdus"], card.commandsLogged());
    expectNoPinSent(card);
}

TEST_F(CardTriage, TriageSpendsNoTryEvenWhenOneIsLeft)
{
    EmulatedCard card(dir,
                      writeProfile(dir, {{"pins", {{"signature", {{"tries", 1}}}, {"card_info", {{"tries", 2}}}}}}));
    for (int round = 0; round < 3; ++round) { // the counters are where they were after each triage
        auto j = triageOk();
        EXPECT_EQ(j["pins"]["signature"]["tries_left"], 1);
        EXPECT_EQ(j["pins"]["card-info"]["tries_left"], 2);
        EXPECT_TRUE(j["proposals"].empty());
        ASSERT_FALSE(j["notices"].empty());
        EXPECT_NE(j["notices"][0]["message"].get<std::string>().find("署名用電子証明書の暗証番号の残り回数は1回"),
                  std::string::npos);
    }
    expectNoPinSent(card);
}

TEST_F(CardTriage, AnExpiredCertificateIsProposedForRenewalToTheFifthBirthday)
{
    makeAuthCertificate(dir, "20261130145959Z"); // the last day: 2026-11-30 in Japan
    EmulatedCard card(dir, writeProfile(dir));
    auto j = triageOk();
    EXPECT_EQ(procedures(j), Procedures{"cert-renewal"});
    EXPECT_EQ(j["auth_certificate"]["state"], "expired");
    EXPECT_EQ(j["auth_certificate"]["expiry_date"], "2026-11-30");
    EXPECT_EQ(j["auth_certificate"]["expiry_date_wareki"], "令和8年11月30日");
    // Issued after the old ones expired: the 5th birthday (docs/rules.md §9).
    EXPECT_EQ(j["auth_certificate"]["new_cert_birthday"], 5);
    auto reason = j["proposals"][0]["reason"].get<std::string>();
    EXPECT_NE(reason.find("2026-11-30（令和8年11月30日））が切れています"), std::string::npos) << reason;
    EXPECT_NE(reason.find("5回目の誕生日"), std::string::npos) << reason;
    EXPECT_LE(j["apdus"].get<int>(), 12);
}

TEST_F(CardTriage, ACertificateInsideItsWindowIsProposedWithTheSixthBirthday)
{
    makeAuthCertificate(dir, "20270115145959Z"); // 2027-01-15: the window opened 2026-10-16
    EmulatedCard card(dir, writeProfile(dir));
    auto j = triageOk();
    EXPECT_EQ(procedures(j), Procedures{"cert-renewal"});
    EXPECT_EQ(j["auth_certificate"]["state"], "renewal-window");
    EXPECT_EQ(j["auth_certificate"]["renewal_opens"], "2026-10-16");
    EXPECT_EQ(j["auth_certificate"]["new_cert_birthday"], 6);
    auto reason = j["proposals"][0]["reason"].get<std::string>();
    EXPECT_NE(reason.find("2026-10-16（令和8年10月16日）から更新できます"), std::string::npos) << reason;
    EXPECT_NE(reason.find("6回目の誕生日"), std::string::npos) << reason;
    // The day before the window the same card needs nothing.
    auto before = triage("2026-10-15").json();
    EXPECT_TRUE(before["proposals"].empty());
    EXPECT_EQ(before["auth_certificate"]["state"], "valid");
}

TEST_F(CardTriage, ACardNeedingBothGetsBothInTheOrderOfTheVisit)
{
    makeAuthCertificate(dir, "20270115145959Z");
    EmulatedCard card(dir,
                      writeProfile(dir, {{"pins", {{"card_info", {{"tries", 0}}}, {"signature", {{"tries", 0}}}}}}));
    auto j = triageOk();
    EXPECT_EQ(procedures(j), (Procedures{"pin-reset", "cert-renewal"}));
    EXPECT_EQ(j["proposals"][0]["pins"], json::array({"signature", "card-info"}));
    EXPECT_NE(j["proposals"][0]["reason"].get<std::string>().find(
                  "署名用電子証明書の暗証番号と券面事項入力補助用の暗証番号がロックされています"),
              std::string::npos);
    EXPECT_EQ(j["apdus"].get<int>(), 12);
}

TEST_F(CardTriage, AHealthyCardNeedsNothingAndSaysSo)
{
    EmulatedCard card(dir, writeProfile(dir)); // the certificate runs to 2031-05-20
    auto j = triageOk();
    EXPECT_TRUE(j["ok"]);
    EXPECT_TRUE(j["my_number_card"]);
    EXPECT_TRUE(j["proposals"].empty());
    EXPECT_EQ(j["auth_certificate"]["state"], "valid");
    EXPECT_EQ(j["auth_certificate"]["expiry_date"], "2031-05-20");
    EXPECT_EQ(j["auth_certificate"]["not_after"], "2031-05-20T14:59:59Z");
    ASSERT_EQ(j["notices"].size(), 1u);
    EXPECT_NE(j["notices"][0]["message"].get<std::string>().find("必要な手続きはありません"), std::string::npos);
    EXPECT_EQ(j["apdus"], 12);
    // The plain form says the same for a person.
    auto text = cli({"card", "triage", "--reader", kReader0, "--today", kToday});
    EXPECT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("提案なし"), std::string::npos) << text.out;
}

TEST_F(CardTriage, AnotherCardIsSaidToBeNoMyNumberCard)
{
    EmulatedCard card(dir, writeProfile(dir, {{"card", "other"}}));
    auto j = triageOk();
    EXPECT_EQ(j["card_type"], "other");
    EXPECT_FALSE(j["my_number_card"]);
    EXPECT_TRUE(j["proposals"].empty());
    EXPECT_TRUE(j["auth_certificate"].is_null());
    ASSERT_EQ(j["notices"].size(), 1u);
    EXPECT_NE(j["notices"][0]["message"].get<std::string>().find("マイナンバーカードではありません"),
              std::string::npos);
}

TEST_F(CardTriage, TheOldResidenceRegistryCardIsNamed)
{
    EmulatedCard card(dir, writeProfile(dir, {{"card", "juki"}}));
    auto j = triageOk();
    EXPECT_EQ(j["card_type"], "juki-card");
    EXPECT_TRUE(j["proposals"].empty());
    EXPECT_NE(j["notices"][0]["message"].get<std::string>().find("住民基本台帳カードです"), std::string::npos);
}

TEST_F(CardTriage, ACardWithoutCertificatesIsSaidSo)
{
    EmulatedCard card(dir, writeProfile(dir, {{"auth_cert", nullptr}}));
    auto j = triageOk();
    EXPECT_EQ(j["auth_certificate"]["state"], "none");
    EXPECT_TRUE(j["auth_certificate"]["expiry_date"].is_null());
    EXPECT_TRUE(j["proposals"].empty());
    ASSERT_FALSE(j["notices"].empty());
    EXPECT_NE(j["notices"][0]["message"].get<std::string>().find("電子証明書が入っていません"), std::string::npos);
}

TEST_F(CardTriage, ACardPulledOutMidTriageIsNamedWithExitFive)
{
    // The 2nd READ BINARY is the certificate's: the card leaves the field there.
    EmulatedCard card(dir, writeProfile(dir), {"--fault", "drop-mid-read", "--fault-at", "2"});
    auto r = triage();
    EXPECT_EQ(r.exitCode, 5) << r.err;
    EXPECT_EQ(errorKind(r), "card-removed");
    EXPECT_FALSE(r.json()["ok"]);
    EXPECT_NE(r.err.find("カードが取り出されました"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err; // one line
}

TEST_F(CardTriage, AnEmptyReaderSaysNoCard)
{
    auto r = triage();
    EXPECT_EQ(r.exitCode, 5) << r.err;
    EXPECT_EQ(errorKind(r), "no-card");
}

TEST_F(CardTriage, AWrongDayIsBadInput)
{
    auto r = cli({"card", "triage", "--today", "2026-02-30"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
}

} // namespace
