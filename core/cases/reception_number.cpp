#include "core/cases/reception_number.hpp"

#include "core/common/errors.hpp"
#include "core/text/search_fold.hpp"

#include <cctype>
#include <cstdio>

namespace madoguchi {

std::string formatReceptionNumber(const std::string& series, int sequence)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s-%03d", series.c_str(), sequence);
    return buf;
}

std::optional<ReceptionNumber> parseReceptionNumber(const std::string& text)
{
    std::string t = normalizeWidth(trimmed(text));
    auto dash = t.find('-');
    if (dash == std::string::npos || dash == 0 || dash + 1 >= t.size() || dash > 4)
        return std::nullopt;
    std::string series = t.substr(0, dash);
    for (char c : series)
        if (!std::isalpha(static_cast<unsigned char>(c)))
            return std::nullopt;
    std::string digits = t.substr(dash + 1);
    if (digits.size() > 6)
        return std::nullopt;
    for (char c : digits)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
    for (char& c : series)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return ReceptionNumber{series, std::stoi(digits)};
}

std::string checkOfficeCode(const std::string& code)
{
    std::string c = trimmed(code);
    bool ok = !c.empty() && c.size() <= 32;
    for (char ch : c)
        ok = ok && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_');
    if (!ok)
        throw ValidationError("office code \"" + code +
                              "\": 1-32 letters, digits, '-' or '_' (e.g. main, kodaira-east)");
    return c;
}

} // namespace madoguchi
