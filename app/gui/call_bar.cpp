#include "app/gui/call_bar.hpp"

#include "app/gui/error_dialog.hpp"
#include "app/gui/wx_text.hpp"

#include <wx/artprov.h>
#include <wx/frame.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>
#include <wx/toolbar.h>

namespace madoguchi::gui {

namespace {
enum CallId { IdCallNext = wxID_HIGHEST + 100, IdCallAgain, IdNotHere, IdCallNumber };
} // namespace

CallBar::CallBar(wxFrame* frame, DeskContext& desk, std::function<void(const Case&)> called,
                 std::function<void(const Case&)> sentBack)
    : frame_(frame), desk_(desk), called_(std::move(called)), sentBack_(std::move(sentBack))
{
    // The keys are the menu's (a toolbar has no accelerators of its own); the toolbar shows them
    // in its labels so that nobody has to open the menu to learn them.
    menu_ = new wxMenu;
    menu_->Append(IdCallNext, _("Call the &next resident\tF2"));
    menu_->Append(IdCallAgain, _("Call &again\tF3"));
    menu_->Append(IdNotHere, _("Not &here (back to the queue)\tF4"));
    menu_->AppendSeparator();
    menu_->Append(IdCallNumber, _("Call a n&umber...\tCtrl+G"));

    frame_->Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { callNext(); }, IdCallNext);
    frame_->Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { callAgain(); }, IdCallAgain);
    frame_->Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { notHere(); }, IdNotHere);
    frame_->Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { callNumber(); }, IdCallNumber);
}

void CallBar::addTools(wxToolBar* bar)
{
    toolbar_ = bar;
    auto icon = [](const wxArtID& id) { return wxArtProvider::GetBitmapBundle(id, wxART_TOOLBAR); };
    bar->AddTool(IdCallNext, _("Call next (F2)"), icon(wxART_GO_FORWARD),
                 _("Call the next waiting resident to this window"));
    // The other three as icons, their names and keys in the tooltip (and the Call menu, and F1):
    // with labels the bar is wider than the counter laptop's 1366 pixels.
    auto iconTool = [&](int id, const wxString& name, const wxArtID& art, const wxString& what) {
        bar->AddTool(id, "", icon(art), wxBitmapBundle(), wxITEM_NORMAL, name, what);
    };
    iconTool(IdCallAgain, _("Call again (F3)"), wxART_REDO, _("Announce the number once more"));
    iconTool(IdNotHere, _("Not here (F4)"), wxART_CROSS_MARK,
             _("The resident did not come: the number goes back to the queue for a while"));
    iconTool(IdCallNumber, _("Call a number (Ctrl+G)"), wxART_GOTO_LAST, _("Call a reception number you choose"));
}

void CallBar::addDisplay(wxToolBar* bar)
{
    toolbar_ = bar;
    bar->AddSeparator();
    callLabel_ = new wxStaticText(bar, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "calledNumber");
    callLabel_->SetFont(callLabel_->GetFont().Bold().Scaled(1.25f));
    setCallLabel(_("Nobody called yet"));
    bar->AddControl(callLabel_);
    bar->AddSeparator();
    noteLabel_ = new wxStaticText(bar, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "callNote");
    bar->AddControl(noteLabel_);
}

void CallBar::setCallLabel(const wxString& text)
{
    // A toolbar keeps the size its control had when added or last realized, and GTK wraps a label
    // into the size it is given: sized to its text in its own (larger, bold) font, it stays one line.
    // The text's own extent, not GetBestSize(): a GTK label that may wrap asks for less width than
    // its one line needs.
    callLabel_->SetLabel(text);
    wxSize line = callLabel_->GetTextExtent(text) + callLabel_->FromDIP(wxSize(6, 4));
    callLabel_->SetMinSize(line);
    callLabel_->SetSize(line);
}

wxString CallBar::shownCall() const
{
    return callLabel_->GetLabel();
}

wxString CallBar::shownNote() const
{
    return noteLabel_->GetLabel();
}

void CallBar::note(const wxString& text)
{
    noteLabel_->SetLabel(text);
    toolbar_->Realize();
    frame_->SetStatusText(text, 0);
}

std::optional<CaseId> CallBar::target() const
{
    if (current_)
        return current_;
    return selected_ ? selected_() : std::nullopt;
}

void CallBar::show(const Case& c)
{
    current_ = c.id;
    note(wxString::Format(_("Called %s to window %s"), u8(c.receptionNumber),
                          u8(c.call ? c.call->window : desk_.window)));
    const std::string window = c.call ? c.call->window : desk_.window;
    setCallLabel(wxString::Format(_("Calling %s to window %s"), u8(c.receptionNumber), u8(window)));
    toolbar_->Realize(); // the label's new width
}

void CallBar::clear()
{
    current_.reset();
    setCallLabel(_("Nobody called yet"));
    toolbar_->Realize();
}

void CallBar::callNext()
{
    try {
        std::optional<Case> c = desk_.store.callNext(db::WindowCall{desk_.window, {}}, desk_.actor());
        if (!c) {
            note(_("Nobody is waiting."));
            return;
        }
        show(*c);
        called_(*c);
    } catch (const std::exception& e) {
        showError(frame_, e, _("Calling the next resident"));
    }
}

std::optional<CaseId> CallBar::targetOrSay()
{
    auto id = target();
    if (!id)
        showRefusal(frame_, _("No number is called from this window."),
                    _("Call the next resident (F2), or select the case in the list."));
    return id;
}

void CallBar::callAgain()
{
    auto id = targetOrSay();
    if (!id)
        return;
    try {
        Case c = desk_.store.callAgain(*id, desk_.actor());
        show(c);
        called_(c);
    } catch (const std::exception& e) {
        showError(frame_, e, _("Calling the number again"));
    }
}

void CallBar::notHere()
{
    auto id = targetOrSay();
    if (!id)
        return;
    try {
        Case c = desk_.store.markAbsent(*id, desk_.actor());
        clear();
        note(wxString::Format(_("%s went back to the queue"), u8(c.receptionNumber)));
        sentBack_(c);
    } catch (const std::exception& e) {
        showError(frame_, e, _("Sending the number back to the queue"));
    }
}

void CallBar::callNumber()
{
    wxTextEntryDialog ask(frame_, _("Reception number to call to this window (e.g. A-012):"), _("Call a number"));
    ask.SetName("callNumberDialog");
    if (ask.ShowModal() != wxID_OK)
        return;
    callNumber(ask.GetValue());
}

void CallBar::callNumber(const wxString& typed)
{
    try {
        Case c = desk_.store.callNumber(utf8(typed), desk_.window, desk_.actor());
        show(c);
        called_(c);
    } catch (const std::exception& e) {
        showError(frame_, e, _("Calling a number"));
    }
}

} // namespace madoguchi::gui
