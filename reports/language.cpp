#include "reports/language.hpp"

#include "core/common/errors.hpp"

#include <string>

namespace madoguchi::reports {

std::optional<Language> languageFromId(std::string_view id)
{
    if (id == "ja")
        return Language::Ja;
    if (id == "en")
        return Language::En;
    return std::nullopt;
}

Language parseLanguage(std::string_view id)
{
    if (auto l = languageFromId(id))
        return *l;
    throw ValidationError("--lang: \"" + std::string(id) + "\" is not a language (ja, en)");
}

} // namespace madoguchi::reports
