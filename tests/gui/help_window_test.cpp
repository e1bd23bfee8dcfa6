// The window a new clerk can use without the manual (issue #17 item 3): the toolbar's main actions
// with their keys, the hint over an empty list (the first time, where the keys are listed), Help >
// Keyboard shortcuts (F1) and About, each dialog within the counter laptop's 1366×768.
#include "visit_steps.hpp"
#include "window_fixture.hpp"

#include <vector>
#include <wx/config.h>
#include <wx/listctrl.h>
#include <wx/toolbar.h>

using namespace madoguchi;
using namespace madoguchi::test;

TEST_F(WindowTest, TheMainWindowShowsItsActionsWithTheirKeysAHintAndHelp)
{
    wxConfigBase::Get()->DeleteEntry("/Hints/FirstRunDone"); // this desk has not saved a visit yet
    openFrame();
    fillTheScreen(frame);
    UiDriver d;
    d.waitFor("the window is ready", [] { return focusIs("search"); });
    d.act("the toolbar holds the main actions, each with its key", [this] {
        wxToolBar* bar = frame->GetToolBar();
        ASSERT_NE(bar, nullptr);
        std::vector<std::string> labels;
        for (std::size_t i = 0; i < bar->GetToolsCount(); ++i)
            if (auto* tool = bar->GetToolByPos(static_cast<int>(i)); tool->IsButton()) // an icon: its tooltip
                labels.push_back(
                    std::string((tool->GetLabel().empty() ? tool->GetShortHelp() : tool->GetLabel()).utf8_str()));
        EXPECT_EQ(labels, (std::vector<std::string>{"カードを読む（Ctrl+R）", "新しい受付（Ctrl+N）", "次の方（F2）",
                                                    "再呼び出し（F3）", "不在（F4）", "番号指定（Ctrl+G）",
                                                    "印刷（Ctrl+P）", "検索（Ctrl+F）"}));
        // Every tool and the number called within the counter laptop's width (visit_steps.hpp):
        // nothing hidden behind the bar's overflow arrow.
        EXPECT_LE(bar->GetBestSize().GetWidth(), screenToFit().GetWidth());
    });
    d.waitFor("the first-run hint says how to begin and where the keys are", [] {
        const std::string hint = label("listHint");
        return control<wxWindow>("listHint")->IsShown() && hint.find("Ctrl+R（カードを読む）") != std::string::npos &&
               hint.find("キーボードショートカット（F1）") != std::string::npos;
    });
    d.screenshot("main-window-first-run.png");
    d.act("F1", [] { pressKey(WXK_F1); });
    d.waitFor("the keyboard shortcuts, every key listed", [] {
        auto* list = control<wxListCtrl>("shortcutsList");
        return focusInside("shortcutsDialog") && list && list->GetItemCount() >= 15 && list->GetItemText(0) == "Ctrl+R";
    });
    fitsTheSmallScreen(d, "shortcutsDialog");
    d.screenshot("keyboard-shortcuts.png");
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("closed, back on the search", [] { return !shownTopLevel("shortcutsDialog") && focusIs("search"); });
    d.act("Help > About", [this] {
        wxTheApp->CallAfter([this] {
            wxCommandEvent about(wxEVT_MENU, wxID_ABOUT);
            frame->GetEventHandler()->ProcessEvent(about);
        });
    });
    d.waitFor("About names the program and its version", [] {
        return focusInside("aboutDialog") &&
               label("aboutTitle") == std::string("Madoguchi（窓口）") + MADOGUCHI_VERSION;
    });
    fitsTheSmallScreen(d, "aboutDialog");
    d.screenshot("about.png");
    d.act("Enter closes it", [] { pressKey(WXK_RETURN); });
    d.waitFor("closed", [] { return !shownTopLevel("aboutDialog") && focusIs("search"); });
    d.act("visitors arrive", [this] {
        addEarlierVisitors();
        frame->reload();
    });
    d.waitFor("the hint goes once the list has rows",
              [this] { return frame->rows().size() == 2 && !control<wxWindow>("listHint")->IsShown(); });
    d.act("search for nobody", [] { commitText("該当なし"); });
    d.waitFor("the hint says nothing matches", [] {
        return control<wxWindow>("listHint")->IsShown() &&
               label("listHint").find("該当する受付はありません") != std::string::npos;
    });
    run(d);
}
