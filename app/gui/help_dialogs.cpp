#include "app/gui/help_dialogs.hpp"

#include "app/gui/label_wrap.hpp"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace madoguchi::gui {

namespace {

struct Shortcut {
    const char* keys;
    wxString what;
};

// The keys as the menus, the toolbar and the dialogs bind them (main_frame.cpp and its Bookings
// menu, call_bar.cpp, new_case_dialog.cpp, case_detail_dialog.cpp): a key added there gets its line here.
std::vector<Shortcut> shortcuts()
{
    return {
        {"Ctrl+R", _("Read card: what the card says the visit needs, then a new visit")},
        {"Ctrl+N", _("New visit without the card")},
        {"F2", _("Call the next waiting resident to this window")},
        {"F3", _("Call the called number again")},
        {"F4", _("Not here: the called number goes back to the queue")},
        {"Ctrl+G", _("Call a reception number you choose")},
        {"Ctrl+F", _("Search (name, furigana, reception number)")},
        {"Ctrl+O / Enter", _("Open the selected visit")},
        {"Ctrl+P", _("Print the handout of the selected visit")},
        {"F5", _("Refresh the list")},
        {"Ctrl+B", _("New booking")},
        {"Ctrl+U", _("Check in the selected booking: its visit opens")},
        {"Ctrl+E / Ctrl+Shift+D", _("Move / cancel the selected booking")},
        {"Ctrl+Shift+P", _("Print the booking slip")},
        {"Ctrl+Shift+F", _("Search the bookings")},
        {"Ctrl+PgUp / Ctrl+PgDn / Ctrl+Home", _("The bookings of the previous day / the next day / today")},
        {"Ctrl+Shift+S", _("Supervisor view (supervisors)")},
        {"Enter", _("In a new visit from the card: accept what the card says")},
        {"Ctrl+Enter", _("In a new visit: add another procedure")},
        {"Del", _("In a new visit: remove the chosen procedure")},
        {"Ctrl+R",
         _("In a new visit: read name, address, birth date and sex from the card (the resident types the PIN)")},
        {"Ctrl+S", _("In a new visit: save")},
        {"Alt+1, Alt+2 …", _("In a visit: move the procedure on (the buttons show the numbers)")},
        {"Alt+↑ / Alt+↓", _("In a visit of several procedures: choose the procedure")},
        {"Esc", _("Close the dialog")},
        {"F1", _("This list")},
    };
}

} // namespace

void showKeyboardShortcuts(wxWindow* parent)
{
    wxDialog dlg(parent, wxID_ANY, _("Keyboard shortcuts"), wxDefaultPosition, wxDefaultSize,
                 wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "shortcutsDialog");
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* list = new wxListCtrl(&dlg, wxID_ANY, wxDefaultPosition, dlg.FromDIP(wxSize(760, 420)),
                                wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "shortcutsList");
    list->AppendColumn(_("Keys"), wxLIST_FORMAT_LEFT, dlg.FromDIP(150));
    list->AppendColumn(_("What they do"), wxLIST_FORMAT_LEFT, dlg.FromDIP(590));
    long row = 0;
    for (const auto& s : shortcuts()) {
        list->InsertItem(row, s.keys);
        list->SetItem(row++, 1, s.what);
    }
    top->Add(list, 1, wxEXPAND | wxALL, 8);
    top->Add(new wxButton(&dlg, wxID_CANCEL, _("Close")), 0, wxALIGN_RIGHT | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    dlg.SetSizerAndFit(top);
    dlg.SetEscapeId(wxID_CANCEL);
    list->SetFocus();
    dlg.CentreOnParent();
    dlg.ShowModal();
}

void showAbout(wxWindow* parent)
{
    wxDialog dlg(parent, wxID_ANY, _("About Madoguchi"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE,
                 "aboutDialog");
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(&dlg, wxID_ANY, wxString::Format(_("Madoguchi %s"), MADOGUCHI_VERSION),
                                   wxDefaultPosition, wxDefaultSize, 0, "aboutTitle");
    title->SetFont(title->GetFont().Larger().Bold());
    top->Add(title, 0, wxALL, 12);
    auto* text = new wxStaticText(&dlg, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "aboutText");
    setWrappedLabel(text,
                    _("The My Number card counter of a city hall: visits and their procedures, what the resident "
                      "brings, the card read at the counter, the handout, the day's report. The clerk's guide "
                      "explains every screen; Help > Keyboard shortcuts (F1) lists the keys."),
                    dlg.FromDIP(460));
    top->Add(text, 0, wxLEFT | wxRIGHT, 12);
    auto* ok = new wxButton(&dlg, wxID_OK, _("Close"));
    top->Add(ok, 0, wxALIGN_RIGHT | wxALL, 12);
    dlg.SetSizerAndFit(top);
    ok->SetFocus();
    dlg.CentreOnParent();
    dlg.ShowModal();
}

} // namespace madoguchi::gui
