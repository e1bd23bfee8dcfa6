#include "core/card/my_number_card_reader.hpp"

#include "core/card/apdu.hpp"
#include "core/card/card_error.hpp"
#include "core/card/status_words.hpp"
#include "core/common/errors.hpp"
#include "core/mynumber/my_number.hpp"

#include <algorithm>
#include <openssl/crypto.h>

namespace madoguchi::card {

namespace {

struct PinFile {
    const char* id;
    const char* japanese;
    std::uint16_t fid;
    int maxTries;
};
constexpr PinFile kSignaturePin{"signature", "署名用電子証明書の暗証番号", jpki::kSignaturePin, 5};
constexpr PinFile kAuthPin{"user-auth", "利用者証明用電子証明書の暗証番号", jpki::kAuthPin, 3};
constexpr PinFile kCardInfoPin{"card-info", "券面事項入力補助用の暗証番号", card_info::kPin, 3};
constexpr PinFile kResidencePin{"residence", "住民基本台帳用の暗証番号", residence::kPin, 3};

// One conversation with the card: connected on construction, disconnected on destruction
// (also when an exception leaves), APDUs counted, cancellation checked before each one.
class Session {
public:
    Session(CardTransport& t, const std::string& reader, const Progress& progress, int steps)
        : t_(t), progress_(progress), steps_(steps)
    {
        t_.connect(reader);
    }
    ~Session() { t_.disconnect(); }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    Response send(const Bytes& command)
    {
        if (progress_ && !progress_(apdus_, std::max(steps_, apdus_ + 1)))
            throw CardError(CardErrorKind::Cancelled, "読み取りを中止しました", "the read was cancelled");
        ++apdus_;
        // The raw answer may carry the My Number or the resident's facts: its copy is wiped here,
        // the parsed one by the caller.
        Bytes raw = t_.transmit(command);
        try {
            Response r = parseResponse(raw);
            wipe(raw);
            return r;
        } catch (...) {
            wipe(raw);
            throw;
        }
    }

    // The answer must be 90 00; anything else names the step and the status word.
    Response expectOk(const Bytes& command, const std::string& stepJa, const std::string& stepEn)
    {
        Response r = send(command);
        if (!r.ok())
            unexpected(r.sw, stepJa, stepEn);
        return r;
    }

    [[noreturn]] static void unexpected(std::uint16_t sw, const std::string& stepJa, const std::string& stepEn)
    {
        auto m = describeStatus(sw);
        throw CardError(CardErrorKind::UnexpectedStatus,
                        stepJa + "でカードが想定外の応答をしました（" + m.japanese + "）",
                        "unexpected answer to " + stepEn + " (" + m.english + ")");
    }

    int apdus() const { return apdus_; }

private:
    CardTransport& t_;
    const Progress& progress_;
    int steps_;
    int apdus_ = 0;
};

// SELECT the JPKI AP and read the token info. Leaves the JPKI AP selected.
TokenInfo identify(Session& s)
{
    if (!s.send(selectApplication(kJpkiAid)).ok())
        return {}; // no JPKI AP: some other card
    if (!s.send(selectFile(jpki::kTokenInfo)).ok())
        return {};
    Response r = s.expectOk(readBinary(0, 0x20), "トークン情報の読み取り", "READ BINARY of the token info");
    return identifyToken(r.data);
}

void requireMyNumberCard(const TokenInfo& token)
{
    switch (token.type) {
    case CardType::MyNumberCard:
        return;
    case CardType::JukiCard:
        throw CardError(CardErrorKind::NotMyNumberCard, "住民基本台帳カードです。マイナンバーカードではありません",
                        "this is an old residence-registry (Juki) card, not a My Number card");
    case CardType::Smartphone:
        throw CardError(CardErrorKind::NotMyNumberCard,
                        "スマートフォン用電子証明書です。マイナンバーカードではありません",
                        "these are smartphone certificates, not a My Number card");
    case CardType::Other:
        break;
    }
    throw CardError(CardErrorKind::NotMyNumberCard, "マイナンバーカードではありません", "this is not a My Number card");
}

// Tries left of the PIN in `file` (its application selected), by a VERIFY without data, which
// spends none. nullopt when the card has no such PIN file.
std::optional<PinStatus> queryPin(Session& s, const PinFile& file)
{
    if (s.send(selectFile(file.fid)).sw == 0x6A82)
        return std::nullopt;
    std::uint16_t sw = s.send(verifyEmpty()).sw;
    PinAnswer a = interpretVerify(sw);
    PinStatus p{file.id, file.japanese, 0, file.maxTries};
    switch (a.kind) {
    case PinAnswer::Kind::TriesLeft:
        p.triesLeft = a.triesLeft;
        return p;
    case PinAnswer::Kind::Verified: // already verified in this session: the counter is full
        p.triesLeft = file.maxTries;
        return p;
    case PinAnswer::Kind::Blocked:
        return p;
    case PinAnswer::Kind::Other:
        break;
    }
    Session::unexpected(sw, std::string(file.japanese) + "の残り回数の確認",
                        std::string("the tries query of the ") + file.id + " PIN");
}

void warnAbout(const PinStatus& p, std::vector<std::string>& warnings)
{
    if (p.blocked())
        warnings.push_back(p.japanese + "がロックされています。市区町村の窓口で初期化が必要です");
    else if (p.triesLeft == 1)
        warnings.push_back(p.japanese + "の残り回数は1回です。間違えるとロックされます");
}

// Reads a whole transparent file whose size its first bytes tell: one READ BINARY of up to 256
// bytes (Le 00) gives the header and most small files at once; the rest follows in 256-byte
// reads. `sizeOf` returns nullopt when the first bytes are not what the file must start with.
template <typename SizeOf>
Bytes readSizedFile(Session& s, SizeOf sizeOf, const std::string& whatJa, const std::string& whatEn)
{
    Bytes file = s.expectOk(readBinary(0, 0x00), whatJa + "の読み取り", "READ BINARY of " + whatEn).data;
    auto total = sizeOf(std::span<const std::uint8_t>(file));
    if (!total)
        throw CardError(CardErrorKind::MalformedData, whatJa + "の先頭が不正です",
                        whatEn + ": the first bytes are not its header");
    while (file.size() < *total) {
        std::size_t remaining = *total - file.size();
        if (file.size() > 0x7FFF)
            break;
        auto le = static_cast<std::uint8_t>(remaining >= 256 ? 0 : remaining);
        Bytes chunk = s.expectOk(readBinary(static_cast<std::uint16_t>(file.size()), le), whatJa + "の読み取り",
                                 "READ BINARY of " + whatEn)
                          .data;
        if (chunk.empty())
            break;
        file.insert(file.end(), chunk.begin(), chunk.end());
    }
    if (file.size() < *total)
        throw CardError(CardErrorKind::MalformedData, whatJa + "がヘッダの示す長さより短いです",
                        whatEn + " is shorter than its header says");
    file.resize(*total);
    return file;
}

} // namespace

MyNumberCardReader::MyNumberCardReader(CardTransport& transport, std::string reader)
    : transport_(transport), reader_(std::move(reader))
{
}

std::string MyNumberCardReader::chooseReader(std::vector<std::string>* all, bool needCard)
{
    std::vector<std::string> readers = transport_.readers();
    if (all)
        *all = readers;
    if (readers.empty())
        throw CardError(CardErrorKind::NoReader, "カードリーダーが見つかりません", "no card reader is connected");
    if (!reader_.empty()) {
        if (std::find(readers.begin(), readers.end(), reader_) == readers.end())
            throw CardError(CardErrorKind::NoReader, "カードリーダー「" + reader_ + "」が見つかりません",
                            "the card reader \"" + reader_ + "\" is not connected");
        return reader_;
    }
    for (const auto& r : readers)
        if (transport_.cardPresent(r))
            return r;
    if (needCard)
        throw CardError(CardErrorKind::NoCard, "カードが置かれていません", "no card in the reader");
    return readers.front();
}

CardStatus MyNumberCardReader::status(const Progress& progress)
{
    CardStatus st;
    std::vector<std::string> all;
    try {
        st.reader = chooseReader(&all, false);
    } catch (const CardError& e) {
        if (e.kind() != CardErrorKind::NoReader || !reader_.empty())
            throw;
        return st; // no reader at all: that is the status
    }
    st.readers = all;
    st.cardPresent = transport_.cardPresent(st.reader);
    if (!st.cardPresent)
        return st;
    Session s(transport_, st.reader, progress, 13);
    TokenInfo token = identify(s);
    st.cardType = token.type;
    st.token = token.token;
    if (token.type != CardType::Other) {
        for (const PinFile* f : {&kSignaturePin, &kAuthPin})
            if (auto p = queryPin(s, *f))
                st.pins.push_back(*p);
        if (s.send(selectApplication(kCardInfoAid)).ok())
            if (auto p = queryPin(s, kCardInfoPin))
                st.pins.push_back(*p);
        // The residence-registry AP answers on some cards only; where it does not, it is left out.
        if (s.send(selectApplication(kResidenceAid)).ok())
            if (auto p = queryPin(s, kResidencePin))
                st.pins.push_back(*p);
    }
    for (const auto& p : st.pins)
        warnAbout(p, st.warnings);
    st.apdus = s.apdus();
    return st;
}

AuthCertificateInfo MyNumberCardReader::readAuthCertificate(const Progress& progress)
{
    std::string reader = chooseReader(nullptr, true);
    Session s(transport_, reader, progress, 8);
    requireMyNumberCard(identify(s));
    s.expectOk(selectFile(jpki::kAuthCertificate), "利用者証明用電子証明書の選択",
               "SELECT of the authentication certificate");
    Bytes der = readSizedFile(s, derCertificateSize, "利用者証明用電子証明書", "the authentication certificate");
    AuthCertificateInfo info{parseCertificateValidity(der), der.size(), s.apdus()};
    wipe(der); // personal data (the resident's name is in the subject): not kept
    return info;
}

TriageReading MyNumberCardReader::readForTriage(const Progress& progress)
{
    TriageReading out;
    out.reader = chooseReader(nullptr, true);
    Session s(transport_, out.reader, progress, 12);
    TokenInfo token = identify(s);
    out.cardType = token.type;
    out.token = token.token;
    if (token.type != CardType::MyNumberCard) {
        out.apdus = s.apdus();
        return out; // another card: nothing of it is for a My Number visit
    }
    for (const PinFile* f : {&kSignaturePin, &kAuthPin})
        if (auto p = queryPin(s, *f))
            out.pins.push_back(*p);
    // The certificate: absent (file not found), blank (a card issued without certificates; the
    // bytes of an erased file), or a DER whose validity comes within the first read.
    std::uint16_t certSw = s.send(selectFile(jpki::kAuthCertificate)).sw;
    if (certSw != 0x9000 && certSw != 0x6A82)
        Session::unexpected(certSw, "利用者証明用電子証明書の選択", "SELECT of the authentication certificate");
    if (certSw == 0x9000) {
        Bytes head = s.expectOk(readBinary(0, 0x00), "利用者証明用電子証明書の読み取り",
                                "READ BINARY of the authentication certificate")
                         .data;
        bool blank = std::all_of(head.begin(), head.end(), [&](std::uint8_t b) { return b == 0xFF || b == 0x00; });
        if (!blank) {
            auto total = derCertificateSize(head);
            if (!total)
                throw CardError(CardErrorKind::MalformedData, "利用者証明用電子証明書の先頭が不正です",
                                "the authentication certificate: the first bytes are not its header");
            auto validity = validityFromPrefix(head);
            while (!validity && head.size() < *total) {
                Bytes more =
                    s.expectOk(readBinary(static_cast<std::uint16_t>(head.size()), 0x00),
                               "利用者証明用電子証明書の読み取り", "READ BINARY of the authentication certificate")
                        .data;
                if (more.empty())
                    break;
                head.insert(head.end(), more.begin(), more.end());
                validity = validityFromPrefix(head);
            }
            if (!validity)
                throw CardError(CardErrorKind::MalformedData, "利用者証明用電子証明書の有効期間が読めません",
                                "the authentication certificate ends before its validity");
            out.certificatePresent = true;
            out.authCertificate = *validity;
        }
        wipe(head); // the subject is personal data: not kept
    }
    if (s.send(selectApplication(kCardInfoAid)).ok())
        if (auto p = queryPin(s, kCardInfoPin))
            out.pins.push_back(*p);
    out.apdus = s.apdus();
    return out;
}

CardInfo MyNumberCardReader::readCardInfo(SecurePin&& pinIn, const CardInfoOptions& options)
{
    SecurePin pin(std::move(pinIn)); // wiped when this call returns, whatever happens
    if (!pin.isFourDigits())
        throw ValidationError("券面事項入力補助用の暗証番号は4桁の数字です (the card-info PIN is 4 digits)");
    std::string reader = chooseReader(nullptr, true);
    Session s(transport_, reader, options.progress, 11);
    requireMyNumberCard(identify(s));
    CardInfo info;
    s.expectOk(selectApplication(kCardInfoAid), "券面事項入力補助APの選択", "SELECT of the card-info AP");
    auto tries = queryPin(s, kCardInfoPin);
    if (!tries)
        throw CardError(CardErrorKind::UnexpectedStatus, "券面事項入力補助用の暗証番号が見つかりません",
                        "the card-info PIN file is missing");
    if (tries->blocked())
        throw CardError(CardErrorKind::PinBlocked,
                        "券面事項入力補助用の暗証番号がロックされています。市区町村の窓口で初期化が必要です",
                        "the card-info PIN is blocked; only the municipal counter can reset it", 0);
    if (tries->triesLeft == 1) {
        if (!options.confirmLastTry || !options.confirmLastTry(1))
            throw CardError(CardErrorKind::LastTryRefused,
                            "暗証番号の残り回数が1回です。間違えるとロックされるため照合しませんでした",
                            "the card-info PIN has one try left; not verified without confirmation", 1);
        warnAbout(*tries, info.warnings);
    }
    Bytes verify = verifyWith(pin.chars());
    std::uint16_t sw = 0;
    try {
        sw = s.send(verify).sw;
    } catch (...) {
        wipe(verify);
        throw;
    }
    wipe(verify);
    pin.clear();
    PinAnswer a = interpretVerify(sw);
    if (a.kind == PinAnswer::Kind::TriesLeft && a.triesLeft == 0)
        throw CardError(CardErrorKind::PinBlocked,
                        "暗証番号が違います。残り回数が0回になりロックされました。市区町村の窓口で初期化が必要です",
                        "wrong PIN; no tries are left and the PIN is now blocked", 0);
    if (a.kind == PinAnswer::Kind::TriesLeft)
        throw CardError(CardErrorKind::WrongPin, "暗証番号が違います。残り" + std::to_string(a.triesLeft) + "回です",
                        "wrong PIN; " + std::to_string(a.triesLeft) + " tries left", a.triesLeft);
    if (a.kind == PinAnswer::Kind::Blocked)
        throw CardError(CardErrorKind::PinBlocked, "暗証番号がロックされています", "the PIN is blocked", 0);
    if (a.kind != PinAnswer::Kind::Verified)
        Session::unexpected(sw, "暗証番号の照合", "VERIFY");

    s.expectOk(selectFile(card_info::kMyNumber), "個人番号の選択", "SELECT of the My Number file");
    Bytes numberFile = s.expectOk(readBinary(0, 0x11), "個人番号の読み取り", "READ BINARY of the My Number").data;
    try {
        std::string digits = parseMyNumberFile(numberFile);
        bool valid = mynumber::isValid(digits);
        info.myNumberMasked = mynumber::mask(digits);
        OPENSSL_cleanse(digits.data(), digits.size());
        if (!valid)
            throw CardError(CardErrorKind::MalformedData,
                            "券面事項のデータが壊れています：個人番号の検査用数字が合いません",
                            "the card-info data is malformed: the My Number's check digit does not match");
    } catch (...) {
        wipe(numberFile);
        throw;
    }
    wipe(numberFile);

    s.expectOk(selectFile(card_info::kBasicFacts), "基本4情報の選択", "SELECT of the basic-facts file");
    Bytes facts = readSizedFile(s, basicFactsFileSize, "基本4情報", "the basic-facts file");
    try {
        info.facts = parseBasicFactsFile(facts);
    } catch (...) {
        wipe(facts);
        throw;
    }
    wipe(facts);
    info.apdus = s.apdus();
    return info;
}

} // namespace madoguchi::card
