// madoguchi: the counter window.
#include "app/common/current_user.hpp"
#include "app/gui/app_settings.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/main_frame.hpp"
#include "app/gui/presenters/error_text.hpp"
#include "app/gui/wx_text.hpp"
#include "db/case_store.hpp"

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/msgdlg.h>

#include <cstdio>

namespace madoguchi::gui {

class MadoguchiApp : public wxApp {
public:
    bool OnInit() override
    {
        SetAppName("madoguchi");
        wxCmdLineParser parser(argc, argv);
        parser.AddOption("", "db", "database: a SQLite file or postgresql://...");
        // Until the login of the users issue exists, the role is said at start; a clerk by default.
        parser.AddOption("", "role", "clerk | supervisor | admin");
        parser.AddSwitch("", "version", "print the version");
        if (parser.Parse() != 0)
            return false;
        if (parser.Found("version")) {
            std::printf("madoguchi %s\n", MADOGUCHI_VERSION);
            return false;
        }
        openSettingsFile();
        AppSettings settings = loadSettings();
        applyLanguage(settings.language);

        wxString url, role;
        std::string dbUrl = parser.Found("db", &url) ? utf8(url) : db::defaultDatabasePath().string();
        UserRole userRole = UserRole::Clerk;
        if (parser.Found("role", &role))
            userRole = role == "supervisor" ? UserRole::Supervisor : role == "admin" ? UserRole::Admin : UserRole::Clerk;
        try {
            store_ = db::openStore(dbUrl);
        } catch (const std::exception& e) {
            ErrorText t = explain(e, utf8(_("Opening the case book")));
            wxMessageBox(u8(t.what + "\n" + t.todo + "\n\n" + t.detail), _("Madoguchi"), wxOK | wxICON_ERROR);
            return false;
        }
        auto* frame = new MainFrame(*store_, settings, app::currentOsUser(), userRole);
        frame->Show();
        return true;
    }

private:
    std::unique_ptr<db::CaseStore> store_;
};

} // namespace madoguchi::gui

wxIMPLEMENT_APP(madoguchi::gui::MadoguchiApp);
