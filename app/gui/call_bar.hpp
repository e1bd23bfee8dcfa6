#pragma once
// Calling residents from the counter window (issue #16): the toolbar's keys — call the next
// resident (F2), call again (F3), not here (F4), call a chosen number (Ctrl+G) — also in the Call
// menu, and the number this window has called, shown large on the toolbar. The store decides who
// is next and what a call may do (db/call_rules.hpp); this only asks it and says the answer.
#include "app/gui/desk_context.hpp"

#include <functional>
#include <optional>
#include <wx/string.h>

class wxFrame;
class wxMenu;
class wxStaticText;
class wxToolBar;

namespace madoguchi::gui {

class CallBar {
public:
    // `called`: after a call this window made (next, again, a number), with the case as it is now;
    // the frame selects its row and says it on the status bar. `sentBack`: after "not here".
    CallBar(wxFrame* frame, DeskContext& desk, std::function<void(const Case&)> called,
            std::function<void(const Case&)> sentBack);

    // The Call menu (its items carry the keys); the frame puts it on its menu bar.
    wxMenu* menu() const { return menu_; }
    // The frame has one toolbar (wxFrame keeps one): the call keys go where the frame puts them
    // among its own actions, and the number called at its end; the frame realizes the bar.
    void addTools(wxToolBar* bar);
    void addDisplay(wxToolBar* bar);

    void callNext();
    void callAgain();
    void notHere();
    void callNumber();                      // asks for the number
    void callNumber(const wxString& typed); // as typed: A-012, a-12, full width

    // The case this window called last and has not sent back (none at the start of the day).
    std::optional<CaseId> current() const { return current_; }
    // What the toolbar shows of it (a reception number and a window: no personal data), and the
    // answer to the last key beside it ("Nobody is waiting.", "A-012 went back to the queue"):
    // on the toolbar, since the list's own count takes the status bar back at every refresh.
    wxString shownCall() const;
    wxString shownNote() const;
    // The case "call again" and "not here" act on when nothing was called from here: the row
    // selected in the list.
    void setSelectedCase(std::function<std::optional<CaseId>()> selected) { selected_ = std::move(selected); }

private:
    std::optional<CaseId> target() const;
    std::optional<CaseId> targetOrSay(); // none: the clerk was told there is nothing to act on
    void show(const Case& c);
    void clear();
    void note(const wxString& text);
    void setCallLabel(const wxString& text);

    wxFrame* frame_;
    DeskContext& desk_;
    std::function<void(const Case&)> called_, sentBack_;
    std::function<std::optional<CaseId>()> selected_;
    wxToolBar* toolbar_ = nullptr;
    wxStaticText* callLabel_ = nullptr;
    wxStaticText* noteLabel_ = nullptr;
    wxMenu* menu_ = nullptr;
    std::optional<CaseId> current_;
};

} // namespace madoguchi::gui
