// The new-case dialog's "read card" in the real window: the emulated My Number card in vpcd's
// reader 0 through pcscd, the button pressed by keyboard, the PIN typed into the masked PIN
// dialog, the form filled — and the faults: a wrong PIN, a blocked PIN, the last try, no card,
// a truncated answer, a read cancelled half-way. After each fault the form is as it was typed.
#include "card_rig.hpp"
#include "window_fixture.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/gauge.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// Ctrl+N and a procedure: the dialog waits on the resident's name.
void openNewCase(UiDriver& d)
{
    d.waitFor("the window is ready", [] { return focusIs("search"); });
    d.act("Ctrl+N", [] { pressKey('N', wxMOD_CONTROL); });
    d.waitFor("the new-case dialog", [] { return shownTopLevel("newCaseDialog") && focusIs("procedureSearch"); });
    d.act("choose 再交付", [] {
        typeAscii("saikoufu");
        pressKey(WXK_RETURN);
    });
    d.waitFor("the focus is on the name", [] { return focusIs("name"); });
}

void closeNewCase(UiDriver& d)
{
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("the new-case dialog is closed", [] { return !shownTopLevel("newCaseDialog"); });
}

void typePin(UiDriver& d, const char* pin)
{
    d.waitFor("the PIN dialog has the focus on the PIN", [] { return focusInside("pinDialog") && focusIs("pin"); });
    d.act(std::string("the resident types ") + pin, [pin] { typeAscii(pin); });
    d.waitFor("four digits: the read button is on", [] { return control<wxButton>("pinOk")->IsEnabled(); });
}

bool pinIsMasked()
{
    auto* pin = control<wxTextCtrl>("pin");
    return pin && pin->HasFlag(wxTE_PASSWORD);
}

int sexChoice()
{
    return control<wxChoice>("sex")->GetSelection();
}

// Nothing in the dialog shows the My Number in full: not a field, not a label.
bool myNumberShownAnywhere(wxWindow* w, const wxString& number)
{
    if (auto* t = dynamic_cast<wxTextCtrl*>(w); t && t->GetValue().Contains(number))
        return true;
    if (auto* s = dynamic_cast<wxStaticText*>(w); s && s->GetLabel().Contains(number))
        return true;
    for (wxWindow* child : w->GetChildren())
        if (myNumberShownAnywhere(child, number))
            return true;
    return false;
}

// The error dialog's first line, then Enter closes it.
void expectCardError(UiDriver& d, const std::string& what, const std::string& screenshot = {})
{
    d.step(
        "the card error says: " + what, [what] { return focusInside("errorDialog") && label("errorWhat") == what; },
        std::chrono::seconds(20));
    if (!screenshot.empty())
        d.screenshot(screenshot);
    d.act("Enter closes it", [] { pressKey(WXK_RETURN); });
    d.waitFor("back in the new-case dialog",
              [] { return !shownTopLevel("errorDialog") && focusInside("newCaseDialog"); });
}

} // namespace

TEST_F(WindowTest, CardReadFillsTheFormAndLeavesTheFuriganaToTheClerk)
{
    MADOGUCHI_REQUIRE_CARD_RIG();
    Reader0Lock reader0;
    EmulatedCard card(dir, writeProfile(dir));
    openFrame();
    UiDriver d;
    openNewCase(d);
    d.act("Ctrl+R reads the card", [] { pressKey('R', wxMOD_CONTROL); });
    d.step(
        "the PIN dialog shows the tries left",
        [] { return focusInside("pinDialog") && label("pinTries") == "残り試行回数: 3回"; }, std::chrono::seconds(20));
    typePin(d, "1234");
    d.act("the digits are masked", [] { EXPECT_TRUE(pinIsMasked()); });
    d.screenshot("card-pin.png");
    d.act("Enter reads", [] { pressKey(WXK_RETURN); });
    d.step(
        "the form has the card's facts and the focus is on the furigana",
        [] {
            return !shownTopLevel("pinDialog") && !shownTopLevel("cardProgress") && focusIs("kana") &&
                   textOf("name") == "山田 太郎";
        },
        std::chrono::seconds(20));
    d.act("name, address, birth date and sex as on the card", [] {
        EXPECT_EQ(textOf("address"), "東京都千代田区霞が関一丁目2番3号");
        EXPECT_EQ(textOf("birth"), "1970-05-20");
        EXPECT_EQ(label("birthEcho"), "1970-05-20（昭和45年5月20日）"); // checked as if typed
        EXPECT_EQ(sexChoice(), 1);                                      // 男
        EXPECT_EQ(textOf("kana"), "");
        EXPECT_FALSE(myNumberShownAnywhere(shownTopLevel("newCaseDialog"), "123456789018"));
    });
    d.act("type the furigana", [] { commitText("ヤマダ タロウ"); });
    d.waitFor("nothing to complain about", [] { return label("kanaMessage").empty(); });
    d.screenshot("card-read.png");
    closeNewCase(d);
    run(d);
}

TEST_F(WindowTest, CardReadWithAWrongPinSaysTheTriesLeftAndKeepsTheForm)
{
    MADOGUCHI_REQUIRE_CARD_RIG();
    Reader0Lock reader0;
    EmulatedCard card(dir, writeProfile(dir, {{"pins", {{"card_info", {{"value", "1234"}, {"tries", 3}}}}}}));
    openFrame();
    UiDriver d;
    openNewCase(d);
    d.act("the clerk has typed a name and the furigana", [] {
        commitText("山田");
        pressKey(WXK_TAB);
    });
    d.waitFor("furigana", [] { return focusIs("kana"); });
    d.act("furigana", [] { commitText("ヤマダ タロウ"); });
    d.act("Shift+Tab twice", [] {
        pressKey(WXK_TAB, wxMOD_SHIFT);
        pressKey(WXK_TAB, wxMOD_SHIFT);
    });
    d.waitFor("the read-card button has the focus", [] { return focusIs("readCard"); });
    d.act("Space presses it", [] { pressKey(WXK_SPACE); });
    d.step(
        "the PIN dialog", [] { return focusInside("pinDialog") && focusIs("pin"); }, std::chrono::seconds(20));
    d.act("three digits", [] { typeAscii("129"); });
    d.waitFor("three digits cannot be sent", [] { return !control<wxButton>("pinOk")->IsEnabled(); });
    d.act("a letter", [] { typeAscii("x"); });
    d.waitFor("a letter is named as wrong", [] {
        return label("pinMessage") == "暗証番号は4桁の数字（0〜9）です。" && !control<wxButton>("pinOk")->IsEnabled();
    });
    d.act("retype", [] {
        pressKey(WXK_BACK);
        typeAscii("9");
    });
    d.waitFor("four digits", [] { return control<wxButton>("pinOk")->IsEnabled() && label("pinMessage").empty(); });
    d.act("Enter", [] { pressKey(WXK_RETURN); });
    expectCardError(d, "暗証番号が違います。残り2回です。", "card-wrong-pin.png");
    d.waitFor("the focus is back on the button", [] { return focusIs("readCard"); });
    d.act("the form is as typed", [] {
        EXPECT_EQ(textOf("name"), "山田");
        EXPECT_EQ(textOf("kana"), "ヤマダ タロウ");
        EXPECT_EQ(textOf("address"), "");
    });
    d.act("Alt+R: the button's own key", [] { pressKey('R', wxMOD_ALT); });
    d.step(
        "the PIN dialog counts one try fewer",
        [] { return focusInside("pinDialog") && label("pinTries") == "残り試行回数: 2回"; }, std::chrono::seconds(20));
    typePin(d, "1234");
    d.act("Enter", [] { pressKey(WXK_RETURN); });
    d.step(
        "now the card's facts are in, the furigana typed before is kept",
        [] { return focusIs("kana") && textOf("name") == "山田 太郎" && textOf("kana") == "ヤマダ タロウ"; },
        std::chrono::seconds(20));
    closeNewCase(d);
    run(d);
}

TEST_F(WindowTest, CardReadAtTheLastTryNeedsTheClerksConfirmation)
{
    MADOGUCHI_REQUIRE_CARD_RIG();
    Reader0Lock reader0;
    EmulatedCard card(dir, writeProfile(dir, {{"pins", {{"card_info", {{"value", "1234"}, {"tries", 1}}}}}}));
    openFrame();
    UiDriver d;
    openNewCase(d);
    d.act("Ctrl+R", [] { pressKey('R', wxMOD_CONTROL); });
    d.step(
        "the PIN dialog warns",
        [] {
            return focusInside("pinDialog") && label("pinTries") == "残り試行回数: 1回（次に間違えるとロックされます）";
        },
        std::chrono::seconds(20));
    d.act("the resident types the PIN", [] { typeAscii("1234"); });
    d.waitFor("four digits are not enough at the last try", [] {
        return control<wxTextCtrl>("pin")->GetValue().length() == 4 && !control<wxButton>("pinOk")->IsEnabled();
    });
    d.act("Tab to the confirmation", [] { pressKey(WXK_TAB); });
    d.waitFor("the confirmation has the focus", [] { return focusIs("lastTry"); });
    d.act("Space ticks it", [] { pressKey(WXK_SPACE); });
    d.waitFor("now the read button is on",
              [] { return control<wxCheckBox>("lastTry")->IsChecked() && control<wxButton>("pinOk")->IsEnabled(); });
    d.screenshot("card-last-try.png");
    d.act("Tab", [] { pressKey(WXK_TAB); });
    d.waitFor("Cancel comes first, as on screen", [] { return focusIs("pinCancel"); });
    d.act("Tab", [] { pressKey(WXK_TAB); });
    d.waitFor("the read button has the focus", [] { return focusIs("pinOk"); });
    d.act("Enter", [] { pressKey(WXK_RETURN); });
    d.step(
        "read", [] { return focusIs("kana") && textOf("name") == "山田 太郎"; }, std::chrono::seconds(20));
    closeNewCase(d);
    run(d);
}

TEST_F(WindowTest, CardFaultsArePlainJapaneseAndTheFormStaysAsTyped)
{
    MADOGUCHI_REQUIRE_CARD_RIG();
    Reader0Lock reader0;
    std::unique_ptr<EmulatedCard> card;
    openFrame();
    UiDriver d;
    openNewCase(d);
    d.act("the clerk has typed a name", [] { commitText("高橋 一郎"); });
    auto formUntouched = [] {
        EXPECT_EQ(textOf("name"), "高橋 一郎");
        EXPECT_EQ(textOf("address"), "");
    };

    d.act("no card: Ctrl+R", [] { pressKey('R', wxMOD_CONTROL); });
    expectCardError(d, "カードが置かれていません。");
    d.act("the form", formUntouched);

    d.act("a card with a blocked PIN", [&] {
        card = std::make_unique<EmulatedCard>(dir, writeProfile(dir, {{"pins", {{"card_info", {{"tries", 0}}}}}}));
        pressKey('R', wxMOD_CONTROL);
    });
    d.step(
        "the lock is named and no PIN is asked for",
        [] {
            return !shownTopLevel("pinDialog") && focusInside("errorDialog") &&
                   label("errorWhat").find("ロックされています") != std::string::npos;
        },
        std::chrono::seconds(20));
    d.screenshot("card-locked.png");
    d.act("Enter", [] { pressKey(WXK_RETURN); });
    d.waitFor("back", [] { return !shownTopLevel("errorDialog") && focusInside("newCaseDialog"); });
    d.act("the form", formUntouched);

    d.act("a card whose answer is cut short", [&] {
        card.reset();
        card = std::make_unique<EmulatedCard>(dir, writeProfile(dir),
                                              std::vector<std::string>{"--fault", "garbled-length", "--fault-at", "2"});
        pressKey('R', wxMOD_CONTROL);
    });
    typePin(d, "1234");
    d.act("Enter", [] { pressKey(WXK_RETURN); });
    d.step(
        "the short answer is named",
        [] {
            return focusInside("errorDialog") && !label("errorWhat").empty() &&
                   label("errorTodo").find("カードの応答を使えませんでした") != std::string::npos;
        },
        std::chrono::seconds(20));
    d.act("Enter", [] { pressKey(WXK_RETURN); });
    d.waitFor("back", [] { return !shownTopLevel("errorDialog") && focusInside("newCaseDialog"); });
    d.act("the form", formUntouched);

    d.act("a slow card", [&] {
        card.reset();
        card = std::make_unique<EmulatedCard>(dir, writeProfile(dir),
                                              std::vector<std::string>{"--fault", "slow", "--delay", "0.6"});
        pressKey('R', wxMOD_CONTROL);
    });
    d.step(
        "the progress shows",
        [] {
            auto* gauge = control<wxGauge>("cardGauge");
            return focusInside("cardProgress") && gauge && gauge->GetValue() >= 1;
        },
        std::chrono::seconds(20));
    d.screenshot("card-reading.png");
    d.act("Escape cancels", [] { pressKey(WXK_ESCAPE); });
    expectCardError(d, "読み取りを中止しました。");
    d.act("the form", formUntouched);
    closeNewCase(d);
    run(d);
}

TEST_F(WindowTest, CardReadThatEndsUnderTheIdleLockWaitsForTheUnlock)
{
    MADOGUCHI_REQUIRE_CARD_RIG();
    Reader0Lock reader0;
    // Each answer takes 0.6 s: the PIN-free look at the card lasts ~8 s, the lock comes after 2 s.
    EmulatedCard card(dir, writeProfile(dir), {"--fault", "slow", "--delay", "0.6"});
    addDeskUsers();
    UiDriver d;
    startAndLogIn(d, "hanako", "hanako-pass-1", std::chrono::seconds(2));
    d.act("Ctrl+N", [] { pressKey('N', wxMOD_CONTROL); });
    d.waitFor("the new-case dialog", [] { return focusIs("procedureSearch"); });
    d.act("choose 再交付, Ctrl+R", [] {
        typeAscii("saikoufu");
        pressKey(WXK_RETURN);
        pressKey('R', wxMOD_CONTROL);
    });
    d.step(
        "the desk locks while the card is read",
        [this] {
            return shownTopLevel("cardProgress") && frame->privacyLocked() && focusInside("login") &&
                   focusIs("password");
        },
        std::chrono::seconds(8));
    d.pause("the card work ends beneath the lock", std::chrono::seconds(9));
    d.act("the read waited: no PIN is asked for over the lock", [] {
        EXPECT_TRUE(focusInside("login"));
        EXPECT_FALSE(shownTopLevel("pinDialog"));
    });
    d.act("the right password, Enter", [] {
        typeAscii("hanako-pass-1");
        pressKey(WXK_RETURN);
    });
    d.waitFor("unlocked, the read goes on to the PIN", [this] {
        return !frame->privacyLocked() && !shownTopLevel("login") && !shownTopLevel("cardProgress") &&
               focusInside("pinDialog") && label("pinTries") == "残り試行回数: 3回";
    });
    d.act("the resident does not give it: Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back in the form, nothing changed",
              [] { return !shownTopLevel("pinDialog") && shownTopLevel("newCaseDialog") && textOf("name").empty(); });
    run(d);
}
