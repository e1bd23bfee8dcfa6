#include "core/card/ber_tlv.hpp"

namespace madoguchi::card {

std::optional<TlvHeader> parseTlvHeader(std::span<const std::uint8_t> bytes)
{
    std::size_t i = 0;
    if (bytes.empty())
        return std::nullopt;
    std::uint32_t tag = bytes[i++];
    if ((tag & 0x1F) == 0x1F) { // more tag bytes follow, the last one with bit 8 clear
        for (int n = 0;; ++n) {
            if (i >= bytes.size() || n == 2)
                return std::nullopt;
            std::uint8_t b = bytes[i++];
            tag = tag << 8 | b;
            if (!(b & 0x80))
                break;
        }
    }
    if (i >= bytes.size())
        return std::nullopt;
    std::size_t length = bytes[i++];
    if (length == 0x81 || length == 0x82) {
        std::size_t count = length & 0x7F;
        if (bytes.size() - i < count)
            return std::nullopt;
        length = 0;
        for (std::size_t k = 0; k < count; ++k)
            length = length << 8 | bytes[i++];
    } else if (length & 0x80) {
        return std::nullopt; // indefinite or over 65535: never on this card
    }
    return TlvHeader{tag, i, length};
}

std::optional<Tlv> parseTlv(std::span<const std::uint8_t> bytes)
{
    auto h = parseTlvHeader(bytes);
    if (!h || bytes.size() - h->headerSize < h->valueLength)
        return std::nullopt;
    return Tlv{h->tag, bytes.subspan(h->headerSize, h->valueLength), h->headerSize};
}

} // namespace madoguchi::card
