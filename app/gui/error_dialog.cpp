#include "app/gui/error_dialog.hpp"

#include "app/gui/label_wrap.hpp"
#include "app/gui/presenters/error_text.hpp"
#include "app/gui/wx_text.hpp"

#include <wx/button.h>
#include <wx/collpane.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace madoguchi::gui {

namespace {

void showDialog(wxWindow* parent, const wxString& whatText, const wxString& todoText, const wxString& detailText)
{
    wxDialog dlg(parent, wxID_ANY, _("Madoguchi"), wxDefaultPosition, wxDefaultSize,
                 wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "errorDialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* what = new wxStaticText(&dlg, wxID_ANY, whatText, wxDefaultPosition, wxDefaultSize, 0, "errorWhat");
    what->SetFont(what->GetFont().Bold().Larger());
    sizer->Add(what, 0, wxALL, 12);
    auto* todo = new wxStaticText(&dlg, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "errorTodo");
    setWrappedLabel(todo, todoText, 460);
    sizer->Add(todo, 0, wxLEFT | wxRIGHT | wxBOTTOM, 12);
    if (!detailText.empty()) {
        auto* more = new wxCollapsiblePane(&dlg, wxID_ANY, _("Details for the help desk"));
        auto* detail = new wxStaticText(more->GetPane(), wxID_ANY, "");
        setWrappedLabel(detail, detailText, 460);
        auto* paneSizer = new wxBoxSizer(wxVERTICAL);
        paneSizer->Add(detail, 0, wxALL, 4);
        more->GetPane()->SetSizer(paneSizer);
        sizer->Add(more, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    }
    auto* ok = new wxButton(&dlg, wxID_OK);
    sizer->Add(ok, 0, wxALIGN_RIGHT | wxALL, 12);
    ok->SetDefault();
    ok->SetFocus();
    dlg.SetSizerAndFit(sizer);
    dlg.CentreOnParent();
    // Once it is up, too: shown right after a file chooser closed, GTK would leave the focus
    // where the chooser gave it back, behind the dialog.
    dlg.CallAfter([&dlg, ok] {
        dlg.Raise();
        ok->SetFocus();
    });
    dlg.ShowModal();
}

} // namespace

void showError(wxWindow* parent, const std::exception& e, const wxString& action)
{
    // A save that failed for want of the server has put up the main window's banner already (the
    // store tells the window itself: waiting_store.hpp), which goes once the server answers again:
    // the clerk knows when to press save once more.
    ErrorText text = explain(e, utf8(action));
    showDialog(parent, u8(text.what), u8(text.todo), u8(text.detail));
}

void showRefusal(wxWindow* parent, const wxString& why, const wxString& instead)
{
    showDialog(parent, why, instead, "");
}

} // namespace madoguchi::gui
