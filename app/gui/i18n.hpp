#pragma once
// Loads the gettext catalogs (po/*.po compiled by the build) through wxTranslations.
#include "app/gui/presenters/translate.hpp"

#include <string>

namespace madoguchi::gui {

// `setting`: auto | ja | en. auto picks Japanese on a Japanese system locale, English otherwise.
UiLanguage applyLanguage(const std::string& setting);

} // namespace madoguchi::gui
