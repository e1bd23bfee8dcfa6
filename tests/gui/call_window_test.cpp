// Calling residents from the counter window by keyboard (issue #16): F2 calls the next resident
// to this desk's window, F3 calls again, F4 sends the number back ("not here"), Ctrl+G calls a
// number the clerk types. What the window shows is read back, and what the case book recorded.
#include "app/gui/wx_text.hpp"
#include "window_fixture.hpp"

#include <wx/statusbr.h>
#include <wx/textdlg.h>
#include <wx/toolbar.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// The toolbar's call label is one line (GTK wraps a label into the size it was given).
bool oneLine(wxWindow* frame)
{
    auto* label = wxWindow::FindWindowByName("calledNumber", frame);
    if (!label)
        return false;
    // As wide as its text in its font, and the toolbar shows it whole (no overflow, no squeeze).
    wxSize text = label->GetTextExtent(label->GetLabel());
    return label->GetSize().x >= text.x && label->GetSize().y < 2 * text.y && label->IsShownOnScreen() &&
           label->GetScreenRect().GetRight() <= frame->GetScreenRect().GetRight();
}

int countKind(const Case& c, HistoryKind k)
{
    return static_cast<int>(
        std::count_if(c.history.begin(), c.history.end(), [k](const HistoryEntry& h) { return h.kind == k; }));
}

} // namespace

TEST_F(WindowTest, TheCallKeysCallTheNextAgainNotHereAndAChosenNumber)
{
    std::vector<CaseId> ids = addEarlierVisitors(); // both waiting
    const std::string first = store->get(ids[0]).receptionNumber;
    const std::string second = store->get(ids[1]).receptionNumber;
    openFrame();
    frame->SetSize(frame->FromDIP(wxSize(1366, 768)));
    UiDriver d;
    d.waitFor("the window is ready, the call keys on its toolbar", [this] {
        auto* bar = frame->GetToolBar();
        return focusIs("search") && bar && bar->GetToolsCount() >= 4 &&
               label("calledNumber") == "呼び出し中の番号はありません";
    });
    EXPECT_TRUE(oneLine(frame)) << "the call label wraps on the toolbar";
    d.act("F2", [] { pressKey(WXK_F2); });
    d.waitFor("the first to arrive is called to this window: on the toolbar, its row selected", [this, first, ids] {
        return label("calledNumber") == first + " を 1番窓口へ呼び出し中" &&
               label("callNote") == first + " を 1番窓口へ呼び出しました" && frame->callBar().current() == ids[0] &&
               focusIs("caseList");
    });
    EXPECT_TRUE(oneLine(frame)) << "the call label wraps on the toolbar";
    d.screenshot("call-next.png");
    d.act("F3", [] { pressKey(WXK_F3); });
    d.waitFor("called again", [this, ids] { return countKind(store->get(ids[0]), HistoryKind::CalledAgain) == 1; });
    d.act("F4", [] { pressKey(WXK_F4); });
    d.waitFor("not here: back to the queue, the toolbar empty", [this, first, ids] {
        return countKind(store->get(ids[0]), HistoryKind::Absent) == 1 &&
               label("calledNumber") == "呼び出し中の番号はありません" &&
               label("callNote") == first + " は待ち行列に戻りました";
    });
    d.act("F2 again", [] { pressKey(WXK_F2); });
    d.waitFor("the second is called: the first is out of the queue for a while",
              [second] { return label("calledNumber") == second + " を 1番窓口へ呼び出し中"; });
    d.act("F2 once more", [] { pressKey(WXK_F2); });
    d.waitFor("nobody is waiting, and it says so", [] { return label("callNote") == "お待ちの方はいません。"; });
    d.act("Ctrl+G", [] { pressKey('G', wxMOD_CONTROL); });
    d.waitFor("the number is asked for", [] { return focusInside("callNumberDialog"); });
    d.act("type the first number, Enter", [first] {
        typeAscii(first.c_str());
        pressKey(WXK_RETURN);
    });
    d.waitFor("the chosen number is called to this window", [this, first, ids] {
        return !shownTopLevel("callNumberDialog") && label("calledNumber") == first + " を 1番窓口へ呼び出し中" &&
               frame->callBar().current() == ids[0];
    });
    run(d);

    Case c = store->get(ids[0]);
    EXPECT_EQ(countKind(c, HistoryKind::Called), 2);
    ASSERT_TRUE(c.call);
    EXPECT_EQ(c.call->window, "1");
    EXPECT_EQ(c.call->kind, CallState::Kind::Called);
    EXPECT_EQ(c.history.back().actor, "tanaka");
    EXPECT_EQ(c.history.back().window, "1");
    EXPECT_EQ(store->get(ids[1]).call->window, "1");
}
