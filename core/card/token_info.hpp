#pragma once
// Which card answers the JPKI AP: the token info (EF 00 06, 32 ASCII bytes, space padded; a
// 20-byte read is also seen) names it.
#include <cstdint>
#include <span>
#include <string>

namespace madoguchi::card {

enum class CardType {
    MyNumberCard, // JPKIAPICCTOKEN2
    JukiCard,     // JPKIAPICCTOKEN: the old 住民基本台帳カード
    Smartphone,   // JPKIAPGPSETOKEN / JPKIAPIOSTOKEN: certificates in a phone
    Other,        // no JPKI AP, or a token we do not know
};

const char* cardTypeId(CardType type); // "my-number-card", "juki-card", "smartphone", "other"

struct TokenInfo {
    CardType type = CardType::Other;
    std::string token; // trimmed, printable ASCII only ("" when the bytes are not text)
};

TokenInfo identifyToken(std::span<const std::uint8_t> tokenInfo);

} // namespace madoguchi::card
