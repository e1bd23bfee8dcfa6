#pragma once
// Everything that can go wrong between the reader and the card, as one exception type with a
// kind (for code: the CLI's exit code, the window's dialog) and a plain message in Japanese and
// English (for people). No message ever holds a PIN or card contents.
#include <optional>
#include <stdexcept>
#include <string>

namespace madoguchi::card {

enum class CardErrorKind {
    ServiceUnavailable, // pcscd is not running
    NoReader,           // no reader, or the named one is missing
    NoCard,             // the reader is empty
    CardRemoved,        // the card left the reader during the work
    ReaderRemoved,      // the reader was unplugged during the work
    Timeout,            // the card did not answer in time
    NotMyNumberCard,    // another card, or an old 住基 card where a My Number card is needed
    UnexpectedStatus,   // a status word the step does not allow
    MalformedData,      // an answer or a file that does not parse
    PinBlocked,         // the PIN's tries are used up: only the municipal counter can reset it
    LastTryRefused,     // one try left and the caller did not confirm spending it
    WrongPin,           // the PIN was wrong; triesLeft() says how many remain
    Cancelled,          // the caller cancelled
    Transport,          // any other failure of the PC/SC layer
};

// Stable ids for JSON ("card-removed"...).
const char* kindId(CardErrorKind kind);

class CardError : public std::runtime_error {
public:
    CardError(CardErrorKind kind, std::string japanese, std::string english,
              std::optional<int> triesLeft = std::nullopt);
    CardErrorKind kind() const { return kind_; }
    const std::string& japanese() const { return japanese_; }
    const std::string& english() const { return english_; }
    std::optional<int> triesLeft() const { return triesLeft_; }

private:
    CardErrorKind kind_;
    std::string japanese_;
    std::string english_;
    std::optional<int> triesLeft_;
};

} // namespace madoguchi::card
