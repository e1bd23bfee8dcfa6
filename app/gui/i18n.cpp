#include "app/gui/i18n.hpp"

#include "app/gui/wx_text.hpp"

#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

namespace madoguchi::gui {

UiLanguage applyLanguage(const std::string& setting)
{
    wxUILocale::UseDefault();
    bool japanese = setting == "ja";
    if (setting == "auto") {
        const wxLanguageInfo* sys = wxUILocale::GetLanguageInfo(wxUILocale::GetSystemLanguage());
        japanese = sys && sys->CanonicalName.StartsWith("ja");
    }
    // The build tree's catalogs first (a build runs without installing), then the installed ones.
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(MADOGUCHI_BUILD_LOCALE_DIR);
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(MADOGUCHI_INSTALLED_LOCALE_DIR);
    auto* t = new wxTranslations;
    wxTranslations::Set(t);
    t->SetLanguage(japanese ? wxLANGUAGE_JAPANESE : wxLANGUAGE_ENGLISH_US);
    t->AddStdCatalog();
    t->AddCatalog("madoguchi", wxLANGUAGE_ENGLISH_US);
    UiLanguage lang = japanese ? UiLanguage::Japanese : UiLanguage::English;
    setUiLanguage(lang);
    setTranslator([](const char* msgid) { return utf8(wxGetTranslation(wxString::FromUTF8(msgid))); });
    return lang;
}

wxString roleName(Role r)
{
    switch (r) {
    case Role::Clerk:
        return _("clerk");
    case Role::Supervisor:
        return _("supervisor");
    case Role::Admin:
        return _("administrator");
    }
    return {};
}

} // namespace madoguchi::gui
