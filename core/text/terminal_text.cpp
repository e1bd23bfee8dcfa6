#include "core/text/terminal_text.hpp"

#include "core/text/text_field.hpp"

#include <cstdio>
#include <unicode/utf8.h>

namespace madoguchi {

std::string escapeForTerminal(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    char buf[16];
    while (i < length) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            for (int32_t b = at; b < i; ++b) {
                std::snprintf(buf, sizeof buf, "\\x%02x", s[b]);
                out += buf;
            }
            continue;
        }
        if (isRefusedCodePoint(static_cast<char32_t>(c), TextShape::Lines)) {
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            out += buf;
            continue;
        }
        out.append(text.data() + at, static_cast<std::size_t>(i - at));
    }
    return out;
}

} // namespace madoguchi
