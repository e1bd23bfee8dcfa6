#include "core/card/apdu.hpp"

#include "core/card/card_error.hpp"

#include <openssl/crypto.h>

namespace madoguchi::card {

std::string toHex(const Bytes& bytes)
{
    static const char digits[] = "0123456789ABCDEF";
    std::string s;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i)
            s += ' ';
        s += digits[bytes[i] >> 4];
        s += digits[bytes[i] & 0x0F];
    }
    return s;
}

Bytes selectApplication(const Aid& aid)
{
    Bytes b{0x00, 0xA4, 0x04, 0x0C, static_cast<std::uint8_t>(aid.size())};
    b.insert(b.end(), aid.begin(), aid.end());
    return b;
}

Bytes selectFile(std::uint16_t fid)
{
    return {0x00, 0xA4, 0x02, 0x0C, 0x02, static_cast<std::uint8_t>(fid >> 8), static_cast<std::uint8_t>(fid)};
}

Bytes readBinary(std::uint16_t offset, std::uint8_t le)
{
    return {0x00, 0xB0, static_cast<std::uint8_t>(offset >> 8), static_cast<std::uint8_t>(offset), le};
}

Bytes verifyEmpty()
{
    return {0x00, 0x20, 0x00, 0x80};
}

Bytes verifyWith(std::span<const char> pin)
{
    Bytes b;
    b.reserve(5 + pin.size()); // no reallocation: no stray copy of the PIN left on the heap
    b.insert(b.end(), {0x00, 0x20, 0x00, 0x80, static_cast<std::uint8_t>(pin.size())});
    for (char c : pin)
        b.push_back(static_cast<std::uint8_t>(c));
    return b;
}

void wipe(Bytes& bytes)
{
    if (!bytes.empty())
        OPENSSL_cleanse(bytes.data(), bytes.size());
    bytes.clear();
}

Response parseResponse(const Bytes& raw)
{
    if (raw.size() < 2)
        throw CardError(CardErrorKind::MalformedData,
                        "カードの応答が短すぎます（" + std::to_string(raw.size()) + "バイト）",
                        "the card's answer is shorter than a status word (" + std::to_string(raw.size()) + " bytes)");
    Response r;
    r.data.assign(raw.begin(), raw.end() - 2);
    r.sw = static_cast<std::uint16_t>(raw[raw.size() - 2] << 8 | raw[raw.size() - 1]);
    return r;
}

} // namespace madoguchi::card
