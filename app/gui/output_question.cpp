#include "app/gui/output_question.hpp"

#include "app/gui/error_dialog.hpp"
#include "app/gui/label_wrap.hpp"
#include "app/gui/presenters/translate.hpp"
#include "app/gui/wx_text.hpp"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace madoguchi::gui {

namespace {

bool askReplace(wxWindow* parent, const std::filesystem::path& target)
{
    wxDialog dlg(parent, wxID_ANY, _("Madoguchi"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE,
                 "replaceQuestion");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* what = new wxStaticText(&dlg, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "replaceWhat");
    setWrappedLabel(what, u8(fill(tr("%1 already exists. Replace it?"), {target.filename().string()})), 460);
    what->SetFont(what->GetFont().Bold());
    sizer->Add(what, 0, wxALL, 12);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* replace = new wxButton(&dlg, wxID_YES, _("&Replace"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                                 "replaceYes");
    auto* keep = new wxButton(&dlg, wxID_NO, _("&Keep the file"), wxDefaultPosition, wxDefaultSize, 0,
                              wxDefaultValidator, "replaceNo");
    buttons->Add(replace, 0, wxRIGHT, 8);
    buttons->Add(keep, 0);
    sizer->Add(buttons, 0, wxALIGN_RIGHT | wxALL, 12);
    replace->Bind(wxEVT_BUTTON, [&dlg](wxCommandEvent&) { dlg.EndModal(wxID_YES); });
    keep->Bind(wxEVT_BUTTON, [&dlg](wxCommandEvent&) { dlg.EndModal(wxID_NO); });
    dlg.SetEscapeId(wxID_NO);
    keep->SetDefault(); // Enter keeps the file: replacing is the act that needs a deliberate choice
    dlg.SetSizerAndFit(sizer);
    dlg.CentreOnParent();
    // Focused once the dialog is up (as the PIN dialog): shown right after the file chooser closed,
    // the dialog would otherwise leave the focus where the chooser gave it back, behind it.
    dlg.CallAfter([&dlg, keep] {
        dlg.Raise();
        keep->SetFocus();
    });
    return dlg.ShowModal() == wxID_YES;
}

} // namespace

std::optional<files::Overwrite> confirmOutputTarget(wxWindow* parent, const std::filesystem::path& target)
{
    files::TargetCheck check = files::inspectOutputTarget(target);
    switch (check.state) {
    case files::TargetState::Free:
        return files::Overwrite::No;
    case files::TargetState::Exists:
        if (askReplace(parent, target))
            return files::Overwrite::Yes;
        return std::nullopt;
    case files::TargetState::Forbidden:
        showRefusal(parent, _("This file cannot be written over."),
                    _("Madoguchi never writes over a database, a backup or the case book in use. Choose another "
                      "file name.") +
                        "\n\n" + u8(check.reason));
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace madoguchi::gui
