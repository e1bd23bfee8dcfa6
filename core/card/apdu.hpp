#pragma once
// Command APDUs for the My Number card (docs/rules.md, Part II) and the parsed answer.
// Built here, in one place, so that the tests can compare them byte for byte with a real client.
#include "core/card/bytes.hpp"

#include <array>
#include <cstdint>
#include <span>

namespace madoguchi::card {

// Application identifiers (SELECT by DF name).
using Aid = std::array<std::uint8_t, 10>;
inline constexpr Aid kJpkiAid{0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01};
inline constexpr Aid kCardInfoAid{0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08};
inline constexpr Aid kResidenceAid{0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x01};

// Elementary files, by application.
namespace jpki {
inline constexpr std::uint16_t kTokenInfo = 0x0006;
inline constexpr std::uint16_t kAuthCertificate = 0x000A;
inline constexpr std::uint16_t kAuthPin = 0x0018;
inline constexpr std::uint16_t kSignaturePin = 0x001B;
} // namespace jpki
namespace card_info {
inline constexpr std::uint16_t kPin = 0x0011;
inline constexpr std::uint16_t kMyNumber = 0x0001;
inline constexpr std::uint16_t kBasicFacts = 0x0002;
} // namespace card_info
namespace residence {
// Seen in one public emulator of the card only; a card that does not answer is reported as such.
inline constexpr std::uint16_t kPin = 0x001C;
} // namespace residence

Bytes selectApplication(const Aid& aid);                 // 00 A4 04 0C 0A <AID>
Bytes selectFile(std::uint16_t fid);                     // 00 A4 02 0C 02 <FID>
Bytes readBinary(std::uint16_t offset, std::uint8_t le); // 00 B0 <off hi> <off lo> <Le>; Le 0 = 256
Bytes verifyEmpty();                                     // 00 20 00 80: tries left, spends none
// 00 20 00 80 <Lc> <PIN>. The result holds the PIN: the caller wipes it (wipe()) after sending.
Bytes verifyWith(std::span<const char> pin);

// Overwrites a buffer that held a PIN (the compiler may not drop the writes).
void wipe(Bytes& bytes);

// The card's answer: data then SW1 SW2.
struct Response {
    Bytes data;
    std::uint16_t sw = 0;
    bool ok() const { return sw == 0x9000; }
};

// Splits an answer; an answer shorter than its status word is malformed (CardError).
Response parseResponse(const Bytes& raw);

} // namespace madoguchi::card
