#include "core/text/variant_fold.hpp"

#include <algorithm>
#include <iterator>
#include <unicode/utf8.h>

namespace madoguchi {

namespace {

struct VariantPair {
    char32_t variant, representative;
};

// Sorted by variant (the generator sorts), so a lookup is a binary search.
constexpr VariantPair kVariantPairs[] = {
#include "variant_table.inc"
};

} // namespace

char32_t representativeVariant(char32_t c)
{
    // Below U+2E80 (CJK radicals) no character has a variant in the table: the common case of
    // kana and Latin letters skips the search.
    if (c < 0x2E80)
        return c;
    auto it = std::lower_bound(std::begin(kVariantPairs), std::end(kVariantPairs), c,
                               [](const VariantPair& p, char32_t v) { return p.variant < v; });
    return it != std::end(kVariantPairs) && it->variant == c ? it->representative : c;
}

std::string foldVariants(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) { // not UTF-8 (text fields refuse it before it gets here): kept as it was
            out.append(utf8.substr(start, i - start));
            continue;
        }
        char32_t folded = representativeVariant(static_cast<char32_t>(c));
        uint8_t buffer[U8_MAX_LENGTH];
        int32_t n = 0;
        U8_APPEND_UNSAFE(buffer, n, static_cast<UChar32>(folded)); // a valid code point: the table's or c
        out.append(reinterpret_cast<const char*>(buffer), n);
    }
    return out;
}

std::string_view variantTableId()
{
    return MADOGUCHI_VARIANT_TABLE_ID;
}

} // namespace madoguchi
