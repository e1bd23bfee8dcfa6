// madoguchi-cli card status/read end to end: real pcscd, the vsmartcard-vpcd reader, our card
// emulator. Each test inserts its own card (profile, faults) into reader 0.
#include "app/pcsc/pcsc_errors.hpp"
#include "card_cli_fixture.hpp"
#include "emulated_card.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <PCSC/winscard.h>
#include <chrono>
#include <gtest/gtest.h>
#include <memory>

using namespace madoguchi::test;
using nlohmann::json;

namespace {

TEST_F(CardCli, StatusGivesEveryPinsTriesWithoutSpendingOne)
{
    auto profile = writeProfile(dir, {{"pins",
                                       {{"signature", {{"tries", 4}}},
                                        {"user_auth", {{"tries", 2}}},
                                        {"card_info", {{"tries", 3}}},
                                        {"residence", {{"tries", 1}}}}}});
    EmulatedCard card(dir, profile);
    for (int round = 0; round < 2; ++round) { // twice: the first query spent nothing
        auto r = status();
        ASSERT_EQ(r.exitCode, 0) << r.err;
        auto j = r.json();
        EXPECT_TRUE(j["reader_present"]);
        EXPECT_TRUE(j["card_present"]);
        EXPECT_EQ(j["card_type"], "my-number-card");
        EXPECT_EQ(j["token"], "JPKIAPICCTOKEN2");
        EXPECT_EQ(j["pins"]["signature"]["tries_left"], 4);
        EXPECT_EQ(j["pins"]["signature"]["max_tries"], 5);
        EXPECT_EQ(j["pins"]["user-auth"]["tries_left"], 2);
        EXPECT_EQ(j["pins"]["card-info"]["tries_left"], 3);
        EXPECT_EQ(j["pins"]["residence"]["tries_left"], 1);
        ASSERT_EQ(j["warnings"].size(), 1u);
        EXPECT_NE(j["warnings"][0].get<std::string>().find("住民基本台帳用の暗証番号の残り回数は1回"),
                  std::string::npos);
    }
    // Only empty VERIFYs (no data) went to the card.
    EXPECT_EQ(card.logText().find("****"), std::string::npos);
    EXPECT_NE(card.logText().find("> 00 20 00 80\n"), std::string::npos);
}

TEST_F(CardCli, StatusLeavesOutTheResidencePinWhereTheCardDoesNotAnswer)
{
    auto profile = writeProfile(dir, {{"pins", {{"residence", nullptr}}}});
    EmulatedCard card(dir, profile);
    auto r = status();
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(r.json()["pins"]["residence"].is_null());
    EXPECT_EQ(r.json()["pins"]["card-info"]["tries_left"], 3);
}

TEST_F(CardCli, StatusTellsAnotherCardFromAMyNumberCard)
{
    EmulatedCard card(dir, writeProfile(dir, {{"card", "other"}}));
    auto r = status();
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto j = r.json();
    EXPECT_TRUE(j["card_present"]);
    EXPECT_EQ(j["card_type"], "other");
    EXPECT_FALSE(j["my_number_card"]);
    EXPECT_TRUE(j["pins"]["signature"].is_null());
    auto rd = read();
    EXPECT_EQ(rd.exitCode, 5);
    EXPECT_EQ(errorKind(rd), "not-my-number-card");
    EXPECT_NE(rd.err.find("マイナンバーカードではありません"), std::string::npos) << rd.err;
}

TEST_F(CardCli, StatusNamesTheOldResidenceRegistryCard)
{
    EmulatedCard card(dir, writeProfile(dir, {{"card", "juki"}}));
    auto j = status().json();
    EXPECT_EQ(j["card_type"], "juki-card");
    EXPECT_EQ(j["token"], "JPKIAPICCTOKEN");
    EXPECT_FALSE(j["my_number_card"]);
}

TEST_F(CardCli, StatusOfAnEmptyReaderSaysNoCard)
{
    ASSERT_TRUE(waitForReader0(false, 5));
    auto r = status();
    EXPECT_EQ(r.exitCode, 5);
    auto j = r.json();
    EXPECT_TRUE(j["reader_present"]);
    EXPECT_FALSE(j["card_present"]);
    EXPECT_NE(r.err.find("カードが置かれていません"), std::string::npos) << r.err;
    auto rd = read();
    EXPECT_EQ(rd.exitCode, 5);
    EXPECT_EQ(errorKind(rd), "no-card");
}

TEST_F(CardCli, ReadGivesTheAuthCertificateExpiryWithoutAPin)
{
    // 15:00 UTC is midnight in Japan: the expiry day there is the next one.
    makeAuthCertificate(dir, "20310520150000Z");
    EmulatedCard card(dir, writeProfile(dir));
    auto r = read();
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto j = r.json();
    EXPECT_EQ(j["auth_certificate"]["not_after"], "2031-05-20T15:00:00Z");
    EXPECT_EQ(j["auth_certificate"]["expiry_date"], "2031-05-21");
    EXPECT_FALSE(j["auth_certificate"]["expired"]);
    EXPECT_TRUE(j["card_info"].is_null());
    EXPECT_EQ(card.logText().find("> 00 20"), std::string::npos) << "no VERIFY at all without --with-pin";
}

TEST_F(CardCli, ReadFlagsAnExpiredCertificate)
{
    makeAuthCertificate(dir, "20250101000000Z");
    EmulatedCard card(dir, writeProfile(dir));
    auto j = read().json();
    EXPECT_TRUE(j["auth_certificate"]["expired"]);
    EXPECT_EQ(j["warnings"].size(), 1u);
}

TEST_F(CardCli, ReadWithPinGivesTheBasicFactsAndTheMyNumberMasked)
{
    EmulatedCard card(dir, writeProfile(dir, {{"sex", "2"}, {"name", "佐藤 花子"}}));
    auto r = read("1234");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto info = r.json()["card_info"];
    EXPECT_EQ(info["name"], "佐藤 花子");
    EXPECT_EQ(info["address"], "東京都千代田区霞が関一丁目2番3号");
    EXPECT_EQ(info["birth"], "1970-05-20");
    EXPECT_EQ(info["sex"], "female");
    EXPECT_EQ(info["my_number_masked"], "**** **** 9018");
    EXPECT_EQ(r.out.find("12345678"), std::string::npos);
    EXPECT_EQ(r.err.find("12345678"), std::string::npos);
    EXPECT_EQ(r.err.find("1234"), std::string::npos) << "the PIN is never echoed";
}

TEST_F(CardCli, AWrongPinSaysHowManyTriesAreLeftAndTheRightOneResetsTheCounter)
{
    EmulatedCard card(dir, writeProfile(dir));
    auto wrong = read("9999");
    EXPECT_EQ(wrong.exitCode, 5);
    EXPECT_EQ(errorKind(wrong), "wrong-pin");
    EXPECT_EQ(wrong.json()["error"]["tries_left"], 2);
    EXPECT_NE(wrong.err.find("残り2回"), std::string::npos) << wrong.err;
    EXPECT_EQ(status().json()["pins"]["card-info"]["tries_left"], 2);
    auto right = read("1234");
    ASSERT_EQ(right.exitCode, 0) << right.err;
    EXPECT_EQ(status().json()["pins"]["card-info"]["tries_left"], 3);
}

TEST_F(CardCli, ABlockedPinIsRefusedBeforeAnyVerify)
{
    EmulatedCard card(dir, writeProfile(dir, {{"pins", {{"card_info", {{"tries", 0}}}}}}));
    auto r = read("1234");
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_EQ(errorKind(r), "pin-blocked");
    EXPECT_NE(r.err.find("ロック"), std::string::npos);
    EXPECT_EQ(card.logText().find("****"), std::string::npos) << "no VERIFY with the PIN was sent";
    auto st = status().json();
    EXPECT_TRUE(st["pins"]["card-info"]["blocked"]);
    EXPECT_FALSE(st["warnings"].empty());
}

TEST_F(CardCli, TheLastTryIsSpentOnlyWhenConfirmed)
{
    EmulatedCard card(dir, writeProfile(dir, {{"pins", {{"card_info", {{"tries", 1}}}}}}));
    auto refused = read("1234");
    EXPECT_EQ(refused.exitCode, 5);
    EXPECT_EQ(errorKind(refused), "last-try-refused");
    EXPECT_NE(refused.err.find("残り回数は1回"), std::string::npos) << refused.err;
    EXPECT_EQ(card.logText().find("****"), std::string::npos);

    auto wrong = read("9999", {"--last-try"});
    EXPECT_EQ(wrong.exitCode, 5);
    EXPECT_EQ(errorKind(wrong), "pin-blocked");
    EXPECT_EQ(wrong.json()["error"]["tries_left"], 0);
    EXPECT_TRUE(status().json()["pins"]["card-info"]["blocked"]);
    // Blocked now: even the right PIN is refused, and not sent.
    auto after = read("1234", {"--last-try"});
    EXPECT_EQ(errorKind(after), "pin-blocked");
}

TEST_F(CardCli, TheLastTryWithTheRightPinReadsAndResets)
{
    EmulatedCard card(dir, writeProfile(dir, {{"pins", {{"card_info", {{"tries", 1}}}}}}));
    auto r = read("1234", {"--last-try"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.json()["card_info"]["my_number_masked"], "**** **** 9018");
    EXPECT_EQ(status().json()["pins"]["card-info"]["tries_left"], 3);
}

// Before issue 20 `card read --with-pin` needed no login and left no trace, though it prints a
// resident's name, address, birth and sex.
TEST_F(CardCli, AReadWithThePinNeedsALoginAndIsAuditedWithoutTheCardsContent)
{
    EmulatedCard card(dir, writeProfile(dir, {{"name", "佐藤 花子"}}));
    std::string db = book();
    auto anonymous = cli({"--db", db, "card", "read", "--json", "--with-pin", "--reader", kReader0}, "1234\n");
    EXPECT_EQ(anonymous.exitCode, 7) << anonymous.err;
    EXPECT_EQ(anonymous.out.find("佐藤"), std::string::npos);
    EXPECT_EQ(card.logText().find("> 00 20"), std::string::npos) << "the PIN was sent before the login";

    auto r = read("1234");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.json()["card_info"]["name"], "佐藤 花子");
    auto audit = runCli({"--db", db, "audit", "list", "--json"}, "", cliUser("admin", "admin-pass-1"));
    ASSERT_EQ(audit.exitCode, 0) << audit.err;
    auto entries = audit.json();
    auto read = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return e["action"] == "card.read"; });
    ASSERT_NE(read, entries.end()) << entries.dump();
    EXPECT_EQ((*read)["user"], "admin");
    EXPECT_EQ(entries.dump().find("佐藤"), std::string::npos) << "the card's content is in the trail";
    EXPECT_EQ(entries.dump().find("9018"), std::string::npos) << "the My Number is in the trail";
}

TEST_F(CardCli, APinThatIsNotFourDigitsNeverReachesTheCard)
{
    EmulatedCard card(dir, writeProfile(dir));
    for (const char* pin : {"12a4", "123", "12345", ""}) {
        auto r = cli({"card", "read", "--json", "--with-pin", "--reader", kReader0}, std::string(pin) + "\n");
        EXPECT_EQ(r.exitCode, 2) << pin;
    }
    EXPECT_EQ(card.commandsLogged(), 0);
    // Options never take a PIN: there is no such option to put on argv.
    auto r = cli({"card", "read", "--pin", "1234"});
    EXPECT_EQ(r.exitCode, 2);
}

TEST_F(CardCli, ACardPulledOutMidReadIsNamedNotACrash)
{
    EmulatedCard card(dir, writeProfile(dir), {"--fault", "drop-mid-read", "--fault-at", "3"});
    auto r = read();
    EXPECT_EQ(r.exitCode, 5) << r.err;
    EXPECT_EQ(errorKind(r), "card-removed");
    EXPECT_NE(r.err.find("カードが取り出されました"), std::string::npos) << r.err;
}

TEST_F(CardCli, AGarbledAnswerIsMalformedData)
{
    EmulatedCard card(dir, writeProfile(dir), {"--fault", "garbled-length", "--fault-at", "2"});
    auto r = read();
    EXPECT_EQ(r.exitCode, 5) << r.err;
    EXPECT_EQ(errorKind(r), "malformed-data");
}

TEST_F(CardCli, AnUnexpectedStatusWordIsNamed)
{
    EmulatedCard card(dir, writeProfile(dir), {"--fault", "unexpected-sw", "--fault-at", "2"});
    auto r = read();
    EXPECT_EQ(r.exitCode, 5) << r.err;
    EXPECT_EQ(errorKind(r), "unexpected-status");
    EXPECT_NE(r.err.find("6F 00"), std::string::npos) << r.err;
}

TEST_F(CardCli, ACertificateLengthBeyondReasonIsMalformed)
{
    EmulatedCard card(dir, writeProfile(dir), {"--fault", "bad-der-length", "--fault-at", "2"});
    auto r = read();
    EXPECT_EQ(r.exitCode, 5) << r.err;
    EXPECT_EQ(errorKind(r), "malformed-data");
}

TEST_F(CardCli, AGarbledCardInfoFileIsMalformedData)
{
    EmulatedCard card(dir, writeProfile(dir, {{"garble_card_info", true}}));
    auto r = read("1234");
    EXPECT_EQ(r.exitCode, 5) << r.err;
    EXPECT_EQ(errorKind(r), "malformed-data");
    EXPECT_NE(r.err.find("基本4情報"), std::string::npos) << r.err;
}

TEST_F(CardCli, AMyNumberWithAWrongCheckDigitIsMalformedAndNotShown)
{
    EmulatedCard card(dir, writeProfile(dir, {{"my_number", "123456789012"}}));
    auto r = read("1234");
    EXPECT_EQ(r.exitCode, 5) << r.err;
    EXPECT_EQ(errorKind(r), "malformed-data");
    EXPECT_EQ(r.out.find("9012"), std::string::npos);
    EXPECT_EQ(r.err.find("9012"), std::string::npos);
}

TEST_F(CardCli, ACardThatNeverAnswersTimesOutInsteadOfHanging)
{
    EmulatedCard card(dir, writeProfile(dir), {"--fault", "slow", "--delay", "30"});
    auto start = std::chrono::steady_clock::now();
    auto r = cli({"card", "status", "--json", "--reader", kReader0, "--timeout", "1"});
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.exitCode, 5) << r.err;
    EXPECT_EQ(errorKind(r), "timeout");
    EXPECT_LT(seconds, 10);
}

TEST_F(CardCli, PcscdNotRunningIsNamed)
{
    auto r = cli({"card", "status", "--json"}, "", {"PCSCLITE_CSOCK_NAME=" + (dir / "no-pcscd.comm").string()});
    EXPECT_EQ(r.exitCode, 5) << r.err;
    EXPECT_EQ(errorKind(r), "service-unavailable");
    EXPECT_NE(r.err.find("pcscd"), std::string::npos) << r.err;
}

TEST_F(CardCli, OpenScReadsTheSameCertificateAsOurReader)
{
    EmulatedCard card(dir, writeProfile(dir));
    auto ours = read();
    ASSERT_EQ(ours.exitCode, 0) << ours.err;
    auto pem = dir / "opensc.pem";
    auto opensc = runProcess({"pkcs15-tool", "--reader", "0", "--read-certificate", "01", "--output", pem.string()}, "",
                             {"OPENSC_DRIVER=jpki"});
    ASSERT_EQ(opensc.exitCode, 0) << opensc.err;
    auto fp = runProcess({"openssl", "x509", "-in", pem.string(), "-noout", "-fingerprint", "-sha256"});
    ASSERT_EQ(fp.exitCode, 0) << fp.err;
    auto served = runProcess(
        {"openssl", "x509", "-inform", "DER", "-in", (dir / "auth.der").string(), "-noout", "-fingerprint", "-sha256"});
    std::string theirs = fp.out.substr(fp.out.find('=') + 1);
    theirs.erase(theirs.find_last_not_of("\n") + 1);
    EXPECT_EQ(ours.json()["auth_certificate"]["sha256"], theirs);
    EXPECT_EQ(served.out, fp.out);
    auto end = runProcess({"openssl", "x509", "-in", pem.string(), "-noout", "-enddate"});
    EXPECT_EQ(end.out, "notAfter=May 20 14:59:59 2031 GMT\n");
}

// The reader unplugged mid-read cannot be staged with vpcd (its readers never leave); what
// PC/SC-Lite reports then is mapped here, and the CLI shows CardError messages as they are.
TEST(PcscErrors, NameEachFaultPlainly)
{
    using madoguchi::card::CardErrorKind;
    using madoguchi::pcsc::errorFromPcsc;
    using madoguchi::pcsc::Step;
    EXPECT_EQ(errorFromPcsc(SCARD_E_READER_UNAVAILABLE, Step::Transmit).kind(), CardErrorKind::ReaderRemoved);
    EXPECT_EQ(errorFromPcsc(SCARD_E_UNKNOWN_READER, Step::Connect).kind(), CardErrorKind::NoReader);
    EXPECT_EQ(errorFromPcsc(SCARD_W_REMOVED_CARD, Step::Transmit).kind(), CardErrorKind::CardRemoved);
    EXPECT_EQ(errorFromPcsc(SCARD_E_NO_SMARTCARD, Step::Connect).kind(), CardErrorKind::NoCard);
    EXPECT_EQ(errorFromPcsc(SCARD_E_NO_SERVICE, Step::Context).kind(), CardErrorKind::ServiceUnavailable);
    EXPECT_EQ(errorFromPcsc(SCARD_E_SERVICE_STOPPED, Step::Transmit).kind(), CardErrorKind::ServiceUnavailable);
    EXPECT_EQ(errorFromPcsc(SCARD_E_TIMEOUT, Step::Transmit).kind(), CardErrorKind::Timeout);
    auto unplugged = errorFromPcsc(SCARD_E_READER_UNAVAILABLE, Step::Transmit);
    EXPECT_NE(unplugged.japanese().find("カードリーダーが取り外されました"), std::string::npos);
}

} // namespace
