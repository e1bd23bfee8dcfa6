#pragma once
// The user's settings, in the XDG config directory ($XDG_CONFIG_HOME/madoguchi/settings.ini):
// language, the window (窓口) this desk is, when a waiting resident is flagged, when the desk
// locks, and (set by an administrator) which case book and office the desk works on and where the
// hall display listens. The same file holds the window layout that wxPersistenceManager saves.
// Every setting is read here and only here; the rest of the window gets them from AppSettings.
#include <string>

namespace madoguchi::gui {

struct AppSettings {
    std::string language = "auto"; // auto (Japanese on a Japanese locale), ja, en
    std::string window = "1";
    int waitWarningMinutes = 30;
    // The case book: a SQLite file or postgresql://… (a password belongs in ~/.pgpass, not here);
    // empty: the SQLite file in the user's data directory. --db on the command line wins.
    std::string database;
    std::string office = "main"; // reception numbers are counted per office and day
    // Where this office's hall display (madoguchi-display --listen) serves its page: the settings
    // page says which address the hall's screen opens. Set by an administrator.
    std::string hallDisplay = "127.0.0.1:8080";
    int idleLockMinutes = 3; // the desk locks after this long without a key or a click
    bool openHandout = true; // a printed handout opens in the viewer (a desk without one: false)
};

// What the window opens: --db when given, else the settings' case book, else the default file.
std::string chosenDatabase(const std::string& commandLine, const AppSettings& settings);

// Points wxConfigBase at the settings file; call once before any window is made.
void openSettingsFile();
std::string settingsFilePath();
AppSettings loadSettings();
void saveSettings(const AppSettings& s);

} // namespace madoguchi::gui
