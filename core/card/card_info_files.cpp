#include "core/card/card_info_files.hpp"

#include "core/card/card_error.hpp"

#include <algorithm>

namespace madoguchi::card {

namespace {

constexpr std::uint32_t kMyNumberTag = 0xFF10;
constexpr std::uint32_t kBasicFactsTag = 0xFF20;
constexpr std::uint32_t kHeaderTag = 0xDF21;
constexpr std::uint32_t kNameTag = 0xDF22;
constexpr std::uint32_t kAddressTag = 0xDF23;
constexpr std::uint32_t kBirthTag = 0xDF24;
constexpr std::uint32_t kSexTag = 0xDF25;

[[noreturn]] void malformed(const std::string& japanese, const std::string& english)
{
    throw CardError(CardErrorKind::MalformedData, "券面事項のデータが壊れています：" + japanese,
                    "the card-info data is malformed: " + english);
}

bool allDigits(std::span<const std::uint8_t> v)
{
    return std::all_of(v.begin(), v.end(), [](std::uint8_t c) { return c >= '0' && c <= '9'; });
}

// UTF-8 well-formedness (no overlongs, no surrogates): the text goes into JSON and the window.
bool validUtf8(std::span<const std::uint8_t> s)
{
    for (std::size_t i = 0; i < s.size();) {
        std::uint8_t c = s[i];
        std::size_t n; // continuation bytes
        if (c < 0x80)
            n = 0;
        else if (c >= 0xC2 && c <= 0xDF)
            n = 1;
        else if ((c & 0xF0) == 0xE0)
            n = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 3;
        else
            return false;
        if (n > s.size() - i - 1)
            return false;
        std::uint32_t cp = n == 0 ? c : c & (0x3F >> n);
        for (std::size_t k = 1; k <= n; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

std::string text(const Tlv& t, const char* ja, const char* en)
{
    if (!validUtf8(t.value))
        malformed(std::string(ja) + "の文字コードが不正です", std::string(en) + " is not valid UTF-8");
    std::string s(t.value.begin(), t.value.end());
    // Fixed-size fields may be padded with spaces or NULs.
    while (!s.empty() && (s.back() == ' ' || s.back() == '\0'))
        s.pop_back();
    return s;
}

} // namespace

std::optional<std::size_t> basicFactsFileSize(std::span<const std::uint8_t> firstBytes)
{
    auto h = parseTlvHeader(firstBytes);
    if (!h || h->tag != kBasicFactsTag)
        return std::nullopt;
    return h->headerSize + h->valueLength;
}

BasicFacts parseBasicFactsFile(std::span<const std::uint8_t> file)
{
    auto outer = parseTlv(file);
    if (!outer || outer->tag != kBasicFactsTag)
        malformed("基本4情報の外側の要素（FF 20）がありません", "no outer FF 20 element");
    BasicFacts f;
    bool name = false, address = false, birth = false, sex = false;
    auto rest = outer->value;
    while (!rest.empty()) {
        auto t = parseTlv(rest);
        if (!t)
            malformed("要素の長さが範囲外です", "an element runs past the end of the file");
        switch (t->tag) {
        case kHeaderTag:
            break; // offsets of the four fields: the TLV walk finds them without
        case kNameTag:
            f.name = text(*t, "氏名", "the name");
            name = true;
            break;
        case kAddressTag:
            f.address = text(*t, "住所", "the address");
            address = true;
            break;
        case kBirthTag: {
            auto v = t->value;
            if (v.size() != 8 || !allDigits(v))
                malformed("生年月日が YYYYMMDD ではありません", "the birth date is not YYYYMMDD");
            int month = (v[4] - '0') * 10 + (v[5] - '0');
            int day = (v[6] - '0') * 10 + (v[7] - '0');
            if (month < 1 || month > 12 || day < 1 || day > 31)
                malformed("生年月日が日付ではありません", "the birth date is not a date");
            f.birth = std::string(v.begin(), v.begin() + 4) + '-' + std::string(v.begin() + 4, v.begin() + 6) + '-' +
                      std::string(v.begin() + 6, v.end());
            birth = true;
            break;
        }
        case kSexTag: {
            if (t->value.size() != 1)
                malformed("性別の長さが1ではありません", "the sex field is not one digit");
            switch (t->value[0]) {
            case '0':
                f.sex = "unknown";
                break;
            case '1':
                f.sex = "male";
                break;
            case '2':
                f.sex = "female";
                break;
            case '9':
                f.sex = "not-applicable";
                break;
            default:
                malformed("性別が ISO 5218 の値ではありません", "the sex is not an ISO 5218 code");
            }
            sex = true;
            break;
        }
        default:
            break; // fields added by later card versions
        }
        rest = rest.subspan(t->size());
    }
    if (!name || !address || !birth || !sex)
        malformed("基本4情報の一部がありません", "one of name, address, birth date and sex is missing");
    return f;
}

std::string parseMyNumberFile(std::span<const std::uint8_t> file)
{
    auto t = parseTlv(file);
    if (!t || t->tag != kMyNumberTag)
        malformed("個人番号の要素（FF 10）がありません", "no FF 10 element for the My Number");
    if (t->value.size() != 12 || !allDigits(t->value))
        malformed("個人番号が12桁の数字ではありません", "the My Number is not 12 digits");
    return std::string(t->value.begin(), t->value.end());
}

} // namespace madoguchi::card
