#pragma once
// The presenters know nothing of wx, yet their texts must go through the same gettext catalogs as
// the window's. The window installs wxGetTranslation here at start; tests run untranslated
// (English msgids) or install their own.
#include <functional>
#include <string>
#include <string_view>

namespace madoguchi::gui {

enum class UiLanguage { Japanese, English };

void setTranslator(std::function<std::string(const char*)> translate);
// Marked for xgettext with --keyword=tr.
std::string tr(const char* msgid);

// Which of the domain's two names (nameJa/nameEn) the window shows.
void setUiLanguage(UiLanguage language);
UiLanguage uiLanguage();

// "%1 minutes": replaces %1, %2... in order; a translated text may move the placeholders.
std::string fill(std::string text, std::initializer_list<std::string_view> values);

} // namespace madoguchi::gui
