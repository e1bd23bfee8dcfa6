// The parsers of what comes from the card: BER-TLV, token info, the card-info files, the
// certificate (through OpenSSL), status words, masking; and the replay of the fuzz corpus and of
// every input the fuzzer ever crashed on.
#include "core/card/apdu.hpp"
#include "core/card/ber_tlv.hpp"
#include "core/card/card_error.hpp"
#include "core/card/card_info_files.hpp"
#include "core/card/certificate.hpp"
#include "core/card/status_words.hpp"
#include "core/card/token_info.hpp"
#include "fuzz/card_parsers_entry.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>

using namespace madoguchi::card;
namespace fs = std::filesystem;

namespace {

Bytes fileBytes(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

const fs::path kFuzzDir = fs::path(MADOGUCHI_TEST_SOURCE_DIR) / "card" / "fuzz";

TEST(BerTlv, ReadsShortAndLongLengthsAndTwoByteTags)
{
    Bytes b{0xDF, 0x22, 0x81, 0x80};
    b.resize(4 + 0x80, 'x');
    auto t = parseTlv(b);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->tag, 0xDF22u);
    EXPECT_EQ(t->value.size(), 0x80u);
    EXPECT_EQ(t->size(), b.size());
    Bytes twoByteLength{0xFF, 0x20, 0x82, 0x01, 0x00};
    auto h = parseTlvHeader(twoByteLength);
    ASSERT_TRUE(h);
    EXPECT_EQ(h->valueLength, 256u);
    EXPECT_FALSE(parseTlv(twoByteLength)) << "the value is not all there";
}

TEST(BerTlv, RefusesCutHeadersAndIndefiniteLengths)
{
    EXPECT_FALSE(parseTlv(Bytes{}));
    EXPECT_FALSE(parseTlv(Bytes{0xDF}));
    EXPECT_FALSE(parseTlv(Bytes{0xDF, 0x22}));
    EXPECT_FALSE(parseTlv(Bytes{0xDF, 0x22, 0x82, 0x01}));
    EXPECT_FALSE(parseTlv(Bytes{0x30, 0x80, 0x00, 0x00}));
    EXPECT_FALSE(parseTlv(Bytes{0xDF, 0xFF, 0xFF, 0xFF, 0x01, 0x00})) << "tags over 3 bytes";
}

TEST(TokenInfo, TellsTheCardsApart)
{
    auto token = [](std::string s) {
        s.resize(32, ' ');
        return identifyToken(Bytes(s.begin(), s.end()));
    };
    EXPECT_EQ(token("JPKIAPICCTOKEN2").type, CardType::MyNumberCard);
    EXPECT_EQ(token("JPKIAPICCTOKEN").type, CardType::JukiCard);
    EXPECT_EQ(token("JPKIAPGPSETOKEN").type, CardType::Smartphone);
    EXPECT_EQ(token("JPKIAPIOSTOKEN").type, CardType::Smartphone);
    EXPECT_EQ(token("SOMETHINGELSE").type, CardType::Other);
    std::string twenty = "JPKIAPICCTOKEN2     "; // a 20-byte read is also seen
    EXPECT_EQ(identifyToken(Bytes(twenty.begin(), twenty.end())).type, CardType::MyNumberCard);
    EXPECT_EQ(identifyToken(Bytes{0xFF, 0x01}).type, CardType::Other);
}

TEST(CardInfoFiles, ParsesTheFilesTheEmulatorServes)
{
    Bytes facts = fileBytes(kFuzzDir / "corpus" / "basic-facts");
    EXPECT_EQ(basicFactsFileSize(facts), facts.size());
    BasicFacts f = parseBasicFactsFile(facts);
    EXPECT_EQ(f.name, "山田 太郎");
    EXPECT_EQ(f.address, "東京都千代田区霞が関一丁目2番3号");
    EXPECT_EQ(f.birth, "1970-05-20");
    EXPECT_EQ(f.sex, "male");
    EXPECT_EQ(parseMyNumberFile(fileBytes(kFuzzDir / "corpus" / "my-number")), "123456789018");
}

TEST(CardInfoFiles, RefusesMalformedFieldsWithoutShowingThem)
{
    auto kindOf = [](const Bytes& b, bool number) {
        try {
            if (number)
                (void)parseMyNumberFile(b);
            else
                (void)parseBasicFactsFile(b);
        } catch (const CardError& e) {
            EXPECT_EQ(std::string(e.what()).find("12345"), std::string::npos);
            return e.kind();
        }
        return CardErrorKind::Transport;
    };
    EXPECT_EQ(kindOf(Bytes{0xFF, 0x10, 0x0C, '1', '2', '3', '4', '5'}, true), CardErrorKind::MalformedData);
    Bytes letters{0xFF, 0x10, 0x0C};
    for (char c : std::string("12345678901X"))
        letters.push_back(static_cast<std::uint8_t>(c));
    EXPECT_EQ(kindOf(letters, true), CardErrorKind::MalformedData);
    // A birth date that is no date, a sex that is no ISO 5218 code, a name that is not UTF-8.
    Bytes facts = fileBytes(kFuzzDir / "corpus" / "basic-facts");
    ASSERT_GT(facts.size(), 20u);
    Bytes badSex = facts;
    badSex.back() = '7';
    EXPECT_EQ(kindOf(badSex, false), CardErrorKind::MalformedData);
    Bytes badName = facts;
    for (std::size_t i = 0; i + 1 < badName.size(); ++i)
        if (badName[i] == 0xDF && badName[i + 1] == 0x22) {
            badName[i + 3] = 0xFF;
            break;
        }
    EXPECT_EQ(kindOf(badName, false), CardErrorKind::MalformedData);
    EXPECT_EQ(kindOf(Bytes(facts.begin(), facts.begin() + 20), false), CardErrorKind::MalformedData);
}

// A user-authentication certificate made by tests/card/make-auth-cert.sh (empty when it failed).
Bytes madeCertificate(const std::string& notAfter)
{
    madoguchi::test::TempDir dir;
    auto der = dir / "cert.der";
    auto r = madoguchi::test::runProcess(
        {std::string(MADOGUCHI_TEST_SOURCE_DIR) + "/card/make-auth-cert.sh", der.string(), notAfter});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return r.exitCode == 0 ? fileBytes(der) : Bytes{};
}

TEST(Certificate, ExpiryComesFromOpenSslInUtcAndAsTheDayInJapan)
{
    Bytes b = madeCertificate("20290131160000Z");
    ASSERT_FALSE(b.empty());
    EXPECT_EQ(derCertificateSize(b), b.size());
    CertificateValidity v = parseCertificateValidity(b);
    EXPECT_EQ(v.notAfter, "2029-01-31T16:00:00Z");
    EXPECT_EQ(v.expiryDateJst, "2029-02-01");
    EXPECT_EQ(v.notBefore, "2024-01-01T00:00:00Z");
    EXPECT_EQ(v.sha256.size(), 95u);
    Bytes trailing = b;
    trailing.push_back(0);
    EXPECT_THROW(parseCertificateValidity(trailing), CardError);
    Bytes cut(b.begin(), b.end() - 1);
    EXPECT_THROW(parseCertificateValidity(cut), CardError);
}

TEST(Certificate, ValidityFromThePrefixAgreesWithTheWholeCertificateOnceItIsThere)
{
    Bytes b = madeCertificate("20290131160000Z");
    ASSERT_FALSE(b.empty());
    CertificateValidity whole = parseCertificateValidity(b);
    // Every prefix: "read more" until the validity is complete, then the same times as OpenSSL's
    // whole-certificate parse; never a throw for a prefix of a good certificate.
    std::size_t firstComplete = 0;
    for (std::size_t n = 0; n <= b.size(); ++n) {
        auto v = validityFromPrefix(std::span<const std::uint8_t>(b.data(), n));
        if (!v) {
            EXPECT_EQ(firstComplete, 0u) << "a longer prefix lost the validity at " << n;
            continue;
        }
        if (!firstComplete)
            firstComplete = n;
        EXPECT_EQ(v->notAfter, whole.notAfter);
        EXPECT_EQ(v->notBefore, whole.notBefore);
        EXPECT_EQ(v->expiryDateJst, "2029-02-01");
        EXPECT_TRUE(v->sha256.empty());
    }
    EXPECT_GT(firstComplete, 100u);
    EXPECT_LE(firstComplete, 256u); // one READ BINARY holds it
    // Not a certificate: a wrong tag where the TBSCertificate or the validity must be.
    Bytes wrong = b;
    wrong[4] = 0x31;
    EXPECT_THROW(validityFromPrefix(wrong), CardError);
    Bytes badTime(b.begin(), b.begin() + static_cast<long>(firstComplete));
    badTime[firstComplete - 5] = 'X'; // a digit of notAfter
    EXPECT_THROW(validityFromPrefix(badTime), CardError);
}

TEST(Certificate, RefusesHeadersThatAnnounceTooMuch)
{
    EXPECT_FALSE(derCertificateSize(Bytes{0x30, 0x82, 0xFF, 0xF0}));
    EXPECT_FALSE(derCertificateSize(Bytes{0x31, 0x82, 0x03, 0x00}));
    EXPECT_EQ(derCertificateSize(Bytes{0x30, 0x82, 0x03, 0x43}), 0x347u);
}

TEST(StatusWords, NamesEveryWordTheCardGives)
{
    EXPECT_EQ(describeStatus(0x6A82).english, "SW 6A 82: file or application not found");
    EXPECT_EQ(describeStatus(0x63C2).english, "SW 63 C2: 2 PIN tries left");
    EXPECT_EQ(describeStatus(0x1234).english, "SW 12 34: unexpected status word");
    EXPECT_EQ(interpretVerify(0x63C0).kind, PinAnswer::Kind::TriesLeft);
    EXPECT_EQ(interpretVerify(0x63C0).triesLeft, 0);
    EXPECT_EQ(interpretVerify(0x6984).kind, PinAnswer::Kind::Blocked);
    EXPECT_EQ(interpretVerify(0x9000).kind, PinAnswer::Kind::Verified);
    EXPECT_EQ(interpretVerify(0x6982).kind, PinAnswer::Kind::Other);
    EXPECT_THROW(parseResponse(Bytes{0x90}), CardError);
    EXPECT_EQ(parseResponse(Bytes{0x01, 0x90, 0x00}).data, Bytes{0x01});
}

TEST(FuzzReplay, EveryCorpusAndRegressionInputParsesWithoutCrashing)
{
    int n = 0;
    for (const char* sub : {"corpus", "regressions"})
        for (const auto& e : fs::directory_iterator(kFuzzDir / sub)) {
            if (e.path().filename() == "README")
                continue;
            Bytes b = fileBytes(e.path());
            madoguchi::fuzz::runCardParsers(b.data(), b.size());
            ++n;
        }
    EXPECT_GE(n, 5);
}

} // namespace
