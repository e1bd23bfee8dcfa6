// Every look at residents' data in the window leaves an audit entry in the user's name: the day's
// list, a search's results, an opened case, the supervisor's exports and the audit export itself.
#include "core/common/clock.hpp"
#include "db/audit_log.hpp"
#include "window_fixture.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <wx/filedlg.h>
#include <wx/modalhook.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// A native GTK file chooser is up. It is not among wx's top-level windows, so the driver learns
// of it the way wx tells of every modal dialog: a modal dialog hook.
class FileChooserHook : public wxModalDialogHook {
public:
    FileChooserHook() { Register(); }
    ~FileChooserHook() override { Unregister(); }
    bool shown() const { return shown_; }

protected:
    int Enter(wxDialog* dialog) override
    {
        if (dynamic_cast<wxFileDialog*>(dialog))
            shown_ = true;
        return wxID_NONE;
    }
    void Exit(wxDialog* dialog) override
    {
        if (dynamic_cast<wxFileDialog*>(dialog))
            shown_ = false;
    }

private:
    bool shown_ = false;
};

FileChooserHook* fileChooser = nullptr;

bool fileDialogShown()
{
    return fileChooser && fileChooser->shown();
}

// Saves through the file chooser by keyboard, as a supervisor would: the whole path into the name.
void saveAs(UiDriver& d, const std::string& path)
{
    d.waitFor("the file chooser opens", fileDialogShown);
    d.pause("it settles", std::chrono::milliseconds(700));
    d.act("type the path, Enter", [path] {
        pressKey('A', wxMOD_CONTROL);
        typeAscii(path.c_str());
        pressKey(WXK_RETURN);
    });
    d.waitFor("the file is written", [path] { return !fileDialogShown() && std::filesystem::exists(path); });
}

} // namespace

TEST_F(WindowTest, EveryViewOfResidentsDataIsAuditedInTheUsersName)
{
    std::vector<CaseId> today = addEarlierVisitors();
    // Residents from an earlier day: only a search shows them.
    std::vector<db::ImportedCase> old(2);
    const char* people[][2] = {{"伊藤 光", "イトウ ヒカル"}, {"井上 翼", "イノウエ ツバサ"}};
    for (int i = 0; i < 2; ++i) {
        old[i].draft.procedure = Procedure::Reissue;
        old[i].draft.resident.name = people[i][0];
        old[i].draft.resident.kana = people[i][1];
        old[i].draft.resident.birth = parseIsoDate("1979-07-07", "birth");
        old[i].draft.window = "1";
        old[i].receivedAt = "2026-10-01T10:00:00+09:00";
        old[i].status = CaseStatus::Done;
    }
    auto oldIds = store->importCases(old, {"sato", Role::Supervisor});
    CaseId earlier = oldIds[0], glimpsed = oldIds[1];

    const db::Actor reader{"tanaka", Role::Supervisor};
    auto entries = [&](const std::string& action) {
        std::vector<AuditEntry> out;
        for (auto& e : store->audit().auditDay(now().localDay, reader))
            if (e.action == action)
                out.push_back(e);
        return out;
    };
    auto casesIn = [](const std::vector<AuditEntry>& es, const std::string& detail) {
        std::set<CaseId> ids;
        for (const auto& e : es)
            if (e.detail == detail && e.caseId)
                ids.insert(*e.caseId);
        return ids;
    };
    const std::string csv = (dir / "day.csv").string(), auditCsv = (dir / "audit.csv").string();

    FileChooserHook hook;
    fileChooser = &hook;
    openFrame(Role::Supervisor, "tanaka");
    UiDriver d;
    d.waitFor("the window is ready", [] { return focusIs("search"); });
    d.waitFor("the day's list is recorded once it has settled", [&] {
        return casesIn(entries(audit_actions::kList), "window list") == std::set<CaseId>(today.begin(), today.end());
    });
    d.act("F5 shows the same cases again", [] { pressKey(WXK_F5); });
    d.act("search by furigana, a keystroke at a time", [] { commitText("い"); });
    d.waitFor("both earlier residents show for a moment", [&] { return frame->rows().size() == 2; });
    d.act("the next keystrokes", [] {
        commitText("と");
        commitText("う");
    });
    d.waitFor("the search finds the earlier resident",
              [&] { return frame->rows().size() == 1 && frame->rows()[0].id == earlier; });
    d.waitFor("the search's result is recorded as a search",
              [&] { return casesIn(entries(audit_actions::kList), "window search") == std::set<CaseId>{earlier}; });
    d.act("Enter opens her case", [] { pressKey(WXK_RETURN); });
    d.waitFor("the case is shown", [] { return focusInside("caseDetailDialog"); });
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back on the list", [] { return !shownTopLevel("caseDetailDialog") && focusIs("search"); });
    d.act("Ctrl+Shift+S", [] { pressKey('S', wxMOD_CONTROL | wxMOD_SHIFT); });
    d.waitFor("the supervisor view", [] { return focusInside("supervisorView"); });
    d.act("Alt+S: the CSV of the day", [] { pressKey('S', wxMOD_ALT); });
    saveAs(d, csv);
    d.act("Alt+A: the day's audit trail", [] { pressKey('A', wxMOD_ALT); });
    d.waitFor("the audit trail is shown", [] { return focusInside("auditDayDialog"); });
    d.screenshot("audit-trail.png");
    d.act("Alt+E: export it", [] { pressKey('E', wxMOD_ALT); });
    saveAs(d, auditCsv);
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back in the supervisor view",
              [] { return !shownTopLevel("auditDayDialog") && focusInside("supervisorView"); });
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back on the list", [] { return !shownTopLevel("supervisorView"); });
    run(d);
    fileChooser = nullptr;

    auto all = store->audit().auditDay(now().localDay, reader);
    for (const auto& e : all)
        if (e.user != "sato") { // who put the cases in
            EXPECT_EQ(e.user, "tanaka") << e.action;
            EXPECT_EQ(e.role, "supervisor") << e.action;
        }
    // The list: each case once (F5 and the refresh after the dialogs showed nothing new), and
    // the half-typed searches ("い", "いと") not at all.
    auto lists = entries(audit_actions::kList);
    EXPECT_EQ(lists.size(), today.size() + 1);
    EXPECT_FALSE(casesIn(lists, "window search").count(glimpsed));
    auto views = entries(audit_actions::kView);
    ASSERT_EQ(views.size(), 1u);
    EXPECT_EQ(views[0].caseId, earlier);
    EXPECT_EQ(views[0].detail, "window");
    // The list entries come before the view of the case opened from it.
    EXPECT_LT(lists.back().seq, views[0].seq);
    EXPECT_EQ(casesIn(entries(audit_actions::kExport), "daily report csv"),
              std::set<CaseId>(today.begin(), today.end()));
    auto auditExports = entries(audit_actions::kAuditExport);
    ASSERT_EQ(auditExports.size(), 1u);
    EXPECT_EQ(auditExports[0].detail, toIso(now().localDay) + " csv");

    // The exported audit holds what the supervisor saw in it, and only she can read the file.
    struct stat st {};
    ASSERT_EQ(::stat(auditCsv.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    std::ifstream in(auditCsv);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("case.view"), std::string::npos) << text;
    EXPECT_EQ(text.find("伊藤"), std::string::npos) << "no names in the audit trail";
    EXPECT_TRUE(store->audit().verifyAudit().ok);
}

// The window's exports go through the one writer: an existing file is replaced only after the
// "replace?" question answered yes (Enter keeps it), and the case book itself is refused with a
// dialog even though the supervisor chose it in the file chooser.
TEST_F(WindowTest, ExportsAskBeforeReplacingAFileAndNeverWriteOverTheCaseBook)
{
    std::vector<CaseId> today = addEarlierVisitors();
    const std::string csv = (dir / "day.csv").string();
    std::ofstream(csv) << "older";
    const db::Actor reader{"tanaka", Role::Supervisor};
    auto exports = [&] {
        int n = 0;
        for (auto& e : store->audit().auditDay(now().localDay, reader))
            n += e.action == audit_actions::kExport;
        return n;
    };
    auto contents = [](const std::string& p) {
        std::ifstream in(p, std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    };

    FileChooserHook hook;
    fileChooser = &hook;
    openFrame(Role::Supervisor, "tanaka");
    UiDriver d;
    d.waitFor("the window is ready", [] { return focusIs("search"); });
    d.act("Ctrl+Shift+S", [] { pressKey('S', wxMOD_CONTROL | wxMOD_SHIFT); });
    d.waitFor("the supervisor view", [] { return focusInside("supervisorView"); });
    auto chooseCsv = [&](const std::string& path) {
        d.act("Alt+S: the CSV of the day", [] { pressKey('S', wxMOD_ALT); });
        d.waitFor("the file chooser opens", fileDialogShown);
        d.pause("it settles", std::chrono::milliseconds(700));
        d.act("type the path, Enter", [path] {
            pressKey('A', wxMOD_CONTROL);
            typeAscii(path.c_str());
            pressKey(WXK_RETURN);
        });
    };
    chooseCsv(csv);
    d.waitFor("the question: replace it?", [] { return focusInside("replaceQuestion"); });
    d.screenshot("replace-question.png");
    d.act("Enter keeps the file", [] { pressKey(WXK_RETURN); });
    d.waitFor("the question goes", [] { return !shownTopLevel("replaceQuestion"); });
    d.pause("nothing is written", std::chrono::milliseconds(500));
    d.step("the file is as it was, and no export is recorded",
           [&] { return contents(csv) == "older" && exports() == 0; });
    chooseCsv(csv);
    d.waitFor("the question again", [] { return focusInside("replaceQuestion"); });
    d.act("Alt+R replaces it", [] { pressKey('R', wxMOD_ALT); });
    d.waitFor("the CSV replaces the older file", [&] {
        return !shownTopLevel("replaceQuestion") && contents(csv).rfind("\xEF\xBB\xBF", 0) == 0 &&
               exports() == static_cast<int>(today.size());
    });
    chooseCsv(bookPath());
    d.waitFor("the case book is refused", [] { return focusInside("errorDialog"); });
    d.screenshot("export-over-the-case-book.png");
    d.act("Enter", [] { pressKey(WXK_RETURN); });
    d.waitFor("back in the supervisor view",
              [] { return !shownTopLevel("errorDialog") && focusInside("supervisorView"); });
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back on the list", [] { return !shownTopLevel("supervisorView"); });
    run(d);
    fileChooser = nullptr;
    EXPECT_EQ(exports(), static_cast<int>(today.size()));
    EXPECT_EQ(store->search({}).size(), today.size()) << "the case book lost its cases";
    EXPECT_TRUE(store->check().ok);
}
