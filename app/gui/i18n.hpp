#pragma once
// Loads the gettext catalogs (po/*.po compiled by the build) through wxTranslations.
#include "app/gui/presenters/translate.hpp"
#include "core/security/roles.hpp"

#include <string>
#include <wx/string.h>

namespace madoguchi::gui {

// `setting`: auto | ja | en. auto picks Japanese on a Japanese system locale, English otherwise.
UiLanguage applyLanguage(const std::string& setting);

// A role as the window names it: 窓口職員, 係長, 管理者.
wxString roleName(Role r);

} // namespace madoguchi::gui
