#include "ui_driver.hpp"

#include "tests/support/run_process.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/evtloop.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/toplevel.h>
#include <wx/uiaction.h>
#include <wx/window.h>

namespace madoguchi::test {

void UiDriver::step(std::string what, std::function<bool()> s, std::chrono::milliseconds limit)
{
    steps_.push_back({std::move(what), std::move(s), limit});
}

void UiDriver::act(std::string what, std::function<void()> f)
{
    step(std::move(what), [f = std::move(f)] {
        f();
        return true;
    });
}

void UiDriver::waitFor(std::string what, std::function<bool()> condition)
{
    step(std::move(what), std::move(condition));
}

void UiDriver::pause(std::string what, std::chrono::milliseconds quiet)
{
    auto until = std::make_shared<std::chrono::steady_clock::time_point>();
    step(std::move(what), [until, quiet] {
        if (*until == std::chrono::steady_clock::time_point{})
            *until = std::chrono::steady_clock::now() + quiet;
        return std::chrono::steady_clock::now() >= *until;
    });
}

void UiDriver::screenshot(const std::string& file)
{
    // A few quiet ticks first, so that GTK has painted what the last step changed.
    pause("settle before " + file, std::chrono::milliseconds(400));
    act("screenshot " + file, [file] {
        std::filesystem::create_directories(screenshotDir());
        auto r = runProcess({"import", "-window", "root", screenshotDir() + "/" + file});
        EXPECT_EQ(r.exitCode, 0) << r.err;
    });
}

bool UiDriver::run(std::chrono::milliseconds tick)
{
    Start(static_cast<int>(tick.count()));
    // The loop that runs is the application's main loop; modal dialogs nest their own inside it.
    wxTheApp->OnRun();
    Stop();
    return failed_.empty();
}

void UiDriver::Notify()
{
    if (finished_)
        return;
    if (steps_.empty() || !failed_.empty()) {
        // Close whatever a failed run left open, the innermost dialog first and one per tick (ending
        // an outer dialog's loop while an inner one runs would leave the outer loop running with
        // its dialog gone), then leave the main loop once no modal loop is nested inside it.
        for (auto it = wxTopLevelWindows.rbegin(); it != wxTopLevelWindows.rend(); ++it)
            if (auto* d = dynamic_cast<wxDialog*>(*it); d && d->IsModal()) {
                d->EndModal(wxID_CANCEL);
                return;
            }
        if (wxEventLoopBase::GetActive() && wxEventLoopBase::GetActive()->IsMain()) {
            finished_ = true;
            wxTheApp->ExitMainLoop();
        }
        return;
    }
    Step& s = steps_.front();
    if (!stepStarted_) {
        started_ = std::chrono::steady_clock::now();
        stepStarted_ = true;
        // MADOGUCHI_UI_TRACE=1: each step on stderr as it starts, to see where a hung run stands.
        static const bool trace = std::getenv("MADOGUCHI_UI_TRACE") != nullptr;
        if (trace)
            std::fprintf(stderr, "ui step: %s\n", s.what.c_str());
    }
    bool done = false;
    try {
        done = s.fn();
    } catch (const std::exception& e) {
        failed_ = s.what + ": " + e.what();
        std::fprintf(stderr, "ui driver: step failed: %s\n", failed_.c_str());
        return;
    }
    if (done) {
        steps_.pop_front();
        stepStarted_ = false;
    } else if (std::chrono::steady_clock::now() - started_ > s.limit) {
        failed_ = s.what + " (timed out; focus on '" + std::string(focusedName().utf8_str()) + "')";
        // Said at once too: a run that cannot wind down would otherwise end without a word.
        std::fprintf(stderr, "ui driver: step failed: %s\n", failed_.c_str());
    }
}

wxTopLevelWindow* shownTopLevel(const wxString& name)
{
    for (wxWindow* w : wxTopLevelWindows)
        if (w->GetName() == name && w->IsShown())
            return dynamic_cast<wxTopLevelWindow*>(w);
    return nullptr;
}

wxWindow* findControl(const wxString& name)
{
    // The newest top-level window first: the dialog in front wins over the frame behind it.
    for (auto it = wxTopLevelWindows.rbegin(); it != wxTopLevelWindows.rend(); ++it)
        if ((*it)->IsShown())
            if (wxWindow* w = wxWindow::FindWindowByName(name, *it))
                return w;
    return nullptr;
}

wxString focusedName()
{
    wxWindow* w = wxWindow::FindFocus();
    // Composite controls (search, spin) focus an inner native widget: report the named parent.
    while (w && (w->GetName().empty() || w->GetName() == "text"))
        w = w->GetParent();
    return w ? w->GetName() : wxString("(nothing)");
}

bool focusIs(const char* name)
{
    return focusedName() == name;
}

bool focusInside(const char* dialog)
{
    wxWindow* focus = wxWindow::FindFocus();
    return focus && shownTopLevel(dialog) && wxGetTopLevelParent(focus) == shownTopLevel(dialog);
}

std::string label(const char* name)
{
    auto* t = dynamic_cast<wxStaticText*>(findControl(name));
    if (!t)
        return std::string("(no ") + name + ")";
    std::string text(t->GetLabel().utf8_str()), read;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n') {
            read += text[i];
            continue;
        }
        bool latinBefore = i > 0 && static_cast<unsigned char>(text[i - 1]) < 0x80;
        bool latinAfter = i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0x80;
        if (latinBefore && latinAfter)
            read += ' ';
    }
    return read;
}

std::string textOf(const char* name)
{
    auto* t = dynamic_cast<wxTextCtrl*>(findControl(name));
    return t ? std::string(t->GetValue().utf8_str()) : std::string("(no ") + name + ")";
}

void pressKey(int keycode, int modifiers)
{
    wxUIActionSimulator sim;
    sim.Char(keycode, modifiers);
}

void typeAscii(const char* text)
{
    wxUIActionSimulator sim;
    sim.Text(text);
}

void commitText(const std::string& utf8)
{
    // wxTextEntry rather than wxTextCtrl: the search box is a native search entry.
    wxWindow* focus = wxWindow::FindFocus();
    auto* text = dynamic_cast<wxTextEntry*>(focus);
    if (!text && focus)
        text = dynamic_cast<wxTextEntry*>(focus->GetParent());
    if (!text)
        throw std::runtime_error("no text field has the focus (focus on '" + std::string(focusedName().utf8_str()) +
                                 "')");
    text->WriteText(wxString::FromUTF8(utf8));
}

std::string screenshotDir()
{
    const char* env = std::getenv("MADOGUCHI_SCREENSHOT_DIR");
    return env && *env ? env : MADOGUCHI_SCREENSHOT_DIR;
}

} // namespace madoguchi::test
