#include "core/text/text_field.hpp"

#include "core/common/errors.hpp"

#include <cstdio>
#include <string>
#include <unicode/utf8.h>

namespace madoguchi {

namespace {

std::string codePointName(char32_t c)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

} // namespace

bool isRefusedCodePoint(char32_t c, TextShape shape)
{
    if (c == U'\n' || c == U'\t')
        return shape == TextShape::Line;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) // C0, DEL, C1 (0x9B is CSI, the start of an escape)
        return true;
    // Bidirectional formatting (Unicode Standard Annex #9, "Explicit Directional Formatting
    // Characters" and the implicit marks).
    if (c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        return true;
    if (c == 0x2028 || c == 0x2029) // LINE / PARAGRAPH SEPARATOR
        return shape == TextShape::Line;
    return false;
}

void checkTextField(std::string_view field, std::string_view value, TextShape shape)
{
    checkTextField(field, value, shape, shape == TextShape::Line ? kLineMaxChars : kLinesMaxChars);
}

void checkTextField(std::string_view field, std::string_view value, TextShape shape, std::size_t maxChars)
{
    const auto* s = reinterpret_cast<const uint8_t*>(value.data());
    const auto length = static_cast<int32_t>(value.size());
    if (value.size() > static_cast<std::size_t>(INT32_MAX) / 2)
        throw ValidationError(std::string(field) + ": longer than " + std::to_string(maxChars) + " characters");
    int32_t i = 0;
    std::size_t chars = 0;
    while (i < length) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, length, c); // ICU: negative for an ill-formed sequence (overlong, surrogate, cut)
        if (c < 0)
            throw ValidationError(std::string(field) + ": not valid UTF-8 (byte " + std::to_string(at + 1) +
                                  "); give the text in UTF-8");
        ++chars;
        if (isRefusedCodePoint(static_cast<char32_t>(c), shape))
            throw ValidationError(std::string(field) + ": holds a control character (" +
                                  codePointName(static_cast<char32_t>(c)) + ", character " + std::to_string(chars) +
                                  "), which a text may not contain");
        if (chars > maxChars)
            throw ValidationError(std::string(field) + ": longer than " + std::to_string(maxChars) + " characters");
    }
}

} // namespace madoguchi
