// The settings an administrator gives a desk: which case book (a file or a PostgreSQL server) and
// which office's reception numbers. A clerk sees them and cannot change them.
#include "app/gui/wx_text.hpp"
#include "window_fixture.hpp"

#include <wx/button.h>
#include <wx/config.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

void openSettings(gui::MainFrame* f)
{
    f->CallAfter([f] { f->showSettings(); });
}

void pressOk()
{
    auto* ok = dynamic_cast<wxButton*>(wxWindow::FindWindowById(wxID_OK, shownTopLevel("settingsDialog")));
    wxCommandEvent e(wxEVT_BUTTON, wxID_OK);
    e.SetEventObject(ok);
    ok->ProcessWindowEvent(e);
}

} // namespace

TEST_F(WindowTest, AnAdministratorSetsTheCaseBookAndTheOffice)
{
    openFrame(Role::Admin, "admin");
    const std::string url = "postgresql://office_kodaira@db.city.local/madoguchi?sslmode=verify-full";
    UiDriver d;
    d.waitFor("the window is ready", [] { return focusedName() == "search"; });
    d.act("File > Settings", [&] { openSettings(frame); });
    d.waitFor("the settings, with the case book and office editable", [] {
        return shownTopLevel("settingsDialog") && control<wxTextCtrl>("database")->IsEnabled() &&
               control<wxTextCtrl>("office")->IsEnabled() && control<wxTextCtrl>("office")->GetValue() == "main";
    });
    d.act("an office code with a space", [&] {
        control<wxTextCtrl>("database")->SetValue(url);
        control<wxTextCtrl>("office")->SetValue("kodaira east");
        pressOk();
    });
    d.waitFor("is refused, and the dialog stays", [] {
        auto* m = control<wxStaticText>("settingsMessage");
        return shownTopLevel("settingsDialog") && m && m->GetLabel().Contains(gui::u8("拠点コードは"));
    });
    d.screenshot("settings-admin.png");
    d.act("a good one", [] {
        control<wxTextCtrl>("office")->SetValue("kodaira-east");
        pressOk();
    });
    d.waitFor("the dialog closes", [] { return !shownTopLevel("settingsDialog"); });
    run(d);

    gui::AppSettings saved = gui::loadSettings();
    EXPECT_EQ(saved.database, url);
    EXPECT_EQ(saved.office, "kodaira-east");
    EXPECT_EQ(gui::chosenDatabase("", saved), url);
    EXPECT_EQ(gui::chosenDatabase("/tmp/other.db", saved), "/tmp/other.db"); // --db wins
    saved.database.clear();
    saved.office = "main";
    gui::saveSettings(saved); // the next tests' desk is the default again
    EXPECT_EQ(gui::chosenDatabase("", saved), db::defaultDatabasePath().string());
}

TEST_F(WindowTest, AClerkSeesTheCaseBookAndOfficeButCannotChangeThem)
{
    openFrame(Role::Clerk);
    UiDriver d;
    d.waitFor("the window is ready", [] { return focusedName() == "search"; });
    d.act("File > Settings", [&] { openSettings(frame); });
    d.waitFor("the case book and office are greyed", [] {
        return shownTopLevel("settingsDialog") && !control<wxTextCtrl>("database")->IsEnabled() &&
               !control<wxTextCtrl>("office")->IsEnabled();
    });
    d.act("OK", [] { pressOk(); });
    d.waitFor("closed", [] { return !shownTopLevel("settingsDialog"); });
    run(d);
}

TEST_F(WindowTest, ADeskOfAnotherOfficeSaysWhichInTheStatusBar)
{
    gui::AppSettings s = gui::loadSettings();
    s.office = "kodaira-east";
    gui::saveSettings(s);
    openFrame();
    std::string status(frame->GetStatusBar()->GetStatusText(2).utf8_str());
    EXPECT_NE(status.find("拠点 kodaira-east"), std::string::npos) << status;
    closeFrame();
    s.office = "main";
    gui::saveSettings(s);
    openFrame();
    status = frame->GetStatusBar()->GetStatusText(2).utf8_str();
    EXPECT_EQ(status.find("拠点"), std::string::npos) << status;
}
