// UTF-8 or Shift_JIS (CP932), told apart and converted with ICU (japanese_encoding.hpp).
#include "core/text/japanese_encoding.hpp"

#include "core/common/errors.hpp"

#include <memory>
#include <optional>
#include <stdexcept>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unistr.h>

namespace madoguchi {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// ICU's name for the Shift_JIS Windows writes (with the NEC and IBM extensions: ①, ㈱, 髙).
constexpr const char* kCp932 = "windows-31j";

Converter strictConverter(TextEncoding e)
{
    UErrorCode status = U_ZERO_ERROR;
    Converter c(ucnv_open(e == TextEncoding::ShiftJis ? kCp932 : "UTF-8", &status));
    if (U_FAILURE(status) || !c)
        throw std::runtime_error(std::string("ICU converter unavailable: ") + u_errorName(status));
    // Stop at the first byte sequence that is no character, instead of substituting U+FFFD.
    ucnv_setToUCallBack(c.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    ucnv_setFromUCallBack(c.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU converter setup failed: ") + u_errorName(status));
    return c;
}

// The line in UTF-8, or none with the byte offset of the first bad sequence in `at`.
std::optional<std::string> convertLine(UConverter* c, std::string_view bytes, std::size_t& at)
{
    ucnv_reset(c);
    icu::UnicodeString out;
    std::vector<UChar> buffer(bytes.size() + 16);
    const char* source = bytes.data();
    const char* end = bytes.data() + bytes.size();
    for (;;) {
        UChar* target = buffer.data();
        UErrorCode status = U_ZERO_ERROR;
        ucnv_toUnicode(c, &target, buffer.data() + buffer.size(), &source, end, nullptr, true, &status);
        out.append(buffer.data(), static_cast<int32_t>(target - buffer.data()));
        if (status == U_BUFFER_OVERFLOW_ERROR)
            continue;
        if (U_FAILURE(status)) {
            char bad[8];
            int8_t length = sizeof bad;
            UErrorCode ignored = U_ZERO_ERROR;
            ucnv_getInvalidChars(c, bad, &length, &ignored);
            at = static_cast<std::size_t>(source - bytes.data()) - (U_SUCCESS(ignored) ? length : 0);
            return std::nullopt;
        }
        break;
    }
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
}

struct RawLine {
    int number;
    std::string_view bytes;
};

std::vector<RawLine> splitLines(std::string_view bytes)
{
    std::vector<RawLine> lines;
    int number = 0;
    std::size_t from = 0;
    while (from < bytes.size()) {
        auto lf = bytes.find('\n', from);
        std::size_t end = lf == std::string_view::npos ? bytes.size() : lf;
        std::string_view line = bytes.substr(from, end - from);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back({++number, line});
        if (lf == std::string_view::npos)
            break;
        from = lf + 1;
    }
    return lines;
}

DecodedText decodeAs(const std::vector<RawLine>& raw, TextEncoding e)
{
    DecodedText out;
    out.encoding = e;
    Converter c = strictConverter(e);
    for (const auto& line : raw) {
        std::size_t at = 0;
        if (auto text = convertLine(c.get(), line.bytes, at))
            out.lines.push_back({line.number, std::move(*text)});
        else
            out.faults.emplace_back(line.number, "line " + std::to_string(line.number) + ": not valid " +
                                                     std::string(encodingName(e)) + " at byte " +
                                                     std::to_string(at + 1));
    }
    return out;
}

} // namespace

std::string_view encodingName(TextEncoding e)
{
    switch (e) {
    case TextEncoding::Utf8:
        return "UTF-8";
    case TextEncoding::Utf8WithBom:
        return "UTF-8 (BOM)";
    case TextEncoding::ShiftJis:
        return "Shift_JIS (CP932)";
    }
    return "UTF-8";
}

DecodedText decodeJapaneseText(std::string_view bytes, TextEncoding forced)
{
    bool bom = bytes.substr(0, kBom.size()) == kBom;
    if (bom && forced != TextEncoding::ShiftJis)
        bytes.remove_prefix(kBom.size());
    DecodedText out = decodeAs(splitLines(bytes), forced == TextEncoding::ShiftJis ? forced : TextEncoding::Utf8);
    if (forced != TextEncoding::ShiftJis)
        out.encoding = bom ? TextEncoding::Utf8WithBom : TextEncoding::Utf8;
    return out;
}

DecodedText decodeJapaneseText(std::string_view bytes)
{
    if (bytes.substr(0, kBom.size()) == kBom)
        return decodeJapaneseText(bytes, TextEncoding::Utf8WithBom);
    auto raw = splitLines(bytes);
    DecodedText utf8 = decodeAs(raw, TextEncoding::Utf8);
    if (utf8.faults.empty())
        return utf8;
    DecodedText sjis = decodeAs(raw, TextEncoding::ShiftJis);
    // Japanese text in CP932 is almost never valid UTF-8, and the reverse: the encoding under
    // which fewer lines fail is the file's, and its failing lines are broken lines.
    return sjis.faults.size() <= utf8.faults.size() ? sjis : utf8;
}

std::string toShiftJis(std::string_view utf8)
{
    Converter c = strictConverter(TextEncoding::ShiftJis);
    icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::string out(static_cast<std::size_t>(s.length()) * 2 + 16, '\0');
    UErrorCode status = U_ZERO_ERROR;
    int32_t n =
        ucnv_fromUChars(c.get(), out.data(), static_cast<int32_t>(out.size()), s.getBuffer(), s.length(), &status);
    if (U_FAILURE(status))
        throw ValidationError("the text has a character Shift_JIS (CP932) cannot hold");
    out.resize(static_cast<std::size_t>(n));
    return out;
}

} // namespace madoguchi
