#pragma once
#include <optional>
#include <string_view>

namespace madoguchi::reports {

// The language a resident's handout is printed in (Japanese first; English on request).
enum class Language { Ja, En };

std::optional<Language> languageFromId(std::string_view id); // "ja", "en"
Language parseLanguage(std::string_view id);                 // throws ValidationError

} // namespace madoguchi::reports
