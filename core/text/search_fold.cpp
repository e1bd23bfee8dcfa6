#include "core/text/search_fold.hpp"

#include "core/text/variant_fold.hpp"

#include <memory>
#include <mutex>
#include <stdexcept>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

namespace madoguchi {

namespace {

// Creating an ICU transliterator parses its rules: expensive, so each thread keeps one.
// (Transliterator::transliterate is not documented as thread-safe on a shared instance.)
icu::Transliterator& searchFolder()
{
    thread_local std::unique_ptr<icu::Transliterator> folder = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "NFKC; Katakana-Hiragana; Lower; [:White_Space:] Remove", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !t)
            throw std::runtime_error(std::string("ICU transliterator unavailable: ") + u_errorName(status));
        return t;
    }();
    return *folder;
}

std::string toUtf8(const icu::UnicodeString& s)
{
    std::string out;
    s.toUTF8String(out);
    return out;
}

} // namespace

std::string foldForSearch(std::string_view text)
{
    icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    searchFolder().transliterate(s);
    // After NFKC: a compatibility ideograph NFKC maps to its unified form (U+F91F → 苣) is then
    // looked up as that form.
    return foldVariants(toUtf8(s));
}

std::string searchFoldId()
{
    // "2": the ICU rules above; bump it when they change.
    return "2/" + std::string(variantTableId());
}

std::string normalizeWidth(std::string_view text)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status))
        throw std::runtime_error("ICU NFKC normalizer unavailable");
    icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::UnicodeString out = nfkc->normalize(s, status);
    return toUtf8(out);
}

std::string spacedCharacters(std::string_view folded)
{
    icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(folded.data(), static_cast<int32_t>(folded.size())));
    std::string out;
    out.reserve(folded.size() * 2);
    for (int32_t i = 0; i < s.length();) {
        UChar32 c = s.char32At(i);
        if (!out.empty())
            out += ' ';
        icu::UnicodeString one(c);
        one.toUTF8String(out);
        i += U16_LENGTH(c);
    }
    return out;
}

std::size_t codePointCount(std::string_view text)
{
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

std::string trimmed(std::string_view text)
{
    icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    int32_t begin = 0, end = s.length();
    while (begin < end && u_isUWhiteSpace(s.char32At(begin)))
        begin += U16_LENGTH(s.char32At(begin));
    while (end > begin && u_isUWhiteSpace(s.char32At(end - 1)))
        --end;
    return toUtf8(s.tempSubStringBetween(begin, end));
}

bool isKanaText(std::string_view text)
{
    icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    for (int32_t i = 0; i < s.length();) {
        UChar32 c = s.char32At(i);
        i += U16_LENGTH(c);
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(c, &status);
        bool kana = script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
        // ー (U+30FC), ･/・ and the voiced marks are script "Common" in Unicode.
        bool allowedCommon = c == 0x30FC || c == 0xFF70 || c == 0x30FB || c == 0xFF65 || c == 0x309B || c == 0x309C ||
                             c == 0xFF9E || c == 0xFF9F || u_isUWhiteSpace(c);
        if (!kana && !allowedCommon)
            return false;
    }
    return true;
}

} // namespace madoguchi
