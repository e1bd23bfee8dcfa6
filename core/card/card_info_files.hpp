#pragma once
// The card-info input support AP's two files (docs/rules.md, Part II, after jpki/myna's
// libmyna/text_ap.go): EF 00 01 = FF 10 0C + the 12 digits of the My Number; EF 00 02 = FF 20 {
// DF 21 offsets, DF 22 name, DF 23 address, DF 24 birth YYYYMMDD, DF 25 sex (ISO 5218) }.
// Malformed contents throw CardError(MalformedData) naming the field, never the data.
#include "core/card/ber_tlv.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace madoguchi::card {

struct BasicFacts {
    std::string name;    // UTF-8 as on the card (氏名)
    std::string address; // UTF-8 (住所)
    std::string birth;   // ISO YYYY-MM-DD (生年月日)
    std::string sex;     // "male", "female", "not-applicable", "unknown" (ISO 5218 0/1/2/9)
};

// How many bytes EF 00 02 holds, from its first bytes (the outer FF 20 header); nullopt when the
// bytes are not that header.
std::optional<std::size_t> basicFactsFileSize(std::span<const std::uint8_t> firstBytes);
BasicFacts parseBasicFactsFile(std::span<const std::uint8_t> file);

// The 12 digits. The caller masks them (mynumber::mask) and wipes the string: they are never kept.
std::string parseMyNumberFile(std::span<const std::uint8_t> file);

} // namespace madoguchi::card
