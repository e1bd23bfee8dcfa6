// Two counter windows on one PostgreSQL case book: each sees the other's new cases and status
// changes within 2 s, through LISTEN/NOTIFY, row by row (no reload of the whole list), keeping the
// selection. And the banner when the server goes out of reach: shown, and gone once it is back,
// with nothing typed lost.
#include "app/gui/case_detail_dialog.hpp"
#include "app/gui/waiting_store.hpp"
#include "app/gui/wx_text.hpp"
#include "core/common/clock.hpp"
#include "tests/db/test_books.hpp"
#include "tests/postgresql/tcp_proxy.hpp"
#include "tests/support/run_process.hpp"
#include "window_fixture.hpp"

#include <cstdio>
#include <memory>
#include <optional>
#include <regex>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/dataview.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/toplevel.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

constexpr auto kLive = std::chrono::seconds(2); // issue #8: other windows see it within 2 s

CaseDraft visitor(const char* name, const char* kana, const char* window)
{
    CaseDraft d;
    d.procedure = Procedure::CardReceipt;
    d.resident.name = name;
    d.resident.kana = kana;
    d.resident.birth = parseIsoDate("1980-04-01", "birth");
    d.window = window;
    d.clerk = "sato";
    return d;
}

const gui::CaseRow* rowOf(const gui::MainFrame* f, CaseId id)
{
    for (const auto& r : f->rows())
        if (r.id == id)
            return &r;
    return nullptr;
}

CaseId selectedId(gui::MainFrame* f)
{
    auto* list = dynamic_cast<wxDataViewCtrl*>(wxWindow::FindWindowByName("caseList", f));
    auto item = list->GetSelection();
    if (!item.IsOk())
        return 0;
    auto* model = dynamic_cast<wxDataViewVirtualListModel*>(list->GetModel());
    return f->rows()[model->GetRow(item)].id;
}

// When the last change was committed: the acts set it, the checks below measure from it.
using Clock = std::chrono::steady_clock;
using Stamp = std::shared_ptr<Clock::time_point>;

// A step that must be done within 2 s of the commit; prints how long it took (to the driver's
// 80 ms tick), the figure docs/benchmarks.md quotes.
void within(UiDriver& d, Stamp committed, std::string what, std::function<bool()> condition)
{
    d.step(
        what,
        [committed, what, condition = std::move(condition)] {
            if (!condition())
                return false;
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - *committed).count();
            std::printf("live refresh: %s %lld ms after the commit\n", what.c_str(), static_cast<long long>(ms));
            return true;
        },
        kLive);
}

} // namespace

// Two counters on one PostgreSQL case book, each with a connection of its own as on two PCs.
// (Tests stay in the WindowTest suite: scripts/test.sh runs those one at a time.)
struct TwoCounters {
    explicit TwoCounters(const std::string& url) : storeA(db::openStore(url)), storeB(db::openStore(url)) {}
    ~TwoCounters()
    {
        delete frameA;
        delete frameB;
        // Their side-by-side places are not where the next test's window should open.
        wxConfigBase::Get()->DeleteGroup("/Persistent_Options/Window/mainFrame");
    }
    gui::MainFrame* open(db::CaseStore& s, const char* window, int x, const rules::RuleBook& rules)
    {
        gui::AppSettings settings = gui::loadSettings();
        settings.window = window;
        auto* f = new gui::MainFrame(s, settings, window == std::string("1") ? "tanaka" : "suzuki", Role::Clerk);
        f->setRuleBook(&rules);
        f->SetSize(x, 0, 640, 420);
        f->Show();
        return f;
    }
    std::unique_ptr<db::CaseStore> storeA, storeB;
    gui::MainFrame* frameA = nullptr;
    gui::MainFrame* frameB = nullptr;
};

TEST_F(WindowTest, TwoWindowsOnPostgresqlSeeEachOthersNewCasesAndStatusChangesWithin2s)
{
    auto book = makeTestBook("postgresql");
    if (!book)
        GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
    TwoCounters two(book->url());
    CaseId first = two.storeA->add(visitor("佐藤 健", "サトウ ケン", "1"), {"tanaka"}).id;
    two.frameA = two.open(*two.storeA, "1", 0, ruleBook());
    two.frameB = two.open(*two.storeB, "2", 650, ruleBook());
    CaseId second = 0, third = 0;
    std::size_t reloadsB = 0, reloadsA = 0;
    auto committed = std::make_shared<Clock::time_point>();
    UiDriver d;
    d.waitFor("both windows list the morning's case",
              [&] { return two.frameA->rows().size() == 1 && two.frameB->rows().size() == 1; });
    d.act("window B selects it", [&] {
        auto* list = dynamic_cast<wxDataViewCtrl*>(wxWindow::FindWindowByName("caseList", two.frameB));
        list->Select(dynamic_cast<wxDataViewVirtualListModel*>(list->GetModel())->GetItem(0));
        reloadsA = two.frameA->reloadCount();
        reloadsB = two.frameB->reloadCount();
    });
    d.waitFor("the settle of the first reads", [&] { return selectedId(two.frameB) == first; });
    d.act("window A saves a new case", [&] {
        second = two.storeA->add(visitor("鈴木 美咲", "スズキ ミサキ", "1"), {"tanaka"}).id;
        *committed = Clock::now();
    });
    within(d, committed, "window B lists it, after the first", [&] {
        return two.frameB->rows().size() == 2 && two.frameB->rows()[1].id == second &&
               two.frameB->rows()[1].resident == "鈴木 美咲";
    });
    d.act("window B moves the first case on", [&] {
        two.storeB->changeStatus(first, CaseStatus::InProgress, "", {"suzuki"});
        *committed = Clock::now();
    });
    within(d, committed, "window A shows the new status", [&] {
        const auto* r = rowOf(two.frameA, first);
        return r && r->status == "対応中";
    });
    d.act("another program (the console tool) adds a case", [&] {
        auto init = runCli({"--db", book->url(), "user", "init-admin", "--name", "admin"}, "admin-pass-1\n");
        ASSERT_EQ(init.exitCode, 0) << init.err;
        auto added = runCli({"--db", book->url(), "case", "add", "--procedure", "reissue", "--name", "高橋 一郎",
                             "--kana", "タカハシ イチロウ", "--birth", "1960-01-15", "--window", "3", "--json"},
                            "", cliUser("admin", "admin-pass-1"));
        ASSERT_EQ(added.exitCode, 0) << added.err;
        *committed = Clock::now(); // the process has ended: its commit is behind us
        third = added.json()["id"].get<CaseId>();
    });
    within(d, committed, "both windows list it", [&] { return rowOf(two.frameA, third) && rowOf(two.frameB, third); });
    d.screenshot("two-windows.png");
    run(d);

    // Row by row: neither window read its whole list again, and B kept its selection.
    EXPECT_EQ(two.frameA->reloadCount(), reloadsA);
    EXPECT_EQ(two.frameB->reloadCount(), reloadsB);
    EXPECT_GE(two.frameB->liveUpdateCount(), 3u);
    EXPECT_EQ(selectedId(two.frameB), first);
    EXPECT_EQ(two.frameB->rows().size(), 3u);
    EXPECT_EQ(rowOf(two.frameB, first)->status, "対応中");
}

TEST_F(WindowTest, ACaseThatLeavesTheFilterLeavesTheOtherWindowsListOnPostgresql)
{
    auto book = makeTestBook("postgresql");
    if (!book)
        GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
    TwoCounters two(book->url());
    CaseId a = two.storeA->add(visitor("佐藤 健", "サトウ ケン", "1"), {"tanaka"}).id;
    CaseId b = two.storeA->add(visitor("鈴木 美咲", "スズキ ミサキ", "1"), {"tanaka"}).id;
    two.frameB = two.open(*two.storeB, "2", 0, ruleBook());
    auto committed = std::make_shared<Clock::time_point>();
    UiDriver d;
    d.waitFor("window B lists both", [&] { return two.frameB->rows().size() == 2; });
    d.act("window B shows only received cases", [&] {
        auto* status = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("statusFilter", two.frameB));
        status->SetSelection(1); // 受付
        wxCommandEvent e(wxEVT_CHOICE, status->GetId());
        e.SetEventObject(status);
        status->ProcessWindowEvent(e);
    });
    d.waitFor("still both", [&] { return two.frameB->rows().size() == 2; });
    d.act("another window finishes the first", [&] {
        two.storeA->changeStatus(a, CaseStatus::InProgress, "", {"tanaka"});
        *committed = Clock::now();
    });
    within(d, committed, "it leaves B's list",
           [&] { return two.frameB->rows().size() == 1 && two.frameB->rows()[0].id == b; });
    run(d);
}

TEST_F(WindowTest, TwoWindowsOnOneSqliteFileSeeEachOthersNewCases)
{
    // SQLite has no server to announce changes: the feed watches the file's data_version.
    openFrame();
    auto other = db::openStore(bookPath()); // another program on the same file
    CaseId added = 0;
    auto committed = std::make_shared<Clock::time_point>();
    UiDriver d;
    d.waitFor("the empty day", [&] { return frame->rows().empty(); });
    d.act("the other program saves a case", [&] {
        added = other->add(visitor("佐藤 健", "サトウ ケン", "2"), {"sato"}).id;
        *committed = Clock::now();
    });
    within(d, committed, "this window lists it", [&] { return rowOf(frame, added) != nullptr; });
    d.act("and starts on it", [&] {
        other->changeStatus(added, CaseStatus::InProgress, "", {"sato"});
        *committed = Clock::now();
    });
    within(d, committed, "this window shows the new status", [&] { return rowOf(frame, added)->status == "対応中"; });
    run(d);
}

TEST_F(WindowTest, AnOpenCaseFollowsAnotherWindowsChangeUnlessTheClerkTypedSomething)
{
    CaseId id = store->add(visitor("佐藤 健", "サトウ ケン", "1"), {"tanaka"}).id;
    openFrame();
    auto other = db::openStore(bookPath()); // the window beside this one
    auto title = [] {
        auto* t = control<wxStaticText>("caseTitle");
        return t ? std::string(t->GetLabel().utf8_str()) : std::string();
    };
    auto message = [] {
        auto* t = control<wxStaticText>("reasonMessage");
        return t ? std::string(t->GetLabel().utf8_str()) : std::string();
    };
    auto committed = std::make_shared<Clock::time_point>();
    UiDriver d;
    d.waitFor("the window lists the case", [&] { return frame->rows().size() == 1; });
    d.act("open it", [&] { frame->CallAfter([this, id] { frame->openCase(id); }); });
    d.waitFor("the case is open, received", [&] { return title().find("受付") != std::string::npos; });
    d.act("the other window starts on it", [&] {
        other->changeStatus(id, CaseStatus::InProgress, "", {"sato"});
        *committed = Clock::now();
    });
    within(d, committed, "the open case shows it", [&] {
        return title().find("対応中") != std::string::npos && message().find("別の窓口") != std::string::npos;
    });
    d.act("the clerk types a note", [&] { control<wxTextCtrl>("notes")->SetValue(gui::u8("写真持参")); });
    d.act("the other window puts it on hold", [&] {
        other->changeStatus(id, CaseStatus::Waiting, "照会書待ち", {"sato"});
        *committed = Clock::now();
    });
    within(d, committed, "a line says so, and the note stays", [&] {
        return message().find("入力した内容はそのまま") != std::string::npos &&
               control<wxTextCtrl>("notes")->GetValue() == gui::u8("写真持参") &&
               title().find("対応中") != std::string::npos; // not replaced under the clerk's hands
    });
    // Saving the stale copy meets the conflict: said plainly, the note kept to be copied.
    d.act("click into the notes", [] { control<wxTextCtrl>("notes")->SetFocus(); });
    d.waitFor("the case has the focus", [] { return focusInside("caseDetailDialog"); });
    d.act("Ctrl+S", [] { pressKey('S', wxMOD_CONTROL); });
    d.waitFor("someone else saved first", [] {
        auto* t = control<wxStaticText>("errorWhat");
        return shownTopLevel("errorDialog") && t && t->GetLabel().Contains(gui::u8("先"));
    });
    d.act("Enter closes the message", [] { pressKey(WXK_RETURN); });
    d.waitFor("the note is still there", [] {
        return !shownTopLevel("errorDialog") && control<wxTextCtrl>("notes")->GetValue() == gui::u8("写真持参");
    });
    d.act("Close closes the case, as the message says, without a second try", [] {
        // Posted, not processed here: a second failing save would open its message inside this step.
        wxWindow* close = shownTopLevel("caseDetailDialog")->FindWindow(wxID_CANCEL);
        auto* e = new wxCommandEvent(wxEVT_BUTTON, wxID_CANCEL);
        e->SetEventObject(close);
        close->GetEventHandler()->QueueEvent(e);
    });
    d.waitFor("closed", [] { return !shownTopLevel("caseDetailDialog") && !shownTopLevel("errorDialog"); });
    run(d);
    EXPECT_EQ(store->get(id).status, CaseStatus::Waiting);
    EXPECT_EQ(store->get(id).notes, ""); // the stale save never went in
}

namespace {

// A PostgreSQL case book and a relay to it that the test can cut or stall like a network cable,
// while the server itself, which other tests use, keeps running. None without a test server.
struct RelayedBook {
    std::unique_ptr<TestBook> book;
    std::unique_ptr<TcpProxy> relay;
    std::string url() const // the book, reached through the relay
    {
        return std::regex_replace(book->url(), std::regex(":[0-9]+/"), ":" + std::to_string(relay->port()) + "/");
    }
};

std::optional<RelayedBook> relayedPostgresBook()
{
    auto book = makeTestBook("postgresql");
    if (!book)
        return std::nullopt;
    std::smatch m;
    std::string url = book->url();
    if (!std::regex_search(url, m, std::regex(":([0-9]+)/")))
        throw std::runtime_error("no port in " + url);
    auto relay = std::make_unique<TcpProxy>(std::stoi(m[1]));
    return RelayedBook{std::move(book), std::move(relay)};
}

} // namespace

TEST_F(WindowTest, ABannerWhileThePostgresqlServerIsOutOfReachAndNothingTypedIsLost)
{
    auto relayed = relayedPostgresBook();
    if (!relayed)
        GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
    TcpProxy& proxy = *relayed->relay;
    store = db::openStore(relayed->url());
    CaseId id = store->add(visitor("佐藤 健", "サトウ ケン", "1"), {"tanaka"}).id;
    openFrame();
    auto notes = [] { return control<wxTextCtrl>("notes"); };
    auto bannerText = [] {
        auto* t = control<wxStaticText>("connectionBannerText");
        return t ? std::string(t->GetLabel().utf8_str()) : std::string();
    };
    frame->SetSize(0, 0, 1000, 560);
    UiDriver d;
    d.waitFor("the window lists the case",
              [&] { return frame->rows().size() == 1 && !frame->connectionBannerShown(); });
    d.act("the network goes", [&] { proxy.cut(); });
    d.step(
        "the banner says so", [&] { return frame->connectionBannerShown(); }, std::chrono::seconds(5));
    d.act("check its words", [&] { EXPECT_EQ(bannerText(), "データベースに接続できません。再接続を試みています…"); });
    d.screenshot("connection-lost.png");
    d.act("the network comes back", [&] { proxy.restore(); });
    d.step(
        "the banner goes by itself", [&] { return !frame->connectionBannerShown(); }, std::chrono::seconds(8));

    // Lost in the middle of an edit: the save fails, says why, and keeps what was typed.
    d.act("open it", [&] { frame->CallAfter([this, id] { frame->openCase(id); }); });
    d.waitFor("the case is open", [&] { return focusInside("caseDetailDialog") && notes(); });
    d.act("the clerk types a note", [&] { notes()->SetValue(gui::u8("本人確認済み、写真持参")); });
    d.act("the network goes again", [&] { proxy.cut(); });
    d.step(
        "the banner is back", [&] { return frame->connectionBannerShown(); }, std::chrono::seconds(5));
    d.act("Ctrl+S", [] {
        ASSERT_TRUE(focusInside("caseDetailDialog"));
        pressKey('S', wxMOD_CONTROL);
    });
    d.waitFor("the save fails with a plain message", [] {
        return shownTopLevel("errorDialog") && label("errorTodo").find("接続できません") != std::string::npos;
    });
    d.act("Enter closes it", [] { pressKey(WXK_RETURN); });
    d.waitFor("the note is still there", [&] {
        return !shownTopLevel("errorDialog") && notes() && notes()->GetValue() == gui::u8("本人確認済み、写真持参");
    });
    d.act("the network comes back again", [&] { proxy.restore(); });
    d.step(
        "the banner goes again", [&] { return !frame->connectionBannerShown(); }, std::chrono::seconds(8));
    // Xvfb has no window manager to give the focus back to the case when the message closes: the
    // clerk clicks into the form.
    d.act("click into the notes", [&] {
        shownTopLevel("caseDetailDialog")->Raise();
        notes()->SetFocus();
    });
    d.waitFor("the case has the focus", [] { return focusInside("caseDetailDialog"); });
    d.act("Ctrl+S again", [] { pressKey('S', wxMOD_CONTROL); });
    d.waitFor("saved",
              [&] { return !shownTopLevel("errorDialog") && store->get(id).notes == "本人確認済み、写真持参"; });
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back on the list", [] { return !shownTopLevel("caseDetailDialog"); });
    run(d);
    closeFrame(); // before the relay it talks through goes
    store.reset();
}

// A server that stops answering without an error (a hung switch, a stalled VPN): the save waits,
// the window says so after a second instead of freezing, Escape does not abandon the save
// halfway, and when the server answers again the wait goes by itself and the case is saved.
TEST_F(WindowTest, ASilentServerIsAWaitTheWindowShowsNotAFreeze)
{
    auto relayed = relayedPostgresBook();
    if (!relayed)
        GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
    TcpProxy& proxy = *relayed->relay;
    store = db::openStore(relayed->url());
    CaseId id = store->add(visitor("佐藤 健", "サトウ ケン", "1"), {"tanaka"}).id;
    openFrame();
    auto notes = [] { return control<wxTextCtrl>("notes"); };
    UiDriver d;
    d.waitFor("the window lists the case", [&] { return frame->rows().size() == 1; });
    d.act("open it", [&] { frame->CallAfter([this, id] { frame->openCase(id); }); });
    d.waitFor("the case is open", [&] { return focusInside("caseDetailDialog") && notes(); });
    d.act("the clerk types a note", [&] { notes()->SetValue(gui::u8("本人確認済み")); });
    d.act("the server goes silent; Ctrl+S", [&] {
        proxy.stall();
        pressKey('S', wxMOD_CONTROL);
    });
    d.step(
        "the window says it waits", [] { return shownTopLevel("waitDialog") != nullptr; }, std::chrono::seconds(5));
    d.screenshot("waiting-for-the-server.png");
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.pause("the wait stays", std::chrono::milliseconds(500));
    d.act("still waiting", [] { EXPECT_TRUE(shownTopLevel("waitDialog")); });
    d.act("the server answers again", [&] { proxy.restore(); });
    d.step(
        "the wait goes by itself, no error",
        [] { return !gui::WaitingStore::waitShown() && !shownTopLevel("errorDialog"); }, std::chrono::seconds(5));
    d.waitFor("saved", [&] { return store->get(id).notes == "本人確認済み"; });
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("closed", [] { return !shownTopLevel("caseDetailDialog"); });
    run(d);
    closeFrame(); // before the relay it talks through goes
    store.reset();
}

// Logging in while the server is silent: the login shows the same wait, and the window opens once
// the server answers.
TEST_F(WindowTest, ASilentServerAtLoginIsAWaitToo)
{
    auto relayed = relayedPostgresBook();
    if (!relayed)
        GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
    TcpProxy& proxy = *relayed->relay;
    store = db::openStore(relayed->url());
    addDeskUsers();
    UiDriver d;
    d.act("start the desk", [this] {
        wxTheApp->CallAfter([this] {
            session = gui::openDesk(*store, gui::loadSettings(), &ruleBook(), std::chrono::seconds(600));
            frame = session.frame;
        });
    });
    d.waitFor("the login asks for the user", [] { return focusInside("login") && focusIs("user"); });
    d.act("the server goes silent; hanako, her password, Enter", [&] {
        proxy.stall();
        typeAscii("hanako");
        pressKey(WXK_TAB);
        typeAscii("hanako-pass-1");
        pressKey(WXK_RETURN);
    });
    d.step(
        "the login waits visibly", [] { return gui::WaitingStore::waitShown(); }, std::chrono::seconds(10));
    d.act("the server answers again", [&] { proxy.restore(); });
    d.step(
        "the window opens in her name",
        [this] { return !shownTopLevel("login") && frame && frame->IsShown() && frame->currentUser() == "hanako"; },
        std::chrono::seconds(10));
    run(d);
    session.idleLock.reset(); // before the relay the window talks through goes
    closeFrame();
    store.reset();
}
