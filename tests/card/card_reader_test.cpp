// MyNumberCardReader against recorded conversations (the APDUs our emulator and OpenSC's trace
// agree on, docs/rules.md, Part II): what it sends, in which order, and what it makes of
// the answers — without a reader.
#include "core/card/apdu.hpp"
#include "core/card/my_number_card_reader.hpp"
#include "core/common/errors.hpp"
#include "replay_transport.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::card;
using madoguchi::test::hex;
using madoguchi::test::ReplayTransport;

namespace madoguchi::test {
card::Bytes hex(const std::string& text)
{
    std::string digits;
    for (char c : text)
        if (c != ' ')
            digits += c;
    card::Bytes b;
    for (std::size_t i = 0; i + 1 < digits.size(); i += 2)
        b.push_back(static_cast<std::uint8_t>(std::stoi(digits.substr(i, 2), nullptr, 16)));
    return b;
}
} // namespace madoguchi::test

namespace {

const std::string kSelectJpki = "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01";
const std::string kSelectCardInfo = "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08";
const std::string kSelectResidence = "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 01";
const std::string kTokenMyNumber = // "JPKIAPICCTOKEN2" padded to 32 bytes with spaces
    "4A 50 4B 49 41 50 49 43 43 54 4F 4B 45 4E 32 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 90 00";

void expectIdentify(ReplayTransport& t)
{
    t.expect(kSelectJpki, "90 00");
    t.expect("00 A4 02 0C 02 00 06", "90 00");
    t.expect("00 B0 00 00 20", kTokenMyNumber);
}

// Identify, then the card-info AP and its PIN's tries (the empty VERIFY answered `tries`).
void expectCardInfoTries(ReplayTransport& t, const std::string& tries)
{
    expectIdentify(t);
    t.expect(kSelectCardInfo, "90 00");
    t.expect("00 A4 02 0C 02 00 11", "90 00");
    t.expect("00 20 00 80", tries);
}

TEST(CommandApdus, MatchTheBytesARealClientSends)
{
    EXPECT_EQ(selectApplication(kJpkiAid), hex(kSelectJpki));
    EXPECT_EQ(selectFile(0x000A), hex("00 A4 02 0C 02 00 0A"));
    EXPECT_EQ(readBinary(0x0100, 0), hex("00 B0 01 00 00"));
    EXPECT_EQ(verifyEmpty(), hex("00 20 00 80"));
    const char pin[] = {'1', '2', '3', '4'};
    Bytes v = verifyWith(pin);
    EXPECT_EQ(v, hex("00 20 00 80 04 31 32 33 34"));
    wipe(v);
    EXPECT_TRUE(v.empty());
}

TEST(CardReader, StatusCountsTriesWithEmptyVerifies)
{
    ReplayTransport t;
    expectIdentify(t);
    t.expect("00 A4 02 0C 02 00 1B", "90 00");
    t.expect("00 20 00 80", "63 C5");
    t.expect("00 A4 02 0C 02 00 18", "90 00");
    t.expect("00 20 00 80", "63 C1");
    t.expect(kSelectCardInfo, "90 00");
    t.expect("00 A4 02 0C 02 00 11", "90 00");
    t.expect("00 20 00 80", "63 C0"); // blocked: an empty VERIFY says 63 C0
    t.expect(kSelectResidence, "6A 82");
    MyNumberCardReader reader(t);
    CardStatus s = reader.status();
    EXPECT_EQ(t.remaining(), 0u);
    EXPECT_EQ(s.cardType, CardType::MyNumberCard);
    ASSERT_EQ(s.pins.size(), 3u);
    EXPECT_EQ(s.pins[0].id, "signature");
    EXPECT_EQ(s.pins[0].triesLeft, 5);
    EXPECT_EQ(s.pins[1].triesLeft, 1);
    EXPECT_TRUE(s.pins[2].blocked());
    EXPECT_EQ(s.warnings.size(), 2u);
    EXPECT_EQ(s.apdus, 11);
    EXPECT_EQ(t.connects, 1);
    EXPECT_EQ(t.disconnects, 1);
}

TEST(CardReader, StatusWithNoReaderIsAnAnswerNotAnError)
{
    ReplayTransport t;
    t.readerNames.clear();
    CardStatus s = MyNumberCardReader(t).status();
    EXPECT_TRUE(s.readers.empty());
    EXPECT_FALSE(s.cardPresent);
}

TEST(CardReader, ReadsTheCertificateInChunksAndGivesItsExpiry)
{
    // A 300-byte "certificate" that is not X.509: the chunking is right, the parser refuses it.
    ReplayTransport t;
    expectIdentify(t);
    t.expect("00 A4 02 0C 02 00 0A", "90 00");
    std::string first = "30 82 01 28";
    for (int i = 0; i < 252; ++i)
        first += " 00";
    t.expect("00 B0 00 00 00", first + " 90 00");
    std::string rest;
    for (int i = 0; i < 44; ++i)
        rest += "00 ";
    t.expect("00 B0 01 00 2C", rest + "90 00");
    try {
        MyNumberCardReader(t).readAuthCertificate();
        FAIL() << "no error";
    } catch (const CardError& e) {
        EXPECT_EQ(e.kind(), CardErrorKind::MalformedData);
    }
    EXPECT_EQ(t.remaining(), 0u);
    EXPECT_EQ(t.disconnects, 1) << "the session is closed on errors too";
}

TEST(CardReader, CardInfoWithTheRightPin)
{
    ReplayTransport t;
    expectCardInfoTries(t, "63 C3");
    t.expect("00 20 00 80 04 31 32 33 34", "90 00");
    t.expect("00 A4 02 0C 02 00 01", "90 00");
    t.expect("00 B0 00 00 11", "FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF 90 00");
    t.expect("00 A4 02 0C 02 00 02", "90 00");
    // FF 20 { DF 21 offsets, DF 22 "ヤ", DF 23 "A", DF 24 19700520, DF 25 "1" } as the emulator makes it
    t.expect("00 B0 00 00 00", "FF 20 24 DF 21 08 00 0E 00 14 00 18 00 23 DF 22 03 E3 83 A4 DF 23 01 41 DF 24 08 "
                               "31 39 37 30 30 35 32 30 DF 25 01 31 90 00");
    CardInfo info = MyNumberCardReader(t).readCardInfo(SecurePin("1234"));
    EXPECT_EQ(t.remaining(), 0u);
    EXPECT_EQ(info.facts.name, "ヤ");
    EXPECT_EQ(info.facts.address, "A");
    EXPECT_EQ(info.facts.birth, "1970-05-20");
    EXPECT_EQ(info.facts.sex, "male");
    EXPECT_EQ(info.myNumberMasked, "**** **** 9018");
}

TEST(CardReader, AWrongPinReportsTheTriesLeft)
{
    ReplayTransport t;
    expectCardInfoTries(t, "63 C3");
    t.expect("00 20 00 80 04 39 39 39 39", "63 C2");
    try {
        MyNumberCardReader(t).readCardInfo(SecurePin("9999"));
        FAIL();
    } catch (const CardError& e) {
        EXPECT_EQ(e.kind(), CardErrorKind::WrongPin);
        EXPECT_EQ(e.triesLeft(), 2);
        EXPECT_NE(e.japanese().find("残り2回"), std::string::npos);
    }
}

TEST(CardReader, TheLastTryIsAskedFor)
{
    for (bool confirm : {false, true}) {
        ReplayTransport t;
        expectCardInfoTries(t, "63 C1");
        if (confirm)
            t.expect("00 20 00 80 04 31 32 33 34", "69 84");
        int asked = 0;
        CardInfoOptions o;
        o.confirmLastTry = [&](int left) {
            ++asked;
            EXPECT_EQ(left, 1);
            return confirm;
        };
        try {
            MyNumberCardReader(t).readCardInfo(SecurePin("1234"), o);
            FAIL();
        } catch (const CardError& e) {
            EXPECT_EQ(e.kind(), confirm ? CardErrorKind::PinBlocked : CardErrorKind::LastTryRefused);
        }
        EXPECT_EQ(asked, 1);
        EXPECT_EQ(t.remaining(), 0u);
    }
}

TEST(CardReader, CancellingStopsBeforeTheNextApdu)
{
    ReplayTransport t;
    t.expect(kSelectJpki, "90 00");
    int calls = 0;
    try {
        MyNumberCardReader(t).readAuthCertificate([&](int, int) { return ++calls < 2; });
        FAIL();
    } catch (const CardError& e) {
        EXPECT_EQ(e.kind(), CardErrorKind::Cancelled);
    }
    EXPECT_EQ(t.sent.size(), 1u);
    EXPECT_EQ(t.disconnects, 1);
}

TEST(CardReader, ACardRemovedMidReadIsPassedOnWithItsKind)
{
    ReplayTransport t;
    expectIdentify(t);
    t.fail("00 A4 02 0C 02 00 0A", CardErrorKind::CardRemoved);
    try {
        MyNumberCardReader(t).readAuthCertificate();
        FAIL();
    } catch (const CardError& e) {
        EXPECT_EQ(e.kind(), CardErrorKind::CardRemoved);
    }
}

TEST(CardReader, APinOfLettersIsRefusedBeforeTheCard)
{
    ReplayTransport t;
    EXPECT_THROW(MyNumberCardReader(t).readCardInfo(SecurePin("12a4")), ValidationError);
    EXPECT_EQ(t.connects, 0);
}

TEST(SecurePinTest, IsWipedWhenMovedFrom)
{
    SecurePin a("1234");
    SecurePin b(std::move(a));
    EXPECT_EQ(a.size(), 0u);
    EXPECT_TRUE(b.isFourDigits());
}

} // namespace
