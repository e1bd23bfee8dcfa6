#pragma once
// Steps of a visit in the window tests that several tests take: save and find the case, print
// the handout and read it back (pdftotext), check that a dialog fits the counter laptop's screen.
#include "app/gui/case_detail_dialog.hpp"
#include "db/case_store.hpp"
#include "tests/support/run_process.hpp"
#include "ui_driver.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <gtest/gtest.h>
#include <string>
#include <wx/button.h>
#include <wx/gdicmn.h>
#include <wx/toplevel.h>

namespace madoguchi::test {

// Ctrl+S in the new-case dialog; the case detail follows; `created` becomes the case found by
// `search` in the case book (there must be one).
inline void saveAndFind(UiDriver& d, db::CaseStore& store, const std::string& search, CaseId& created)
{
    d.act("Ctrl+S saves", [] { pressKey('S', wxMOD_CONTROL); });
    d.waitFor("the case detail follows the save",
              [] { return focusInside("caseDetailDialog") && !shownTopLevel("newCaseDialog"); });
    d.act("the case is in the case book", [&store, search, &created] {
        db::CaseQuery q;
        q.text = search;
        auto found = store.search(q);
        ASSERT_EQ(found.size(), 1u);
        created = found[0].id;
    });
}

// Ctrl+P in the case detail: the handout is written, and `check` reads it (pdftotext).
inline void printAndRead(UiDriver& d, std::function<void(const std::string& text)> check)
{
    d.act("Ctrl+P prints the handout", [] { pressKey('P', wxMOD_CONTROL); });
    d.waitFor("the handout PDF is written", [] {
        auto* detail = dynamic_cast<gui::CaseDetailDialog*>(shownTopLevel("caseDetailDialog"));
        return detail && !detail->lastHandout().empty() && std::filesystem::exists(detail->lastHandout());
    });
    d.act("read the handout back", [check] {
        auto* detail = dynamic_cast<gui::CaseDetailDialog*>(shownTopLevel("caseDetailDialog"));
        auto text = runProcess({"pdftotext", "-layout", detail->lastHandout().string(), "-"});
        ASSERT_EQ(text.exitCode, 0) << text.err;
        check(text.out);
    });
}

// The resident types the card-info PIN (1234, the emulator's) into the PIN dialog; the card fills
// the form with `name` and the rest, and the focus moves to the furigana, which the card lacks.
inline void residentGivesThePin(UiDriver& d, const std::string& name)
{
    d.step(
        "the resident is asked for the card-info PIN", [] { return focusInside("pinDialog") && focusIs("pin"); },
        std::chrono::seconds(20));
    d.act("the resident types it", [] { typeAscii("1234"); });
    d.waitFor("four digits", [] { return control<wxButton>("pinOk")->IsEnabled(); });
    d.act("Enter", [] { pressKey(WXK_RETURN); });
    d.step(
        "the card fills the form; the focus moves to the furigana",
        [name] { return !shownTopLevel("pinDialog") && focusIs("kana") && textOf("name") == name; },
        std::chrono::seconds(20));
}

// The main window over the whole screen, and at least the counter laptop's 1366×768: the
// screenshots at 1920×1080 (MADOGUCHI_XVFB_SCREEN) show what a clerk there sees.
inline void fillTheScreen(wxTopLevelWindow* frame)
{
    const wxSize screen = wxGetDisplaySize();
    frame->SetSize(0, 0, std::max(1366, screen.GetWidth()), std::max(768, screen.GetHeight()));
}

// What must fit: the counter laptop's screen, 1366×768; with larger text (GDK_DPI_SCALE, as
// scripts/window-screenshots.sh takes the 150 % pictures on a 1920×1080 screen) the screen it runs on.
inline wxSize screenToFit()
{
    const char* scaled = std::getenv("GDK_DPI_SCALE");
    return scaled && *scaled && std::string(scaled) != "1" ? wxGetDisplaySize() : wxSize(1366, 768);
}

inline void fitsTheSmallScreen(UiDriver& d, const char* dialog)
{
    d.act(std::string(dialog) + " fits a 1366×768 screen", [dialog] {
        const wxSize limit = screenToFit();
        auto size = shownTopLevel(dialog)->GetSize();
        EXPECT_LE(size.GetWidth(), limit.GetWidth());
        EXPECT_LE(size.GetHeight(), limit.GetHeight());
    });
}

} // namespace madoguchi::test
