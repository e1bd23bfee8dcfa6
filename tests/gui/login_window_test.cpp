// The desk as the program starts it (gui::openDesk): a login before any name is on screen, the
// window in the user's name and role, and the idle lock that hides personal data until the
// password is given again.
#include "db/audit_log.hpp"
#include "window_fixture.hpp"

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/radiobox.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// The menu offers a command with this shortcut (language-independent: the labels are translated).
bool menuHasShortcut(wxFrame* frame, const wxString& shortcut)
{
    wxMenuBar* bar = frame->GetMenuBar();
    for (size_t m = 0; m < bar->GetMenuCount(); ++m)
        for (wxMenuItem* item : bar->GetMenu(m)->GetMenuItems())
            if (item->GetItemLabel().AfterFirst('\t') == shortcut)
                return true;
    return false;
}

// The menu offers this command (its English id, compared in the window's language).
bool menuHasItem(wxFrame* frame, const char* msgid)
{
    wxMenuBar* bar = frame->GetMenuBar();
    for (size_t m = 0; m < bar->GetMenuCount(); ++m)
        for (wxMenuItem* item : bar->GetMenu(m)->GetMenuItems())
            if (item->GetItemLabel() == wxGetTranslation(msgid))
                return true;
    return false;
}

// The View menu open, for the picture: a clerk's has no supervisor view.
void showViewMenu(UiDriver& d, const std::string& screenshot)
{
    d.act("Alt+V opens the View menu", [] { pressKey('V', wxMOD_ALT); });
    d.screenshot(screenshot);
    d.act("Escape closes it", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("the search box has the focus again", [] { return focusIs("search"); });
}

} // namespace

TEST_F(WindowTest, AClerkLogsInAndCannotReachTheSupervisorsCommands)
{
    addDeskUsers();
    CaseId done = doneCase();
    UiDriver d;
    startAndLogIn(d, "hanako", "hanako-pass-1");
    d.act("the clerk's window", [this] {
        EXPECT_EQ(frame->currentRole(), Role::Clerk);
        EXPECT_FALSE(menuHasShortcut(frame, "Ctrl+Shift+S")) << "no supervisor view in a clerk's menu";
        EXPECT_FALSE(menuHasItem(frame, "&Users...")) << "no user management in a clerk's menu";
        EXPECT_TRUE(menuHasShortcut(frame, "Ctrl+N"));
        EXPECT_NE(std::string(frame->GetStatusBar()->GetStatusText(2).utf8_str()).find("hanako"), std::string::npos);
    });
    showViewMenu(d, "clerk-window.png");
    d.act("Ctrl+Shift+S", [] { pressKey('S', wxMOD_CONTROL | wxMOD_SHIFT); });
    d.pause("a quiet moment", std::chrono::milliseconds(800));
    d.waitFor("no supervisor view opened", [] { return !shownTopLevel("supervisorView") && focusIs("search"); });
    openByNumber(d, done);
    d.waitFor("a closed case offers a clerk no reopening", [] { return !control<wxWindow>("reopen"); });
    d.act("Alt+O, the supervisor's reopen key", [] { pressKey('O', wxMOD_ALT); });
    d.pause("a quiet moment", std::chrono::milliseconds(800));
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back on the list", [] { return !shownTopLevel("caseDetailDialog"); });
    run(d);
    EXPECT_EQ(store->get(done).status, CaseStatus::Done);
    // The refused password is in the audit trail, in the name typed (no password).
    int failed = 0;
    for (const auto& e : store->audit().auditDay(now().localDay, {"admin", Role::Admin}))
        if (e.action == audit_actions::kLoginFailed) {
            ++failed;
            EXPECT_EQ(e.user, "hanako");
            EXPECT_EQ(e.detail.find("not-the-password"), std::string::npos);
        }
    EXPECT_EQ(failed, 1);
}

TEST_F(WindowTest, ASupervisorLogsInAndHasTheSupervisorsCommands)
{
    addDeskUsers();
    CaseId done = doneCase();
    UiDriver d;
    startAndLogIn(d, "sato", "sato-pass-12");
    d.act("the supervisor's window", [this] {
        EXPECT_EQ(frame->currentRole(), Role::Supervisor);
        EXPECT_TRUE(menuHasShortcut(frame, "Ctrl+Shift+S"));
        EXPECT_FALSE(menuHasItem(frame, "&Users...")) << "users are the administrator's";
    });
    showViewMenu(d, "supervisor-window.png");
    d.act("Ctrl+Shift+S", [] { pressKey('S', wxMOD_CONTROL | wxMOD_SHIFT); });
    d.waitFor("the supervisor view opens", [] { return focusInside("supervisorView"); });
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back on the list", [] { return !shownTopLevel("supervisorView") && focusIs("search"); });
    openByNumber(d, done);
    d.waitFor("a closed case offers the supervisor reopening", [] { return control<wxWindow>("reopen") != nullptr; });
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back on the list", [] { return !shownTopLevel("caseDetailDialog"); });
    run(d);
}

TEST_F(WindowTest, TheIdleLockHidesPersonalDataAndKeepsAHalfTypedForm)
{
    addDeskUsers();
    addEarlierVisitors();
    UiDriver d;
    startAndLogIn(d, "hanako", "hanako-pass-1", std::chrono::seconds(2));
    d.waitFor("the list shows names",
              [this] { return frame->rows().size() == 2 && frame->rows()[0].resident == "佐藤 健"; });
    d.act("Ctrl+N", [] { pressKey('N', wxMOD_CONTROL); });
    d.waitFor("the new-case dialog", [] { return focusIs("procedureSearch"); });
    d.act("choose 再交付", [] {
        typeAscii("saikoufu");
        pressKey(WXK_RETURN);
    });
    d.waitFor("the name has the focus", [] { return focusIs("name"); });
    d.act("half a name, then the clerk walks away", [] { commitText("山田 花"); });
    d.step(
        "two idle seconds later the desk locks",
        [this] { return frame->privacyLocked() && focusInside("login") && focusIs("password"); },
        std::chrono::seconds(6));
    d.act("personal data is hidden", [this] {
        for (const auto& r : frame->rows())
            EXPECT_EQ(r.resident.find("佐藤"), std::string::npos);
        EXPECT_FALSE(control<wxTextCtrl>("name")->IsShownOnScreen()) << "the form's name is hidden";
        EXPECT_EQ(std::string(control<wxTextCtrl>("user")->GetValue().utf8_str()), "hanako");
    });
    d.screenshot("idle-lock.png");
    d.act("a wrong password, Enter", [] {
        typeAscii("hanako-pass-2");
        pressKey(WXK_RETURN);
    });
    d.waitFor("refused, still locked", [this] {
        return label("message") == "利用者名またはパスワードが正しくありません。" && frame->privacyLocked() &&
               focusIs("password");
    });
    d.act("the right password, Enter", [] {
        typeAscii("hanako-pass-1");
        pressKey(WXK_RETURN);
    });
    d.waitFor("unlocked: the half-typed form is there as it was", [this] {
        auto* name = control<wxTextCtrl>("name");
        return !frame->privacyLocked() && !shownTopLevel("login") && shownTopLevel("newCaseDialog") && name &&
               name->IsShownOnScreen() && std::string(name->GetValue().utf8_str()) == "山田 花";
    });
    d.waitFor("and the list shows names again", [this] { return frame->rows()[0].resident == "佐藤 健"; });
    run(d);
}

TEST_F(WindowTest, AnAdministratorChangesARoleAndSetsAForgottenPassword)
{
    addDeskUsers();
    UiDriver d;
    startAndLogIn(d, "admin", "admin-pass-1");
    d.act("Alt+F, U", [] {
        pressKey('F', wxMOD_ALT);
        pressKey('U');
    });
    d.waitFor("the users are listed", [] { return focusInside("usersDialog"); });
    auto select = [](const char* name) {
        auto* list = control<wxListCtrl>("users");
        long i = list->FindItem(-1, name);
        list->SetItemState(i, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                           wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    };
    d.act("select admin, the user at the desk, and Alt+R", [&] {
        select("admin");
        pressKey('R', wxMOD_ALT);
    });
    d.waitFor("refused before anything is asked", [] {
        return focusInside("errorDialog") &&
               label("errorWhat") == std::string(_("You cannot change your own role.").utf8_str());
    });
    d.act("Enter", [] { pressKey(WXK_RETURN); });
    d.waitFor("back on the users", [] { return !shownTopLevel("errorDialog") && focusInside("usersDialog"); });
    d.act("select sato, the supervisor, and Alt+R", [&] {
        select("sato");
        pressKey('R', wxMOD_ALT);
    });
    d.waitFor("the roles are offered", [] { return focusInside("roleDialog"); });
    // wxGTK's radio buttons: the arrows move the focus, Space chooses.
    d.act("Up to clerk, Space", [] {
        pressKey(WXK_UP);
        pressKey(WXK_SPACE);
    });
    d.waitFor("clerk is chosen", [] { return control<wxRadioBox>("roleChoice")->GetSelection() == 0; });
    d.act("Enter", [] { pressKey(WXK_RETURN); });
    d.waitFor("sato is a clerk in the case book", [this] {
        for (const auto& u : store->users().users({"admin", Role::Admin}))
            if (u.name == "sato")
                return u.role == Role::Clerk && !shownTopLevel("roleDialog");
        return false;
    });
    d.act("Alt+P: a new password for sato", [] { pressKey('P', wxMOD_ALT); });
    d.waitFor("the password form, its first field focused",
              [] { return focusInside("passwordDialog") && focusIs("newPassword"); });
    d.act("two different ones, Enter", [] {
        typeAscii("sato-new-pass-1");
        pressKey(WXK_TAB);
        typeAscii("sato-new-pass-2");
        pressKey(WXK_RETURN);
    });
    d.waitFor("refused, the form still open and emptied", [] {
        return focusIs("newPassword") && !label("addUserMessage").empty() &&
               control<wxTextCtrl>("newPassword")->GetValue().empty();
    });
    d.act("the same twice, Enter", [] {
        typeAscii("sato-new-pass-1");
        pressKey(WXK_TAB);
        typeAscii("sato-new-pass-1");
        pressKey(WXK_RETURN);
    });
    d.waitFor("the form is gone", [] { return !shownTopLevel("passwordDialog") && focusInside("usersDialog"); });
    d.screenshot("users-role-password.png");
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back on the list", [] { return !shownTopLevel("usersDialog") && focusIs("search"); });
    run(d);

    EXPECT_THROW(store->users().authenticate("sato", "sato-pass-12"), AccessDenied);
    EXPECT_EQ(store->users().authenticate("sato", "sato-new-pass-1").role, Role::Clerk);
    EXPECT_EQ(store->users().authenticate("admin", "admin-pass-1").role, Role::Admin);
    int changes = 0;
    for (const auto& e : store->audit().auditDay(now().localDay, {"admin", Role::Admin}))
        changes +=
            e.action == audit_actions::kUserChange && e.user == "admin" && e.detail.find("sato") != std::string::npos;
    EXPECT_EQ(changes, 2) << "the role change and the new password, each audited in the admin's name";
}

TEST_F(WindowTest, AnAdministratorAddsAUserAndDisablesAnother)
{
    addDeskUsers();
    UiDriver d;
    startAndLogIn(d, "admin", "admin-pass-1");
    d.act("the File menu has the users", [this] { EXPECT_TRUE(menuHasItem(frame, "&Users...")); });
    d.act("Alt+F, U", [] {
        pressKey('F', wxMOD_ALT);
        pressKey('U');
    });
    d.waitFor("the users are listed", [] {
        auto* list = control<wxListCtrl>("users");
        return focusInside("usersDialog") && list && list->GetItemCount() == 3;
    });
    d.act("Alt+A: add a user", [] { pressKey('A', wxMOD_ALT); });
    d.waitFor("the form asks for the name", [] { return focusInside("addUserDialog") && focusIs("newUser"); });
    // The role is a GTK combo box whose focused part is no wx window: chosen directly.
    d.act("jiro", [] { typeAscii("jiro"); });
    d.waitFor("the name is typed", [] { return control<wxTextCtrl>("newUser")->GetValue() == "jiro"; });
    d.act("a supervisor, with a password too short", [] {
        control<wxChoice>("newRole")->SetSelection(1);
        control<wxWindow>("newPassword")->SetFocus();
    });
    d.waitFor("the password has the focus", [] { return focusIs("newPassword"); });
    d.act("type it twice, Enter", [] {
        typeAscii("short");
        pressKey(WXK_TAB);
        typeAscii("short");
        pressKey(WXK_RETURN);
    });
    d.waitFor("refused with the reason, the form still open",
              [] { return focusIs("newPassword") && label("addUserMessage").find("8") != std::string::npos; });
    d.act("a longer one, twice, Enter", [] {
        typeAscii("jiro-pass-123");
        pressKey(WXK_TAB);
        typeAscii("jiro-pass-123");
        pressKey(WXK_RETURN);
    });
    d.waitFor("jiro is on the list", [] {
        auto* list = control<wxListCtrl>("users");
        return !shownTopLevel("addUserDialog") && list && list->GetItemCount() == 4;
    });
    d.act("select hanako", [] {
        auto* list = control<wxListCtrl>("users");
        long i = list->FindItem(-1, "hanako");
        list->SetItemState(i, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                           wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    });
    d.act("Alt+D: disable her", [] { pressKey('D', wxMOD_ALT); });
    d.waitFor("she is disabled in the case book", [this] {
        for (const auto& u : store->users().users({"admin", Role::Admin}))
            if (u.name == "hanako")
                return !u.active;
        return false;
    });
    d.screenshot("users.png");
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back on the list", [] { return !shownTopLevel("usersDialog") && focusIs("search"); });
    run(d);

    EXPECT_EQ(store->users().authenticate("jiro", "jiro-pass-123").role, Role::Supervisor);
    EXPECT_THROW(store->users().authenticate("hanako", "hanako-pass-1"), AccessDenied);
    int added = 0;
    for (const auto& e : store->audit().auditDay(now().localDay, {"admin", Role::Admin}))
        added += e.action == audit_actions::kUserAdd && e.user == "admin" && e.detail.find("jiro") != std::string::npos;
    EXPECT_EQ(added, 1);
}
