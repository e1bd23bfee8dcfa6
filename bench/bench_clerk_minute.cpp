// The clerk's minute (issue #17, item 4): five standard visits driven through the real counter
// window under Xvfb by keyboard, the way the window tests drive it (tests/gui: wxUIActionSimulator,
// the emulated card through pcscd). Every key is counted as it is pressed, the time the window
// makes the clerk wait (from a key to the window being ready for the next) is measured, and the
// clerk's time is estimated with the Keystroke-Level Model (Card, Moran and Newell, 1980:
// keystroke K 0.28 s, mental preparation M 1.35 s, pointing P 1.1 s) plus the measured waits.
// Prints a table (docs/benchmarks.md "The clerk's minute" has it, with the command).
//
// What is modelled rather than measured, because Xvfb has no input method: Japanese text lands in
// the field as a committed string (as in the window tests), and is counted as the keys a clerk
// types for it with an IME in romaji — the romaji, one Space to convert each kanji word, one Enter
// to confirm (furigana may stay hiragana: no conversion). The resident's four-digit PIN is the
// resident's time (4 K + Enter + M), listed apart from the clerk's keys.
#include "app/gui/case_detail_dialog.hpp"
#include "card_rig.hpp"
#include "core/common/clock.hpp"
#include "window_fixture.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/eventfilter.h>
#include <wx/listbox.h>
#include <wx/textctrl.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// Card, Moran and Newell's operator times (The Psychology of Human-Computer Interaction, 1983;
// K for an average skilled typist, 55 words a minute).
constexpr double kKeystroke = 0.28;
constexpr double kMental = 1.35;
constexpr double kPointing = 1.1;
// The resident types the card-info PIN: four digits and Enter, after reading the reader's prompt.
constexpr double kResidentPin = 5 * kKeystroke + kMental;
// Steps are tried this often: the waits are measured to about this much.
constexpr auto kTick = std::chrono::milliseconds(5);

struct Tally {
    std::string visit;
    int keys = 0;       // K: every key pressed (a chord's modifier is a key of its own)
    int typedKeys = 0;  // of which typing text (romaji, digits)
    int focusMoves = 0; // keys that only move the focus (Tab, Shift+Tab)
    int mental = 0;     // M: the clerk's decisions
    int pointing = 0;   // P: reaching for the mouse (none by keyboard)
    int dialogs = 0;    // dialogs that opened
    double waitSeconds = 0;
    double residentSeconds = 0;
    double klmSeconds() const
    {
        return keys * kKeystroke + mental * kMental + pointing * kPointing + waitSeconds + residentSeconds;
    }
};

std::vector<Tally>& results()
{
    static std::vector<Tally> all;
    return all;
}

// Counts the dialogs that open while a visit runs.
class DialogCounter : public wxEventFilter {
public:
    explicit DialogCounter(int& count) : count_(count) { wxEvtHandler::AddFilter(this); }
    ~DialogCounter() override { wxEvtHandler::RemoveFilter(this); }
    int FilterEvent(wxEvent& e) override
    {
        if (e.GetEventType() == wxEVT_SHOW && static_cast<wxShowEvent&>(e).IsShown() &&
            dynamic_cast<wxDialog*>(e.GetEventObject()))
            ++count_;
        return Event_Skip;
    }

private:
    int& count_;
};

// The clerk at the keyboard: each key counted as it is pressed, each wait timed from the key to
// the window being ready for the next one.
class Clerk {
public:
    Clerk(UiDriver& d, Tally& t) : d_(d), t_(t) {}

    // A decision (which key, which procedure, what a document says): one M.
    void decide()
    {
        d_.act("M", [this] { ++t_.mental; });
    }

    void press(const std::string& what, int key, int modifiers, std::function<bool()> ready,
               std::chrono::milliseconds limit = std::chrono::seconds(20))
    {
        d_.act(what, [this, key, modifiers] {
            t_.keys += modifiers ? 2 : 1;
            if (key == WXK_TAB)
                ++t_.focusMoves;
            pressKey(key, modifiers);
            started_ = std::chrono::steady_clock::now();
        });
        waitTimed(what, std::move(ready), limit);
    }

    // Digits or Latin letters, typed as they are.
    void typeAscii(const std::string& what, const std::string& text, std::function<bool()> ready)
    {
        d_.act(what, [this, text] {
            t_.keys += static_cast<int>(text.size());
            t_.typedKeys += static_cast<int>(text.size());
            test::typeAscii(text.c_str());
            started_ = std::chrono::steady_clock::now();
        });
        waitTimed(what, std::move(ready), std::chrono::seconds(20));
    }

    // Japanese through the IME: `romaji` as typed (words separated by spaces), one Space per kanji
    // word to convert it, Enter to confirm. Furigana stays kana: no conversion.
    void typeJapanese(const std::string& what, const std::string& text, const std::string& romaji, bool convert,
                      std::function<bool()> ready)
    {
        int keys = static_cast<int>(romaji.size()) + 1;
        if (convert)
            keys += 1 + static_cast<int>(std::count(romaji.begin(), romaji.end(), ' '));
        d_.act(what, [this, text, keys] {
            t_.keys += keys;
            t_.typedKeys += keys - 1;
            commitText(text);
            started_ = std::chrono::steady_clock::now();
        });
        waitTimed(what, std::move(ready), std::chrono::seconds(20));
    }

    // Enter on "Read card": the resident types the card-info PIN on the PIN dialog, the card
    // fills the form.
    void readResident(const std::string& name)
    {
        press("Enter: read the card", WXK_RETURN, 0, [] { return focusInside("pinDialog") && focusIs("pin"); });
        d_.act("the resident types the PIN", [this] {
            t_.residentSeconds += kResidentPin;
            test::typeAscii("1234");
        });
        d_.waitFor("four digits", [] { return control<wxButton>("pinOk")->IsEnabled(); });
        d_.act("the resident presses Enter", [this] {
            pressKey(WXK_RETURN);
            started_ = std::chrono::steady_clock::now();
        });
        waitTimed(
            "the card fills the form",
            [name] { return !shownTopLevel("pinDialog") && focusIs("kana") && textOf("name") == name; },
            std::chrono::seconds(20));
    }

    // Tab through `path` to the documents ("" = the sex choice, whose focused part is no wx
    // window), then each document the rules list ticked (Space, Down to the next): a decision for
    // each, since the clerk looks at what the resident brought.
    void tickEveryDocument(std::vector<const char*> path)
    {
        for (const char* next : path)
            press(std::string("Tab to ") + (*next ? next : "the sex"), WXK_TAB, 0,
                  [next] { return *next ? focusIs(next) : !focusIs("birth") && !focusIs("kana"); });
        d_.act("tick every document", [this] {
            auto* docs = control<wxCheckListBox>("documents");
            const int n = static_cast<int>(docs->GetCount());
            for (int i = 0; i < n; ++i) {
                if (i > 0) {
                    pressKey(WXK_DOWN);
                    ++t_.keys;
                }
                ++t_.mental;
                pressKey(WXK_SPACE);
                ++t_.keys;
            }
            started_ = std::chrono::steady_clock::now();
        });
        waitTimed("every document ticked", [] {
            auto* docs = control<wxCheckListBox>("documents");
            for (unsigned i = 0; i < docs->GetCount(); ++i)
                if (!docs->IsChecked(i))
                    return false;
            return docs->GetCount() > 0;
        });
    }

    // Ctrl+S, Ctrl+P, Esc: saved, the handout printed, back on the list.
    void saveAndPrint()
    {
        decide();
        press("Ctrl+S saves", 'S', wxMOD_CONTROL,
              [] { return focusInside("caseDetailDialog") && !shownTopLevel("newCaseDialog"); });
        press("Ctrl+P prints the handout", 'P', wxMOD_CONTROL, [] {
            auto* detail = dynamic_cast<gui::CaseDetailDialog*>(shownTopLevel("caseDetailDialog"));
            return detail && !detail->lastHandout().empty() && std::filesystem::exists(detail->lastHandout());
        });
        press("Esc closes the visit", WXK_ESCAPE, 0,
              [] { return !shownTopLevel("caseDetailDialog") && focusIs("search"); });
    }

private:
    void waitTimed(const std::string& what, std::function<bool()> ready,
                   std::chrono::milliseconds limit = std::chrono::seconds(20))
    {
        d_.step(
            what + " (ready)",
            [this, ready = std::move(ready)] {
                if (!ready())
                    return false;
                t_.waitSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
                return true;
            },
            limit);
    }

    UiDriver& d_;
    Tally& t_;
    std::chrono::steady_clock::time_point started_;
};

std::string lastSecondInJapan(const boost::gregorian::date& day)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d145959Z", static_cast<int>(day.year()), static_cast<int>(day.month()),
                  static_cast<int>(day.day()));
    return buf;
}

std::size_t visitLines()
{
    auto* l = control<wxListBox>("visitProcedures");
    return l ? l->GetCount() : 0;
}

class ClerkMinute : public WindowTest {
protected:
    // The card-first visit: Ctrl+R triages, Enter accepts the `proposals` procedures, Enter reads
    // the resident (the PIN), the furigana typed, the documents ticked, saved, printed.
    void cardFirstVisit(const std::string& visit, const nlohmann::json& profile, std::size_t proposals)
    {
        Tally t{visit};
        int dialogs = 0;
        openFrame();
        frame->SetSize(0, 0, 1366, 768);
        UiDriver d;
        Clerk clerk(d, t);
        d.waitFor("the window is ready", [] { return focusIs("search"); });
        d.act("count dialogs from here", [&] { counter_ = std::make_unique<DialogCounter>(dialogs); });
        clerk.decide();
        clerk.press("Ctrl+R triages the card", 'R', wxMOD_CONTROL,
                    [] { return focusInside("newCaseDialog") && focusIs("acceptProposals"); });
        clerk.decide();
        clerk.press("Enter accepts what the card says", WXK_RETURN, 0,
                    [proposals] { return focusIs("readCard") && visitLines() == proposals; });
        clerk.readResident(profile.value("name", "山田 太郎"));
        clerk.decide();
        clerk.typeJapanese("the furigana", "ヤマダ ハナコ", "yamada hanako", false,
                           [] { return label("kanaMessage").empty() && textOf("kana") == "ヤマダ ハナコ"; });
        clerk.tickEveryDocument({"birth", "", "address", "foreign", "movedIn", "documents"});
        clerk.saveAndPrint();
        finish(d, t, dialogs);
    }

    // Without a card to read: Ctrl+N, the procedure by its reading, the resident typed.
    void typedVisit(UiDriver& d, Clerk& clerk, const char* reading, const std::string& procedure,
                    const std::function<void()>& applicant)
    {
        d.waitFor("the window is ready", [] { return focusIs("search"); });
        clerk.decide();
        clerk.press("Ctrl+N", 'N', wxMOD_CONTROL,
                    [] { return focusInside("newCaseDialog") && focusIs("procedureSearch"); });
        clerk.decide();
        clerk.typeAscii(std::string("the reading ") + reading, reading, [procedure] {
            auto* list = control<wxListBox>("procedureList");
            return list && list->GetSelection() == 0 && std::string(list->GetString(0).utf8_str()) == procedure;
        });
        clerk.press("Enter chooses it", WXK_RETURN, 0, [] { return focusIs("name") && visitLines() == 1; });
        applicant();
        clerk.decide();
        clerk.typeJapanese("the name", "佐藤 一郎", "satou ichirou", true,
                           [] { return textOf("name") == "佐藤 一郎"; });
        clerk.press("Tab", WXK_TAB, 0, [] { return focusIs("kana"); });
        clerk.decide();
        clerk.typeJapanese("the furigana", "さとう いちろう", "satou ichirou", false,
                           [] { return label("kanaMessage").empty(); });
        clerk.press("Tab", WXK_TAB, 0, [] { return focusIs("birth"); });
        clerk.decide();
        clerk.typeAscii("the birth date", "19610412", [] { return !label("birthEcho").empty(); });
        clerk.press("Tab to the sex", WXK_TAB, 0, [] { return !focusIs("birth"); });
        clerk.decide();
        clerk.press("Down: male", WXK_DOWN, 0, [] { return control<wxChoice>("sex")->GetSelection() == 1; });
        clerk.press("Tab", WXK_TAB, 0, [] { return focusIs("address"); });
        clerk.decide();
        clerk.typeJapanese("the address", "東京都小平市小川町2-1333", "toukyouto kodairashi ogawachou 2-1333", true,
                           [] { return textOf("address") == "東京都小平市小川町2-1333"; });
    }

    void finish(UiDriver& d, Tally& t, int& dialogs)
    {
        d.act("stop counting", [&] { counter_.reset(); });
        ASSERT_TRUE(d.run(kTick)) << d.failed();
        t.dialogs = dialogs;
        results().push_back(t);
    }

    std::unique_ptr<DialogCounter> counter_;
};

TEST_F(ClerkMinute, Card_PinResetOfThePrincipal)
{
    MADOGUCHI_REQUIRE_CARD_RIG();
    Reader0Lock reader0;
    nlohmann::json profile = {{"name", "山田 花子"}, {"sex", "2"}, {"pins", {{"user_auth", {{"tries", 0}}}}}};
    EmulatedCard card(dir, writeProfile(dir, profile));
    cardFirstVisit("PIN reset with the card (principal)", profile, 1);
}

TEST_F(ClerkMinute, Card_CertificateRenewal)
{
    MADOGUCHI_REQUIRE_CARD_RIG();
    Reader0Lock reader0;
    makeAuthCertificate(dir, lastSecondInJapan(now().localDay + boost::gregorian::days(40)));
    nlohmann::json profile = {{"name", "山田 花子"}, {"sex", "2"}};
    EmulatedCard card(dir, writeProfile(dir, profile));
    cardFirstVisit("Certificate renewal with the card", profile, 1);
}

TEST_F(ClerkMinute, Card_PinResetAndCertificateRenewal)
{
    MADOGUCHI_REQUIRE_CARD_RIG();
    Reader0Lock reader0;
    makeAuthCertificate(dir, lastSecondInJapan(now().localDay + boost::gregorian::days(40)));
    nlohmann::json profile = {{"name", "山田 花子"}, {"sex", "2"}, {"pins", {{"user_auth", {{"tries", 0}}}}}};
    EmulatedCard card(dir, writeProfile(dir, profile));
    cardFirstVisit("PIN reset + certificate renewal, one visit", profile, 2);
}

TEST_F(ClerkMinute, CardReceiptByAProxy)
{
    Tally t{"Card receipt by a proxy"};
    int dialogs = 0;
    openFrame();
    frame->SetSize(0, 0, 1366, 768);
    UiDriver d;
    Clerk clerk(d, t);
    d.act("count dialogs from here", [&] { counter_ = std::make_unique<DialogCounter>(dialogs); });
    typedVisit(d, clerk, "uketori", "カードの受け取り", [&] {
        // The applicant first: the documents the rules ask for depend on it.
        clerk.decide();
        clerk.press("Alt+C: the applicant", 'C', wxMOD_ALT,
                    [] { return focusIs("applicant") || focusedName() != "name"; });
        // wxGTK's radio box moves the focus with the arrows and selects with Space.
        clerk.press("Right: to the proxy", WXK_RIGHT, 0, [] { return focusIs("applicant"); });
        clerk.press("Space: proxy", WXK_SPACE, 0, [] { return control<wxTextCtrl>("proxyName")->IsEnabled(); });
        clerk.press("Tab to the proxy's name", WXK_TAB, 0, [] { return focusIs("proxyName"); });
        clerk.decide();
        clerk.typeJapanese("the proxy's name", "佐藤 花子", "satou hanako", true,
                           [] { return textOf("proxyName") == "佐藤 花子"; });
        clerk.press("Tab to the relation", WXK_TAB, 0, [] { return focusIs("proxyRelation"); });
        clerk.decide();
        clerk.typeJapanese("the relation", "妻", "tsuma", true, [] { return textOf("proxyRelation") == "妻"; });
        clerk.press("Alt+N: back to the resident's name", 'N', wxMOD_ALT, [] { return focusIs("name"); });
    });
    clerk.tickEveryDocument({"foreign", "movedIn", "documents"});
    clerk.saveAndPrint();
    finish(d, t, dialogs);
}

TEST_F(ClerkMinute, ReissueAfterLoss)
{
    Tally t{"Reissue after loss"};
    int dialogs = 0;
    openFrame();
    frame->SetSize(0, 0, 1366, 768);
    UiDriver d;
    Clerk clerk(d, t);
    d.act("count dialogs from here", [&] { counter_ = std::make_unique<DialogCounter>(dialogs); });
    typedVisit(d, clerk, "saikoufu", "再交付", [] {});
    clerk.tickEveryDocument({"foreign", "movedIn", "documents"});
    clerk.saveAndPrint();
    finish(d, t, dialogs);
}

// After the visits: the table.
class PrintTable : public testing::Environment {
public:
    void TearDown() override
    {
        if (results().empty())
            return;
        std::printf("\nThe clerk's minute: KLM (K %.2f s, M %.2f s, P %.2f s) plus the measured waits\n", kKeystroke,
                    kMental, kPointing);
        std::printf("| Visit | Keys (K) | of which typing | Focus moves | M | P | Dialogs | Window waits (s) | "
                    "Resident's PIN (s) | Estimate (s) |\n");
        std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (const Tally& t : results())
            std::printf("| %s | %d | %d | %d | %d | %d | %d | %.2f | %.2f | %.1f |\n", t.visit.c_str(), t.keys,
                        t.typedKeys, t.focusMoves, t.mental, t.pointing, t.dialogs, t.waitSeconds, t.residentSeconds,
                        t.klmSeconds());
    }
};

const auto* const kTable = testing::AddGlobalTestEnvironment(new PrintTable);

} // namespace
