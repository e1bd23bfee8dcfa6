#pragma once
// BER-TLV as the card-info AP's files use it: private-class tags of one or two bytes (FF 20,
// DF 22...), lengths in short form or 81 xx / 82 xx xx. Every read is bounds-checked: the bytes
// come from a card and may be anything (the fuzz target feeds this).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace madoguchi::card {

struct Tlv {
    std::uint32_t tag = 0;               // the tag bytes as a number: 0xFF20, 0xDF22, 0x30
    std::span<const std::uint8_t> value; // points into the parsed buffer
    std::size_t headerSize = 0;          // tag + length bytes
    std::size_t size() const { return headerSize + value.size(); }
};

// The element at the start of `bytes`, or nullopt when the header is cut short, uses a form
// not allowed here (indefinite length, tags over 3 bytes, lengths over 65535) or the value runs
// past the end.
std::optional<Tlv> parseTlv(std::span<const std::uint8_t> bytes);

// Only the header: tag and announced length, even when the value is not all there yet (to learn
// how much more to read).
struct TlvHeader {
    std::uint32_t tag = 0;
    std::size_t headerSize = 0;
    std::size_t valueLength = 0;
};
std::optional<TlvHeader> parseTlvHeader(std::span<const std::uint8_t> bytes);

} // namespace madoguchi::card
