#include "core/card/token_info.hpp"

namespace madoguchi::card {

const char* cardTypeId(CardType type)
{
    switch (type) {
    case CardType::MyNumberCard:
        return "my-number-card";
    case CardType::JukiCard:
        return "juki-card";
    case CardType::Smartphone:
        return "smartphone";
    case CardType::Other:
        return "other";
    }
    return "other";
}

TokenInfo identifyToken(std::span<const std::uint8_t> tokenInfo)
{
    std::string s;
    for (std::uint8_t c : tokenInfo) {
        if (c == 0x00)
            break;
        if (c < 0x20 || c > 0x7E)
            return {}; // not text: not a token we know
        s += static_cast<char>(c);
    }
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    while (!s.empty() && s.front() == ' ')
        s.erase(s.begin());
    TokenInfo t{CardType::Other, s};
    if (s == "JPKIAPICCTOKEN2")
        t.type = CardType::MyNumberCard;
    else if (s == "JPKIAPICCTOKEN")
        t.type = CardType::JukiCard;
    else if (s == "JPKIAPGPSETOKEN" || s == "JPKIAPIOSTOKEN")
        t.type = CardType::Smartphone;
    return t;
}

} // namespace madoguchi::card
