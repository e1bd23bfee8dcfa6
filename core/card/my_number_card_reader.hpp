#pragma once
// The My Number card as the counter uses it: is a reader there, is a card in, which card, how
// many tries each PIN has left (learnt without spending one), the authentication certificate's
// expiry (no PIN), and — with the card-info PIN the resident typed — the four basic facts and
// the My Number, masked. Each call opens its own session with the card and closes it, so the
// window may call from a worker thread between card swaps. Errors: CardError (kind + message in
// Japanese and English), ValidationError for a PIN that cannot be right.
#include "core/card/card_info_files.hpp"
#include "core/card/card_transport.hpp"
#include "core/card/certificate.hpp"
#include "core/card/secure_pin.hpp"
#include "core/card/token_info.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::card {

struct PinStatus {
    std::string id;       // "signature", "user-auth", "card-info", "residence"
    std::string japanese; // "署名用電子証明書の暗証番号"
    int triesLeft = 0;
    int maxTries = 0;
    bool blocked() const { return triesLeft == 0; }
};

struct CardStatus {
    std::vector<std::string> readers;
    std::string reader; // the reader looked at ("" when there is none)
    bool cardPresent = false;
    CardType cardType = CardType::Other;
    std::string token;                 // the token info as read ("" for a card without the JPKI AP)
    std::vector<PinStatus> pins;       // signature, user-auth, card-info, then residence where answered
    std::vector<std::string> warnings; // Japanese, for the clerk (a blocked PIN, one try left)
    int apdus = 0;
};

struct AuthCertificateInfo {
    CertificateValidity validity;
    std::size_t size = 0; // bytes of DER
    int apdus = 0;
};

// What the counter's triage needs, read in one session without a PIN and without spending a try
// (docs/rules.md Part II, "Triage"): the card's type; for a My Number card the tries of the
// signature, user-authentication and card-info PINs, and the user-authentication certificate's
// validity from its first bytes. 12 APDUs on a My Number card whose certificate's validity lies
// in its first 256 bytes (the JPKI certificates' does).
struct TriageReading {
    std::string reader;
    CardType cardType = CardType::Other;
    std::string token;
    std::vector<PinStatus> pins;
    bool certificatePresent = false;
    CertificateValidity authCertificate; // when certificatePresent (sha256 empty: not all read)
    int apdus = 0;
};

struct CardInfo {
    BasicFacts facts;
    std::string myNumberMasked; // "**** **** 9018": the number itself never leaves the reader
    std::vector<std::string> warnings;
    int apdus = 0;
};

// Called before each APDU with the step and the number of steps; return false to cancel
// (the call then throws CardError(Cancelled) and closes the session).
using Progress = std::function<bool(int step, int steps)>;

struct CardInfoOptions {
    Progress progress;
    // Asked when the PIN has one try left (a wrong entry would block it). Without an answer of
    // true the read stops before the VERIFY with CardError(LastTryRefused).
    std::function<bool(int triesLeft)> confirmLastTry;
};

class MyNumberCardReader {
public:
    // `reader`: a reader name; empty: the first reader with a card in it.
    explicit MyNumberCardReader(CardTransport& transport, std::string reader = {});

    CardStatus status(const Progress& progress = {});
    AuthCertificateInfo readAuthCertificate(const Progress& progress = {});
    TriageReading readForTriage(const Progress& progress = {});
    CardInfo readCardInfo(SecurePin&& pin, const CardInfoOptions& options = {});

private:
    std::string chooseReader(std::vector<std::string>* all, bool needCard);

    CardTransport& transport_;
    std::string reader_;
};

} // namespace madoguchi::card
