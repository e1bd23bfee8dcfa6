// madoguchi: the counter window.
#include "app/gui/main_frame.hpp"
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
        wxCmdLineParser parser(argc, argv);
        parser.AddOption("", "db", "database: a SQLite file or postgresql://...");
        parser.AddSwitch("", "version", "print the version");
        if (parser.Parse() != 0)
            return false;
        if (parser.Found("version")) {
            std::printf("madoguchi %s\n", MADOGUCHI_VERSION);
            return false;
        }
        wxString url;
        std::string dbUrl = parser.Found("db", &url) ? std::string(url.utf8_str()) : db::defaultDatabasePath().string();
        try {
            store_ = db::openStore(dbUrl);
        } catch (const std::exception& e) {
            wxMessageBox(wxString::FromUTF8(std::string("データベースを開けません。\n") + e.what()),
                         "Madoguchi", wxOK | wxICON_ERROR);
            return false;
        }
        auto* frame = new MainFrame(*store_);
        frame->Show();
        return true;
    }

private:
    std::unique_ptr<db::CaseStore> store_;
};

} // namespace madoguchi::gui

wxIMPLEMENT_APP(madoguchi::gui::MadoguchiApp);
