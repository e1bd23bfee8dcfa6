#include "app/gui/app_settings.hpp"

#include "app/gui/wx_text.hpp"
#include "core/text/search_fold.hpp"
#include "db/case_store.hpp"

#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/stdpaths.h>

namespace madoguchi::gui {

std::string settingsFilePath()
{
    // XDG layout: ~/.config/madoguchi/settings.ini rather than wx's traditional ~/.madoguchi.
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    wxFileName f(wxStandardPaths::Get().GetUserConfigDir(), "settings.ini");
    f.AppendDir("madoguchi");
    return utf8(f.GetFullPath());
}

void openSettingsFile()
{
    wxFileName f(u8(settingsFilePath()));
    f.Mkdir(0700, wxPATH_MKDIR_FULL);
    auto* config =
        new wxFileConfig("madoguchi", wxEmptyString, f.GetFullPath(), wxEmptyString, wxCONFIG_USE_LOCAL_FILE);
    delete wxConfigBase::Set(config);
}

AppSettings loadSettings()
{
    AppSettings s;
    wxConfigBase* c = wxConfigBase::Get();
    s.language = utf8(c->Read("/Settings/Language", u8(s.language)));
    s.window = utf8(c->Read("/Settings/Window", u8(s.window)));
    s.waitWarningMinutes = c->ReadLong("/Settings/WaitWarningMinutes", s.waitWarningMinutes);
    s.database = utf8(c->Read("/Settings/Database", u8(s.database)));
    s.office = utf8(c->Read("/Settings/Office", u8(s.office)));
    s.hallDisplay = utf8(c->Read("/Settings/HallDisplay", u8(s.hallDisplay)));
    s.idleLockMinutes = static_cast<int>(c->ReadLong("/Settings/IdleLockMinutes", s.idleLockMinutes));
    s.openHandout = c->ReadBool("/Settings/OpenHandout", s.openHandout);
    return s;
}

std::string chosenDatabase(const std::string& commandLine, const AppSettings& settings)
{
    if (!commandLine.empty())
        return commandLine;
    if (!trimmed(settings.database).empty())
        return trimmed(settings.database);
    return db::defaultDatabasePath().string();
}

void saveSettings(const AppSettings& s)
{
    wxConfigBase* c = wxConfigBase::Get();
    c->Write("/Settings/Language", u8(s.language));
    c->Write("/Settings/Window", u8(s.window));
    c->Write("/Settings/WaitWarningMinutes", s.waitWarningMinutes);
    c->Write("/Settings/Database", u8(s.database));
    c->Write("/Settings/Office", u8(s.office));
    c->Write("/Settings/HallDisplay", u8(s.hallDisplay));
    c->Write("/Settings/IdleLockMinutes", s.idleLockMinutes);
    c->Write("/Settings/OpenHandout", s.openHandout);
    c->Flush();
}

} // namespace madoguchi::gui
