// madoguchi: the counter window.
#include "app/common/current_user.hpp"
#include "app/common/version_info.hpp"
#include "app/gui/idle_lock.hpp"
#include "app/gui/login_dialog.hpp"
#include "app/gui/app_settings.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/main_frame.hpp"
#include "app/gui/presenters/error_text.hpp"
#include "app/gui/wx_text.hpp"
#include "core/common/data_paths.hpp"
#include "core/rules/rule_book.hpp"
#include "db/case_store.hpp"

#include <wx/app.h>
#include <wx/config.h>
#include <wx/cmdline.h>
#include <wx/msgdlg.h>
#include <wx/version.h>

#include <cstdio>
#include <cstring>
#include <optional>

namespace madoguchi::gui {

class MadoguchiApp : public wxApp {
public:
    bool OnInit() override
    {
        SetAppName("madoguchi");
        wxCmdLineParser parser(argc, argv);
        parser.AddOption("", "db", "database: a SQLite file or postgresql://...");
        // Only for a case book that keeps no users (PostgreSQL for now): the role said at start.
        parser.AddOption("", "role", "clerk | supervisor | admin (case books without users)");
        parser.AddOption("", "lock-after", "idle lock after this many seconds (default: the settings' minutes, 3)",
                         wxCMD_LINE_VAL_NUMBER);
        parser.AddSwitch("", "version", "print the version");
        if (parser.Parse() != 0)
            return false;
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
        std::string user = app::currentOsUser();
        if (db::UserStore* users = store_->users()) {
            // Login first: no resident's name is on screen before someone has said who they are.
            auto actor = loginAtStart(nullptr, *users);
            if (!actor)
                return false;
            user = actor->user;
            userRole = actor->role == Role::Admin        ? UserRole::Admin
                       : actor->role == Role::Supervisor ? UserRole::Supervisor
                                                         : UserRole::Clerk;
        }
        auto* frame = new MainFrame(*store_, settings, user, userRole);
        try {
            rules_ = rules::RuleBook::load(dataDirectory() / "rules");
            frame->setRuleBook(&*rules_);
        } catch (const std::exception& e) {
            // The counter still works without the rule book: cases can be taken, documents typed.
            frame->Show();
            ErrorText t = explain(e, utf8(_("Reading the rule book")));
            wxMessageBox(u8(t.what + "\n" + t.todo + "\n\n" + t.detail), _("Madoguchi"), wxOK | wxICON_WARNING, frame);
        }
        frame->Show();
        if (db::UserStore* users = store_->users()) {
            long seconds = 60 * wxConfigBase::Get()->ReadLong("/Settings/IdleLockMinutes", 3);
            parser.Found("lock-after", &seconds);
            idleLock_ = std::make_unique<IdleLock>(*frame, *users, std::chrono::seconds(std::max(5L, seconds)));
        }
        return true;
    }

    int OnExit() override
    {
        idleLock_.reset();
        return wxApp::OnExit();
    }

private:
    std::unique_ptr<db::CaseStore> store_;
    std::optional<rules::RuleBook> rules_;
    std::unique_ptr<IdleLock> idleLock_;
};

} // namespace madoguchi::gui

wxIMPLEMENT_APP_NO_MAIN(madoguchi::gui::MadoguchiApp);

int main(int argc, char** argv)
{
    // --version is answered before GTK starts, so that it works without a display (over ssh, in
    // the install test); the switch stays in the parser above so that --help lists it.
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--version") == 0) {
            auto libraries = madoguchi::app::libraryVersions();
            // wxGetLibraryVersionInfo() needs the platform set up; the headers are the library's own.
            libraries.insert(libraries.begin(), {"wxWidgets", wxVERSION_NUM_DOT_STRING});
            std::fputs(madoguchi::app::versionText("madoguchi", libraries).c_str(), stdout);
            return 0;
        }
    return wxEntry(argc, argv);
}
