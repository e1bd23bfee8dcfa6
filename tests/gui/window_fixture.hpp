#pragma once
// A counter window on a fresh case book, in Japanese, for one test.
#include "app/gui/app_settings.hpp"
#include "app/gui/desk_session.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/main_frame.hpp"
#include "core/common/clock.hpp"
#include "core/common/data_paths.hpp"
#include "core/rules/rule_book.hpp"
#include "db/user_store.hpp"
#include "tests/support/temp_dir.hpp"
#include "ui_driver.hpp"

#include <gtest/gtest.h>
#include <memory>
#include <vector>
#include <wx/app.h>
#include <wx/config.h>

namespace madoguchi::test {

class WindowTest : public testing::Test {
protected:
    void SetUp() override
    {
        wxTheApp->SetExitOnFrameDelete(false);
        gui::openSettingsFile();
        // Handouts are checked from their files; no PDF viewer pops up on the test display.
        auto settings = gui::loadSettings();
        settings.openHandout = false;
        gui::saveSettings(settings);
        gui::applyLanguage(language());
        store = db::openStore(bookPath());
    }
    void TearDown() override
    {
        session.idleLock.reset(); // before the window it watches
        closeFrame();
        store.reset();
    }
    virtual std::string language() const { return "ja"; }
    std::string bookPath() const { return (dir / "book.db").string(); }

    gui::MainFrame* openFrame(Role role = Role::Clerk, const std::string& user = "tanaka")
    {
        frame = new gui::MainFrame(*store, gui::loadSettings(), user, role);
        frame->setRuleBook(&ruleBook());
        frame->Show();
        frame->Raise();
        return frame;
    }
    void closeFrame()
    {
        // Deleting at once (not Destroy()) runs the persistence save before the test looks at it.
        delete frame;
        frame = nullptr;
    }
    // The cases already at the counter this morning, so that the list is not empty.
    std::vector<CaseId> addEarlierVisitors()
    {
        const char* people[][3] = {{"佐藤 健", "サトウ ケン", "1985-03-02"},
                                   {"鈴木 美咲", "スズキ ミサキ", "1992-11-15"}};
        Procedure procedures[] = {Procedure::CardReceipt, Procedure::PinReset};
        std::vector<CaseId> ids;
        for (int i = 0; i < 2; ++i) {
            CaseDraft d;
            d.procedure = procedures[i];
            d.resident.name = people[i][0];
            d.resident.kana = people[i][1];
            d.resident.birth = parseIsoDate(people[i][2], "birth");
            d.window = "2";
            d.clerk = "sato";
            ids.push_back(store->add(d, {"sato"}).id);
        }
        return ids;
    }
    // hanako (clerk) and sato (supervisor), added by the first admin.
    void addDeskUsers()
    {
        db::UserStore& users = store->users();
        users.createFirstAdmin("admin", "admin-pass-1");
        db::Actor admin{"admin", Role::Admin};
        users.addUser("hanako", Role::Clerk, "hanako-pass-1", admin);
        users.addUser("sato", Role::Supervisor, "sato-pass-12", admin);
    }
    // Starts the desk the way the program does, from the main loop (the login is modal), and
    // logs in with a wrong password first.
    void startAndLogIn(UiDriver& d, const std::string& user, const std::string& password,
                       std::chrono::seconds lockAfter = std::chrono::seconds(600))
    {
        d.act("start the desk", [this, lockAfter] {
            wxTheApp->CallAfter([this, lockAfter] {
                session = gui::openDesk(*store, gui::loadSettings(), &ruleBook(), lockAfter);
                frame = session.frame;
            });
        });
        d.waitFor("the login asks for the user, no window behind it",
                  [] { return focusInside("login") && focusIs("user") && !shownTopLevel("mainFrame"); });
        d.act("type the user, a wrong password, Enter", [user] {
            typeAscii(user.c_str());
            pressKey(WXK_TAB);
            typeAscii("not-the-password");
            pressKey(WXK_RETURN);
        });
        d.waitFor("it is refused with a message, still without the window", [] {
            return label("message") == "利用者名またはパスワードが正しくありません。" && focusIs("password") &&
                   !shownTopLevel("mainFrame");
        });
        d.act("the right password, Enter", [password] {
            typeAscii(password.c_str());
            pressKey(WXK_RETURN);
        });
        d.waitFor("the window opens in the user's name", [this, user] {
            return !shownTopLevel("login") && frame && frame->IsShown() && frame->currentUser() == user &&
                   focusIs("search");
        });
    }

    // Finds a case by its number and opens it with Enter.
    void openByNumber(UiDriver& d, CaseId id)
    {
        d.act("search the case by its number", [this, id] { commitText(store->get(id).receptionNumber); });
        d.waitFor("one row", [this, id] { return frame->rows().size() == 1 && frame->rows()[0].id == id; });
        d.act("Enter opens it", [] { pressKey(WXK_RETURN); });
        d.waitFor("the case is shown", [] { return focusInside("caseDetailDialog"); });
    }

    // One of this morning's cases, done: only a supervisor may reopen it.
    CaseId doneCase()
    {
        CaseId id = addEarlierVisitors().back();
        store->changeStatus(id, CaseStatus::InProgress, "", {"sato"});
        store->changeStatus(id, CaseStatus::Done, "", {"sato"});
        return id;
    }

    // Runs the driver's steps; fails the test with the step that did not complete.
    void run(UiDriver& driver) { EXPECT_TRUE(driver.run()) << driver.failed(); }

    static const rules::RuleBook& ruleBook()
    {
        static rules::RuleBook book = rules::RuleBook::load(dataDirectory() / "rules");
        return book;
    }

    TempDir dir;
    std::unique_ptr<db::CaseStore> store;
    gui::MainFrame* frame = nullptr;
    gui::DeskSession session; // a desk started with a login (startAndLogIn)
};

} // namespace madoguchi::test
