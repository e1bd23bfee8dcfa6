// The whole visit in the real window, by keyboard: new case, the resident read from the emulated
// My Number card (PIN typed in the PIN dialog) and the furigana typed, the documents ticked,
// saved, the status moved on with the reason the rules ask for, the handout printed.
#include "app/gui/case_detail_dialog.hpp"
#include "app/gui/presenters/visit_rules.hpp"
#include "card_rig.hpp"
#include "core/common/clock.hpp"
#include "tests/support/run_process.hpp"
#include "visit_steps.hpp"
#include "window_fixture.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <filesystem>
#include <functional>
#include <set>
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/toplevel.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// The clerk clicks into a field and types: the text goes in only once the field has the focus.
void focusAndCommit(UiDriver& d, const char* field, const std::string& text)
{
    d.act(std::string("click into ") + field, [field] { control<wxWindow>(field)->SetFocus(); });
    d.waitFor(std::string(field) + " has the focus", [field] { return focusIs(field); });
    d.act(std::string("type into ") + field, [text] { commitText(text); });
}

// Case ids on the day's list, for checks against the case book.
CaseStatus statusOf(db::CaseStore& store, CaseId id)
{
    return store.get(id).status;
}

} // namespace

TEST_F(WindowTest, AClerkDoesTheWholeVisitFromTheCardToTheHandoutByKeyboard)
{
    MADOGUCHI_REQUIRE_CARD_RIG();
    Reader0Lock reader0;
    EmulatedCard card(dir, writeProfile(dir, {{"name", "山田 花子"},
                                              {"address", "東京都小平市小川町2-1333"},
                                              {"birth", "19700520"},
                                              {"sex", "2"}}));
    addEarlierVisitors();
    openFrame();
    CaseId created = 0;
    UiDriver d;
    d.waitFor("the search box has the focus at start", [] { return focusIs("search"); });
    d.screenshot("main-window.png");

    d.act("Ctrl+N", [] { pressKey('N', wxMOD_CONTROL); });
    d.waitFor("the new-case dialog opens on the procedure search",
              [] { return shownTopLevel("newCaseDialog") && focusIs("procedureSearch"); });
    d.act("type the reading in romaji", [] { typeAscii("saikoufu"); });
    d.waitFor("only 再交付 is left", [] {
        auto* list = control<wxListBox>("procedureList");
        return list && list->GetCount() == 1 && list->GetSelection() == 0 &&
               list->GetString(0).utf8_str().data() == std::string("再交付"); // the name, not its reading
    });
    d.act("Enter chooses it", [] { pressKey(WXK_RETURN); });
    d.waitFor("the focus moves to the name", [] { return focusIs("name"); });
    d.act("Ctrl+R reads the resident's card", [] { pressKey('R', wxMOD_CONTROL); });
    residentGivesThePin(d, "山田 花子");
    d.act("kanji in the furigana", [] { commitText("山田"); });
    d.waitFor("the mistake is shown next to the field as typed",
              [] { return label("kanaMessage") == "フリガナはカタカナかひらがなで入力してください。"; });
    d.screenshot("validation-as-typed.png");
    d.act("retype the furigana", [] {
        control<wxTextCtrl>("kana")->SelectAll();
        commitText("ヤマダ ハナコ");
    });
    d.waitFor("the message goes", [] { return label("kanaMessage").empty(); });
    d.act("Tab", [] { pressKey(WXK_TAB); });
    d.waitFor("the focus moves to the birth date", [] { return focusIs("birth"); });
    d.waitFor("the card's birth date is read back in both calendars",
              [] { return label("birthEcho") == "1970-05-20（昭和45年5月20日）"; });
    // The sex choice is a GTK combo box whose focused part is no wx window: check it by leaving it.
    d.act("Tab", [] { pressKey(WXK_TAB); });
    d.waitFor("Tab leaves the birth date for the sex", [] { return !focusIs("birth") && !focusIs("address"); });
    d.act("Tab", [] { pressKey(WXK_TAB); });
    d.waitFor("Tab reaches the address, filled from the card",
              [] { return focusIs("address") && textOf("address") == "東京都小平市小川町2-1333"; });
    for (const char* next : {"foreign", "movedIn", "documents", "newDocument"}) {
        d.act("Tab", [] { pressKey(WXK_TAB); });
        d.waitFor(std::string("Tab reaches ") + next, [next] { return focusIs(next); });
    }
    // What the rule book asks a principal to bring for a reissue, as the window should list it.
    gui::VisitFacts facts;
    facts.procedure = Procedure::Reissue;
    facts.birth = parseIsoDate("1970-05-20", "birth");
    const auto required = gui::visitRules(ruleBook(), facts, now().localDay).documents;
    ASSERT_FALSE(required.empty());
    d.waitFor("the required documents are on the checklist", [&] {
        auto* docs = control<wxCheckListBox>("documents");
        return docs->GetCount() == required.size() && std::string(docs->GetString(0).utf8_str()) == required[0].label;
    });
    d.waitFor("the fee shows", [] {
        return std::string(control<wxTextCtrl>("rulesSummary")->GetValue().utf8_str()).find("1,000円") !=
               std::string::npos;
    });
    d.act("add a document of the clerk's own", [] {
        commitText("罹災証明書");
        pressKey(WXK_RETURN);
    });
    d.waitFor("it is on the checklist after the required ones",
              [&] { return control<wxCheckListBox>("documents")->GetCount() == required.size() + 1; });
    d.act("Shift+Tab back to the checklist", [] { pressKey(WXK_TAB, wxMOD_SHIFT); });
    d.waitFor("the checklist has the focus", [] { return focusIs("documents"); });
    d.act("Space ticks the first document", [] {
        control<wxCheckListBox>("documents")->SetSelection(0);
        pressKey(WXK_SPACE);
    });
    d.waitFor("the first required document is ticked", [] {
        auto* docs = control<wxCheckListBox>("documents");
        return docs->IsChecked(0) && !docs->IsChecked(docs->GetCount() - 1);
    });
    d.screenshot("new-case.png");

    saveAndFind(d, *store, "やまだ", created);
    d.act("the case book has the case as typed", [&] {
        Case c = store->get(created);
        EXPECT_EQ(c.procedure, Procedure::Reissue);
        EXPECT_EQ(c.resident.name, "山田 花子");
        EXPECT_EQ(c.resident.kana, "ヤマダ ハナコ");
        EXPECT_EQ(toIso(c.resident.birth), "1970-05-20");
        EXPECT_EQ(c.resident.address, "東京都小平市小川町2-1333");
        EXPECT_EQ(c.resident.sex, Sex::Female);
        EXPECT_EQ(c.clerk, "tanaka");
        ASSERT_EQ(c.documents.size(), required.size() + 1);
        EXPECT_EQ(c.documents[0].document, required[0].id); // the rule book's id, not its text
        EXPECT_TRUE(c.documents[0].checked);
        EXPECT_EQ(c.documents.back().document, "罹災証明書");
        EXPECT_FALSE(c.documents.back().checked);
        EXPECT_EQ(c.feeYen, 1000);
        EXPECT_EQ(c.status, CaseStatus::Received);
    });
    d.waitFor("only the allowed changes are offered", [] {
        return control<wxWindow>("to-in-progress") && control<wxWindow>("to-waiting") &&
               control<wxWindow>("to-withdrawn") && !control<wxWindow>("to-done") && !control<wxWindow>("reopen");
    });
    d.screenshot("case-detail.png");

    d.act("Alt+1: start", [] { pressKey('1', wxMOD_ALT); });
    d.waitFor("the case is being served", [&] {
        return statusOf(*store, created) == CaseStatus::InProgress && control<wxWindow>("to-done") &&
               !control<wxWindow>("to-in-progress");
    });
    d.act("Alt+1: hold, without a reason", [] { pressKey('1', wxMOD_ALT); });
    d.waitFor("the reason is asked for, and nothing changed", [&] {
        return !label("reasonMessage").empty() && focusIs("reason") &&
               statusOf(*store, created) == CaseStatus::InProgress;
    });
    d.act("give the reason, Alt+1 again", [] {
        commitText("照会書待ち");
        pressKey('1', wxMOD_ALT);
    });
    d.waitFor("the case waits", [&] { return statusOf(*store, created) == CaseStatus::Waiting; });
    d.act("Alt+2: complete", [] { pressKey('2', wxMOD_ALT); });
    d.waitFor("the case is done and offers nothing more to a clerk", [&] {
        return statusOf(*store, created) == CaseStatus::Done && !control<wxWindow>("to-waiting") &&
               !control<wxWindow>("reopen");
    });
    d.screenshot("case-done.png");
    printAndRead(d, [&](const std::string& text) {
        std::string number = store->get(created).receptionNumber;
        EXPECT_NE(text.find(number), std::string::npos) << text;
        EXPECT_NE(text.find("再交付"), std::string::npos) << text;
        EXPECT_NE(text.find("山田"), std::string::npos) << text;
    });
    d.act("Escape closes", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back on the list, which shows it done", [&] {
        if (shownTopLevel("caseDetailDialog"))
            return false;
        for (const auto& r : frame->rows())
            if (r.id == created)
                return r.status == "完了";
        return false;
    });
    d.act("Ctrl+F", [] { pressKey('F', wxMOD_CONTROL); });
    d.waitFor("the search box has the focus", [] { return focusIs("search"); });
    d.act("search by furigana in hiragana", [] { commitText("やまだ"); });
    d.waitFor("the list narrows to her",
              [&] { return frame->rows().size() == 1 && frame->rows()[0].resident == "山田 花子"; });
    d.screenshot("search.png");
    run(d);

    Case c = store->get(created);
    ASSERT_EQ(c.history.size(), 4u);
    EXPECT_EQ(c.history[2].to, CaseStatus::Waiting);
    EXPECT_EQ(c.history[2].reason, "照会書待ち");
    EXPECT_EQ(c.history[3].actor, "tanaka");
}

TEST_F(WindowTest, AFailedSaveKeepsTheFormAsTyped)
{
    openFrame();
    // Another program holds the case book's write lock: the save must fail after the busy wait.
    auto locker = std::make_shared<SQLite::Database>(bookPath(), SQLite::OPEN_READWRITE);
    UiDriver d;
    d.waitFor("the window is ready", [] { return focusIs("search"); });
    d.act("Ctrl+N", [] { pressKey('N', wxMOD_CONTROL); });
    d.waitFor("the new-case dialog", [] { return focusIs("procedureSearch"); });
    d.act("fill the form", [] {
        commitText("暗証番号");
        pressKey(WXK_RETURN);
    });
    d.waitFor("name field", [] { return focusIs("name"); });
    d.act("name", [] { commitText("高橋 一郎"); });
    focusAndCommit(d, "kana", "タカハシ イチロウ");
    d.act("focus the birth date", [] { control<wxTextCtrl>("birth")->SetFocus(); });
    d.waitFor("the birth date has the focus", [] { return focusIs("birth"); });
    d.act("birth, in 和暦", [] { typeAscii("S35.1.15"); });
    d.waitFor("the birth date is read back in both calendars",
              [] { return label("birthEcho") == "1960-01-15（昭和35年1月15日）"; });
    d.act("lock the case book, Ctrl+S", [locker] {
        locker->exec("BEGIN IMMEDIATE");
        pressKey('S', wxMOD_CONTROL);
    });
    d.step(
        "a plain-Japanese error says what to do",
        [] {
            return focusInside("errorDialog") &&
                   label("errorTodo") == "台帳がほかの処理で使用中です。数秒待ってから、もう一度操作してください。入力"
                                         "した内容は失われていません。";
        },
        std::chrono::seconds(20));
    d.screenshot("save-failed.png");
    d.act("the message is wrapped, not one line across the screen", [] {
        EXPECT_TRUE(control<wxStaticText>("errorTodo")->GetLabel().Contains("\n"));
        EXPECT_LE(shownTopLevel("errorDialog")->GetSize().GetWidth(), 600);
    });
    d.act("the lock goes; Enter closes the message", [locker] {
        locker->exec("ROLLBACK");
        pressKey(WXK_RETURN);
    });
    d.waitFor("the form is still there, as typed", [] {
        return !shownTopLevel("errorDialog") && shownTopLevel("newCaseDialog") &&
               control<wxTextCtrl>("name")->GetValue().utf8_str().data() == std::string("高橋 一郎") &&
               control<wxTextCtrl>("kana")->GetValue().utf8_str().data() == std::string("タカハシ イチロウ") &&
               control<wxTextCtrl>("birth")->GetValue() == "S35.1.15";
    });
    d.act("Ctrl+S again", [] { pressKey('S', wxMOD_CONTROL); });
    d.waitFor("now it is saved", [] { return focusInside("caseDetailDialog"); });
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back on the list", [&] { return !shownTopLevel("caseDetailDialog") && frame->rows().size() == 1; });
    run(d);
    db::CaseQuery q;
    q.text = "高橋";
    EXPECT_EQ(store->search(q).size(), 1u);
}

TEST_F(WindowTest, ASupervisorSeesTheDayAndReopensAClosedCase)
{
    addEarlierVisitors();
    CaseId id = store->search(db::CaseQuery{}).back().id;
    store->changeStatus(id, CaseStatus::InProgress, "", {"sato"});
    store->changeStatus(id, CaseStatus::Done, "", {"sato"});
    openFrame(Role::Supervisor);
    UiDriver d;
    d.waitFor("the window is ready", [] { return focusIs("search"); });
    d.act("Ctrl+Shift+S", [] { pressKey('S', wxMOD_CONTROL | wxMOD_SHIFT); });
    d.waitFor("the day's figures",
              [] { return focusInside("supervisorView") && label("totals") == "2 件・手続 2 件（未完了 1 件）"; });
    d.screenshot("supervisor-view.png");
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back on the list", [] { return !shownTopLevel("supervisorView") && focusIs("search"); });
    d.act("search the closed case by its number", [&] { commitText(store->get(id).receptionNumber); });
    d.waitFor("one row", [&] { return frame->rows().size() == 1 && frame->rows()[0].id == id; });
    d.act("Enter opens it", [] { pressKey(WXK_RETURN); });
    d.waitFor("the detail offers reopening",
              [] { return focusInside("caseDetailDialog") && control<wxWindow>("reopen"); });
    focusAndCommit(d, "reason", "再来庁");
    d.act("Alt+O", [] { pressKey('O', wxMOD_ALT); });
    d.waitFor("the case is open again", [&] { return store->get(id).status == CaseStatus::InProgress; });
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("closed", [] { return !shownTopLevel("caseDetailDialog"); });
    run(d);
    EXPECT_NE(store->get(id).history.back().reason.find("再来庁"), std::string::npos);
}

// One visit, two procedures, all by keyboard: the PIN reset chosen, a certificate renewal added
// with Ctrl+Enter, one checklist for both (the card asked for once), saved as one case with one
// reception number; in the detail each procedure moved on by itself (Alt+↓ chooses the line,
// Alt+1… its changes), each with its own history; one handout naming both; the list row shows both.
TEST_F(WindowTest, AVisitOfTwoProceduresIsSavedMovedOnLineByLineAndPrintedByKeyboard)
{
    addEarlierVisitors();
    openFrame();
    frame->SetSize(0, 0, 1280, 760);
    CaseId created = 0;
    UiDriver d;
    d.waitFor("the window is ready", [] { return focusIs("search"); });
    d.act("Ctrl+N", [] { pressKey('N', wxMOD_CONTROL); });
    d.waitFor("the new-case dialog", [] { return focusIs("procedureSearch"); });
    d.act("the PIN reset, Enter", [] {
        commitText("暗証番号");
        pressKey(WXK_RETURN);
    });
    d.waitFor("it is the visit's first procedure; the focus moves to the name", [] {
        auto* visit = control<wxListBox>("visitProcedures");
        return focusIs("name") && visit->GetCount() == 1 &&
               std::string(visit->GetString(0).utf8_str()) == "1. 暗証番号の再設定";
    });
    d.act("Ctrl+Enter: another procedure", [] { pressKey(WXK_RETURN, wxMOD_CONTROL); });
    d.waitFor("the procedure search is empty again and has the focus",
              [] { return focusIs("procedureSearch") && textOf("procedureSearch").empty(); });
    d.act("the certificate renewal, Enter", [] {
        commitText("証明書の更新");
        pressKey(WXK_RETURN);
    });
    d.waitFor("both are the visit's; the focus is back on the name", [] {
        auto* visit = control<wxListBox>("visitProcedures");
        return focusIs("name") && visit->GetCount() == 2 &&
               std::string(visit->GetString(1).utf8_str()) == "2. 電子証明書の更新・発行";
    });
    d.act("name", [] { commitText("山田 花子"); });
    focusAndCommit(d, "kana", "ヤマダ ハナコ");
    d.act("focus the birth date", [] { control<wxTextCtrl>("birth")->SetFocus(); });
    d.waitFor("the birth date has the focus", [] { return focusIs("birth"); });
    d.act("birth, in 和暦", [] { typeAscii("S45.5.20"); });
    d.waitFor("read back in both calendars", [] { return label("birthEcho") == "1970-05-20（昭和45年5月20日）"; });
    // One checklist for both: what the rule book asks for the visit, merged, the card once.
    gui::VisitFacts both, pinAlone;
    both.procedures = {Procedure::PinReset, Procedure::CertRenewal};
    pinAlone.procedure = Procedure::PinReset;
    both.birth = pinAlone.birth = parseIsoDate("1970-05-20", "birth");
    const auto merged = gui::visitRules(ruleBook(), both, now().localDay).documents;
    const auto pinOnly = gui::visitRules(ruleBook(), pinAlone, now().localDay).documents;
    d.waitFor("the checklist is the visit's, each document once", [&] {
        auto* docs = control<wxCheckListBox>("documents");
        if (docs->GetCount() != merged.size())
            return false;
        std::set<std::string> labels;
        for (unsigned i = 0; i < docs->GetCount(); ++i)
            labels.insert(std::string(docs->GetString(i).utf8_str()));
        return labels.size() == merged.size() && merged.size() > pinOnly.size();
    });
    fitsTheSmallScreen(d, "newCaseDialog");
    d.screenshot("new-visit-two-procedures.png");
    saveAndFind(d, *store, "やまだ", created);
    d.act("one case, two procedures, one reception number", [&] {
        Case c = store->get(created);
        ASSERT_EQ(c.procedures.size(), 2u);
        EXPECT_EQ(c.procedures[0].procedure, Procedure::PinReset);
        EXPECT_EQ(c.procedures[1].procedure, Procedure::CertRenewal);
        EXPECT_EQ(c.receptionNumber, "A-003");
        EXPECT_EQ(c.documents.size(), merged.size());
    });
    d.waitFor("the detail lists both procedures, the first chosen, with its changes", [] {
        auto* lines = control<wxListCtrl>("procedures");
        return lines && lines->GetItemCount() == 2 &&
               lines->GetItemState(0, wxLIST_STATE_SELECTED) == wxLIST_STATE_SELECTED &&
               control<wxWindow>("to-in-progress") && label("caseTitle").find(" + ") != std::string::npos;
    });
    d.act("Alt+1: start the PIN reset", [] { pressKey('1', wxMOD_ALT); });
    d.waitFor("the PIN reset is being served, the renewal not yet", [&] {
        Case c = store->get(created);
        return c.procedures[0].status == CaseStatus::InProgress && c.procedures[1].status == CaseStatus::Received &&
               c.status == CaseStatus::InProgress && control<wxWindow>("to-done");
    });
    d.act("Alt+↓: the renewal", [] { pressKey(WXK_DOWN, wxMOD_ALT); });
    d.waitFor("the renewal's own changes and history are shown", [] {
        auto* lines = control<wxListCtrl>("procedures");
        return lines->GetItemState(1, wxLIST_STATE_SELECTED) == wxLIST_STATE_SELECTED &&
               control<wxWindow>("to-in-progress") && !control<wxWindow>("to-done") &&
               control<wxListCtrl>("history")->GetItemCount() == 1; // the visit's reception only
    });
    d.act("Alt+1: start the renewal", [] { pressKey('1', wxMOD_ALT); });
    d.waitFor("it is being served", [&] { return store->get(created).procedures[1].status == CaseStatus::InProgress; });
    d.waitFor("the buttons are still the renewal's",
              [] { return control<wxWindow>("to-done") && !control<wxWindow>("to-in-progress"); });
    d.act("Alt+2: the renewal is done", [] { pressKey('2', wxMOD_ALT); });
    d.waitFor("the renewal is done, the visit not yet", [&] {
        Case c = store->get(created);
        return c.procedures[1].status == CaseStatus::Done && c.status == CaseStatus::InProgress &&
               !control<wxWindow>("to-waiting");
    });
    d.screenshot("case-detail-two-procedures.png");
    fitsTheSmallScreen(d, "caseDetailDialog");
    d.act("Alt+↑: back to the PIN reset", [] { pressKey(WXK_UP, wxMOD_ALT); });
    d.waitFor("its changes are shown", [] {
        return control<wxListCtrl>("procedures")->GetItemState(0, wxLIST_STATE_SELECTED) == wxLIST_STATE_SELECTED &&
               control<wxWindow>("to-done") && control<wxListCtrl>("history")->GetItemCount() == 2;
    });
    d.act("Alt+2: done", [] { pressKey('2', wxMOD_ALT); });
    d.waitFor("the whole visit is done", [&] { return store->get(created).status == CaseStatus::Done; });
    printAndRead(d, [](const std::string& text) {
        // One handout for both procedures.
        EXPECT_NE(text.find("暗証番号の再設定"), std::string::npos) << text;
        EXPECT_NE(text.find("電子証明書の更新・発行"), std::string::npos) << text;
        std::size_t licences = 0;
        for (auto at = text.find("運転免許証"); at != std::string::npos; at = text.find("運転免許証", at + 1))
            ++licences;
        EXPECT_EQ(licences, 1u) << "the resident's identity check, asked once\n" << text;
    });
    d.act("Escape closes", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("the list row shows both procedures, done", [&] {
        if (shownTopLevel("caseDetailDialog"))
            return false;
        for (const auto& r : frame->rows())
            if (r.id == created)
                return r.procedure == "暗証番号の再設定 + 電子証明書の更新・発行" && r.status == "完了";
        return false;
    });
    d.screenshot("list-two-procedures.png");
    run(d);

    Case c = store->get(created);
    ASSERT_EQ(c.history.size(), 5u);
    EXPECT_EQ(c.history[1].procedure, Procedure::PinReset);
    EXPECT_EQ(c.history[2].procedure, Procedure::CertRenewal);
    EXPECT_EQ(c.history[4].procedure, Procedure::PinReset);
    EXPECT_EQ(c.history[4].actor, "tanaka");
}
