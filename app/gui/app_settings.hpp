#pragma once
// The user's settings, in the XDG config directory ($XDG_CONFIG_HOME/madoguchi/settings.ini):
// language, the window (窓口) this desk is, when a waiting resident is flagged. The same file holds
// the window layout that wxPersistenceManager saves.
#include <string>

namespace madoguchi::gui {

struct AppSettings {
    std::string language = "auto"; // auto (Japanese on a Japanese locale), ja, en
    std::string window = "1";
    int waitWarningMinutes = 30;
};

// Points wxConfigBase at the settings file; call once before any window is made.
void openSettingsFile();
std::string settingsFilePath();
AppSettings loadSettings();
void saveSettings(const AppSettings& s);

} // namespace madoguchi::gui
