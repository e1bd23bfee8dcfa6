#pragma once
// The status words the My Number card gives (ISO 7816-4 and the traces in
// docs/rules.md, Part II), in one table, and what a VERIFY answer says about the tries.
#include <cstdint>
#include <optional>
#include <string>

namespace madoguchi::card {

struct StatusMeaning {
    std::string japanese;
    std::string english;
};

// "SW 6A 82: ファイルが見つかりません / file not found"; unknown words are named as such.
StatusMeaning describeStatus(std::uint16_t sw);
std::string statusHex(std::uint16_t sw); // "6A 82"

// What an answer to VERIFY means for the PIN.
struct PinAnswer {
    enum class Kind { Verified, TriesLeft, Blocked, Other } kind = Kind::Other;
    int triesLeft = 0; // for TriesLeft (0 after the try that used the last one)
};
PinAnswer interpretVerify(std::uint16_t sw);

} // namespace madoguchi::card
