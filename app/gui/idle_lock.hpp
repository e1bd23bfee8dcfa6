#pragma once
// The idle lock: after `timeout` without a key or a mouse click anywhere in the program, the main
// frame hides every personal field (MainFrame::setPrivacyLocked, which reaches an open dialog
// too) and asks for the password again. The dialogs stay open beneath, so nothing typed is lost.
#include "db/user_store.hpp"

#include <chrono>
#include <wx/eventfilter.h>
#include <wx/timer.h>
#include <wx/window.h>

namespace madoguchi::gui {

class MainFrame;

class IdleLock : public wxEventFilter {
public:
    IdleLock(MainFrame& frame, db::UserStore& users, std::chrono::seconds timeout);
    ~IdleLock() override;
    int FilterEvent(wxEvent& event) override;

    void lockNow(); // also for the test driver and a "lock" menu item
    bool locked() const { return locked_; }

private:
    void onFrameDestroyed(wxWindowDestroyEvent& e);
    MainFrame& frame_;
    db::UserStore& users_;
    std::chrono::seconds timeout_;
    std::chrono::steady_clock::time_point lastActivity_;
    wxTimer timer_;
    bool locked_ = false;
    bool frameGone_ = false;
};

} // namespace madoguchi::gui
