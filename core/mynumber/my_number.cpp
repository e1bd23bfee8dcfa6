#include "core/mynumber/my_number.hpp"

#include "core/common/errors.hpp"

#include <algorithm>
#include <openssl/crypto.h>
#include <string>

namespace madoguchi::mynumber {

namespace {

bool allDigits(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The normalized copy is the whole number: wiped when it goes, like the PIN's buffers, so that
// no freed copy of it is left in memory (or in a core dump).
struct WipedOnExit {
    std::string& text;
    ~WipedOnExit() { OPENSSL_cleanse(text.data(), text.size()); }
};

} // namespace

int checkDigit(std::string_view first11)
{
    if (first11.size() != 11 || !allDigits(first11))
        throw ValidationError("check digit: need the first 11 digits of the number");
    // Pn counted from the right (n = 1 next to the check digit); Qn = n + 1 for n ≤ 6, n − 5 for
    // n ≥ 7; r = ΣPnQn mod 11; check digit 0 when r ≤ 1, else 11 − r (docs/rules.md, Part II).
    int sum = 0;
    for (int n = 1; n <= 11; ++n) {
        int p = first11[11 - n] - '0';
        int q = n <= 6 ? n + 1 : n - 5;
        sum += p * q;
    }
    int r = sum % 11;
    return r <= 1 ? 0 : 11 - r;
}

std::string normalize(std::string_view typed)
{
    std::string out;
    out.reserve(typed.size()); // no reallocation, so no unwiped copy left behind
    for (std::size_t i = 0; i < typed.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(typed[i]);
        if (c == ' ' || c == '-' || c == '\t')
            continue;
        // Full-width digits ０–９ are EF BC 90–99 in UTF-8; the ideographic space is E3 80 80 and
        // the full-width hyphen-minus EF BC 8D: what a Japanese input method types.
        if (c == 0xEF && i + 2 < typed.size() && static_cast<unsigned char>(typed[i + 1]) == 0xBC) {
            unsigned char d = static_cast<unsigned char>(typed[i + 2]);
            if (d >= 0x90 && d <= 0x99) {
                out += static_cast<char>('0' + (d - 0x90));
                i += 2;
                continue;
            }
            if (d == 0x8D) {
                i += 2;
                continue;
            }
        }
        if (c == 0xE3 && i + 2 < typed.size() && static_cast<unsigned char>(typed[i + 1]) == 0x80 &&
            static_cast<unsigned char>(typed[i + 2]) == 0x80) {
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

void validate(std::string_view typed)
{
    std::string n = normalize(typed);
    WipedOnExit wiped{n};
    // Never echo the number itself in a message: messages end up in logs.
    if (!allDigits(n))
        throw ValidationError(
            "個人番号に数字以外の文字があります / the My Number contains characters other than digits");
    if (n.size() != 12)
        throw ValidationError("個人番号は12桁です（入力は" + std::to_string(n.size()) +
                              "桁） / the My Number has 12 digits (got " + std::to_string(n.size()) + ")");
    if (checkDigit(std::string_view(n).substr(0, 11)) != n[11] - '0')
        throw ValidationError(
            "個人番号の検査用数字が合いません。入力を確かめてください / the My Number's check digit does not match: "
            "check the number");
}

bool isValid(std::string_view typed) noexcept
{
    try {
        validate(typed);
        return true;
    } catch (...) {
        return false;
    }
}

std::string mask(std::string_view typed)
{
    std::string n = normalize(typed);
    WipedOnExit wiped{n};
    if (n.size() == 12 && allDigits(n))
        return "**** **** " + n.substr(8);
    return "**** **** ****";
}

} // namespace madoguchi::mynumber
