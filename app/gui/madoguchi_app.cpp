// madoguchi: the counter window.
#include "app/common/current_user.hpp"
#include "app/common/process_hardening.hpp"
#include "app/common/version_info.hpp"
#include "app/gui/app_settings.hpp"
#include "app/gui/desk_session.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/main_frame.hpp"
#include "app/gui/presenters/error_text.hpp"
#include "app/gui/wx_text.hpp"
#include "core/common/data_paths.hpp"
#include "core/rules/rule_book.hpp"
#include "db/case_store.hpp"

#include <cstdio>
#include <cstring>
#include <optional>
#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/msgdlg.h>
#include <wx/version.h>

namespace madoguchi::gui {

class MadoguchiApp : public wxApp {
public:
    bool OnInit() override
    {
        SetAppName("madoguchi");
        wxCmdLineParser parser(argc, argv);
        parser.AddOption("", "db", "database: a SQLite file or postgresql://... (default: the settings' case book)");
        parser.AddOption("", "lock-after", "idle lock after this many seconds (default: the settings' minutes, 3)",
                         wxCMD_LINE_VAL_NUMBER);
        parser.AddSwitch("", "version", "print the version");
        if (parser.Parse() != 0)
            return false;
        openSettingsFile();
        AppSettings settings = loadSettings();
        applyLanguage(settings.language);

        wxString url;
        parser.Found("db", &url);
        try {
            db::StoreOptions options;
            options.office = settings.office;
            options.desk = app::currentDesk();
            store_ = db::openStore(chosenDatabase(utf8(url), settings), options);
        } catch (const std::exception& e) {
            ErrorText t = explain(e, utf8(_("Opening the case book")));
            wxMessageBox(u8(t.what + "\n" + t.todo + "\n\n" + t.detail), _("Madoguchi"), wxOK | wxICON_ERROR);
            return false;
        }
        // The counter still works without the rule book: cases can be taken, documents typed.
        std::optional<ErrorText> rulesProblem;
        try {
            // The national data and the office's own file (~/.config/madoguchi/office.json).
            rules_ = rules::RuleBook::load(dataDirectory() / "rules", defaultOfficeFileIfAny());
        } catch (const std::exception& e) {
            rulesProblem = explain(e, utf8(_("Reading the rule book")));
        }
        long seconds = 60L * settings.idleLockMinutes;
        parser.Found("lock-after", &seconds);
        session_ =
            openDesk(*store_, settings, rules_ ? &*rules_ : nullptr, std::chrono::seconds(std::max(1L, seconds)));
        if (!session_.frame)
            return false; // nobody logged in
        if (rulesProblem)
            wxMessageBox(u8(rulesProblem->what + "\n" + rulesProblem->todo + "\n\n" + rulesProblem->detail),
                         _("Madoguchi"), wxOK | wxICON_WARNING, session_.frame);
        return true;
    }

    int OnExit() override
    {
        session_.idleLock.reset();
        return wxApp::OnExit();
    }

private:
    std::unique_ptr<db::CaseStore> store_;
    std::optional<rules::RuleBook> rules_;
    DeskSession session_;
};

} // namespace madoguchi::gui

wxIMPLEMENT_APP_NO_MAIN(madoguchi::gui::MadoguchiApp);

int main(int argc, char** argv)
{
    madoguchi::app::keepSecretsOutOfCoreDumps(); // before any PIN, My Number or case is in memory
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
