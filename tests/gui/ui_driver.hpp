#pragma once
// Drives the real window from inside the program, the way a clerk would: keys through
// wxUIActionSimulator (XTest on the X server), Japanese text committed into the focused field as
// an input method does, and checks of what the window then shows. The steps run from a timer, so
// they go on while a modal dialog runs its own event loop.
#include <chrono>
#include <deque>
#include <functional>
#include <string>
#include <wx/string.h>
#include <wx/timer.h>

class wxWindow;
class wxTopLevelWindow;

namespace madoguchi::test {

class UiDriver : public wxTimer {
public:
    // A step returns true when done; false means "not yet", and it is tried again on the next tick
    // until the step's time runs out.
    void step(std::string what, std::function<bool()> s, std::chrono::milliseconds limit = std::chrono::seconds(15));
    void act(std::string what, std::function<void()> f);
    void waitFor(std::string what, std::function<bool()> condition);
    // Lets `quiet` pass: for GTK to paint, a dialog to settle, or something that must not happen.
    void pause(std::string what, std::chrono::milliseconds quiet);
    // Lets the window paint, then `import -window root` into the screenshot folder.
    void screenshot(const std::string& file);

    // Runs until every step is done (true) or one ran out of time (false; failed() says which).
    // A step is tried once a tick: the clerk's-minute bench ticks faster to time the window's waits.
    bool run(std::chrono::milliseconds tick = std::chrono::milliseconds(80));
    const std::string& failed() const { return failed_; }

    void Notify() override;

private:
    struct Step {
        std::string what;
        std::function<bool()> fn;
        std::chrono::milliseconds limit;
    };
    std::deque<Step> steps_;
    std::chrono::steady_clock::time_point started_;
    bool stepStarted_ = false;
    std::string failed_;
    bool finished_ = false;
};

// Finding what is on screen: top-level windows by name, controls by name within them.
wxTopLevelWindow* shownTopLevel(const wxString& name);
wxWindow* findControl(const wxString& name);
template <class T> T* control(const wxString& name)
{
    return dynamic_cast<T*>(findControl(name));
}
wxString focusedName();
bool focusIs(const char* name);
// Keys go to the window that has the focus: a dialog that has just appeared may not have it yet.
bool focusInside(const char* dialog);
// A static text's label as a person reads it, or "(no NAME)": the line breaks that wrapping put
// in (app/gui/label_wrap.hpp) are taken out again — between Japanese characters they were
// nothing, between Latin words they were a space.
std::string label(const char* name);
// A text field's value, or "(no NAME)".
std::string textOf(const char* name);

// Keys as the clerk presses them.
void pressKey(int keycode, int modifiers = 0);
void typeAscii(const char* text);
// What an input method does when the clerk confirms Japanese text: it lands in the focused field.
void commitText(const std::string& utf8);

std::string screenshotDir();

} // namespace madoguchi::test
