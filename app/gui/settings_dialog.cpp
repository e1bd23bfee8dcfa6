#include "app/gui/settings_dialog.hpp"

#include "app/gui/wx_text.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace madoguchi::gui {

namespace {
const char* const kLanguages[] = {"auto", "ja", "en"};
}

SettingsDialog::SettingsDialog(wxWindow* parent, const AppSettings& current)
    : wxDialog(parent, wxID_ANY, _("Settings"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE, "settingsDialog"),
      base_(current)
{
    auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Language")), 0, wxALIGN_CENTER_VERTICAL);
    language_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator, "language");
    language_->Append(_("Automatic (Japanese on a Japanese system)"));
    language_->Append(u8("日本語"));
    language_->Append("English");
    language_->SetSelection(0);
    for (int i = 0; i < 3; ++i)
        if (current.language == kLanguages[i])
            language_->SetSelection(i);
    grid->Add(language_);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Window (desk number)")), 0, wxALIGN_CENTER_VERTICAL);
    window_ = new wxTextCtrl(this, wxID_ANY, u8(current.window), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "window");
    grid->Add(window_);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Flag a &waiting resident after (minutes)")), 0, wxALIGN_CENTER_VERTICAL);
    waitMinutes_ = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 240,
                                  current.waitWarningMinutes, "waitMinutes");
    grid->Add(waitMinutes_);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, 0, wxALL, 12);
    top->Add(new wxStaticText(this, wxID_ANY, _("A new language applies from the next start.")), 0, wxLEFT | wxRIGHT, 12);
    top->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(top);
    CentreOnParent();
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = base_;
    int lang = language_->GetSelection();
    s.language = kLanguages[lang < 0 ? 0 : lang];
    s.window = utf8(window_->GetValue());
    s.waitWarningMinutes = waitMinutes_->GetValue();
    return s;
}

} // namespace madoguchi::gui
