#include "app/gui/idle_lock.hpp"

#include "app/gui/login_dialog.hpp"
#include "app/gui/main_frame.hpp"

#include <wx/app.h>

namespace madoguchi::gui {

namespace {

bool isActivity(wxEventType t)
{
    return t == wxEVT_KEY_DOWN || t == wxEVT_CHAR || t == wxEVT_LEFT_DOWN || t == wxEVT_RIGHT_DOWN ||
           t == wxEVT_MOUSEWHEEL || t == wxEVT_MOTION;
}

} // namespace

IdleLock::IdleLock(MainFrame& frame, db::UserStore& users, std::chrono::seconds timeout)
    : frame_(frame), users_(users), timeout_(timeout), lastActivity_(std::chrono::steady_clock::now())
{
    wxEvtHandler::AddFilter(this);
    timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (!locked_ && std::chrono::steady_clock::now() - lastActivity_ >= timeout_)
            lockNow();
    });
    timer_.Start(1000);
    frame_.Bind(wxEVT_DESTROY, &IdleLock::onFrameDestroyed, this);
}

void IdleLock::onFrameDestroyed(wxWindowDestroyEvent& e)
{
    if (e.GetEventObject() == &frame_) {
        timer_.Stop(); // no lock on a window that is gone
        frameGone_ = true;
    }
    e.Skip();
}

IdleLock::~IdleLock()
{
    // A lock that ends before its window (a session closed by a test, or a desk changing hands)
    // leaves no handler behind on the window.
    if (!frameGone_)
        frame_.Unbind(wxEVT_DESTROY, &IdleLock::onFrameDestroyed, this);
    timer_.Stop();
    wxEvtHandler::RemoveFilter(this);
}

int IdleLock::FilterEvent(wxEvent& event)
{
    if (!locked_ && isActivity(event.GetEventType()))
        lastActivity_ = std::chrono::steady_clock::now();
    return Event_Skip;
}

void IdleLock::lockNow()
{
    if (locked_)
        return;
    locked_ = true;
    frame_.setPrivacyLocked(true);
    // Modal above whatever dialog is open: that dialog keeps its fields (hidden) until unlocked.
    wxWindow* top = wxGetActiveWindow() ? wxGetActiveWindow() : &frame_;
    std::string user = frame_.currentUser();
    for (;;) {
        LoginDialog dlg(top, users_, LoginDialog::Mode::Unlock, user);
        if (dlg.ShowModal() == wxID_OK && dlg.actor()) {
            // Another user may take over the desk: the window then works in their name and role.
            if (dlg.actor()->user != user || dlg.actor()->role != frame_.currentRole())
                frame_.setCurrentUser(dlg.actor()->user, dlg.actor()->role);
            break;
        }
    }
    frame_.setPrivacyLocked(false);
    lastActivity_ = std::chrono::steady_clock::now();
    locked_ = false;
}

} // namespace madoguchi::gui
