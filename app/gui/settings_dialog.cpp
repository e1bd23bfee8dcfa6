#include "app/gui/settings_dialog.hpp"

#include "app/common/listen_address.hpp"
#include "app/gui/wx_text.hpp"
#include "core/cases/reception_number.hpp"
#include "core/common/errors.hpp"
#include "core/text/search_fold.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace madoguchi::gui {

namespace {
const char* const kLanguages[] = {"auto", "ja", "en"};
}

SettingsDialog::SettingsDialog(wxWindow* parent, const AppSettings& current, bool admin)
    : wxDialog(parent, wxID_ANY, _("Settings"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE,
               "settingsDialog"),
      base_(current)
{
    auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Language")), 0, wxALIGN_CENTER_VERTICAL);
    language_ =
        new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator, "language");
    language_->Append(_("Automatic (Japanese on a Japanese system)"));
    language_->Append(u8("日本語"));
    language_->Append("English");
    language_->SetSelection(0);
    for (int i = 0; i < 3; ++i)
        if (current.language == kLanguages[i])
            language_->SetSelection(i);
    grid->Add(language_);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Window (desk number)")), 0, wxALIGN_CENTER_VERTICAL);
    window_ = new wxTextCtrl(this, wxID_ANY, u8(current.window), wxDefaultPosition, wxDefaultSize, 0,
                             wxDefaultValidator, "window");
    grid->Add(window_);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Flag a &waiting resident after (minutes)")), 0,
              wxALIGN_CENTER_VERTICAL);
    waitMinutes_ = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1,
                                  240, current.waitWarningMinutes, "waitMinutes");
    grid->Add(waitMinutes_);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Case book (file or postgresql://...)")), 0, wxALIGN_CENTER_VERTICAL);
    database_ = new wxTextCtrl(this, wxID_ANY, u8(current.database), wxDefaultPosition, wxSize(FromDIP(380), -1), 0,
                               wxDefaultValidator, "database");
    database_->SetHint(_("Empty: the case book file in your data folder"));
    grid->Add(database_, 0, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Office code")), 0, wxALIGN_CENTER_VERTICAL);
    office_ = new wxTextCtrl(this, wxID_ANY, u8(current.office), wxDefaultPosition, wxDefaultSize, 0,
                             wxDefaultValidator, "office");
    grid->Add(office_);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Hall display listens on (address:port)")), 0,
              wxALIGN_CENTER_VERTICAL);
    hallDisplay_ = new wxTextCtrl(this, wxID_ANY, u8(current.hallDisplay), wxDefaultPosition, wxDefaultSize, 0,
                                  wxDefaultValidator, "hallDisplay");
    hallDisplay_->SetHint("127.0.0.1:8080");
    grid->Add(hallDisplay_, 0, wxEXPAND);
    hallDisplay_->Enable(admin);
    // Which case book a desk writes to is the administrator's decision (a clerk pointing a desk at
    // another file would split the day's numbering); others see it.
    database_->Enable(admin);
    office_->Enable(admin);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, 0, wxALL, 12);
    top->Add(new wxStaticText(this, wxID_ANY,
                              admin ? _("A new language, case book or office applies from the next start.")
                                    : _("A new language applies from the next start. Only an "
                                        "administrator changes the case book and the office.")),
             0, wxLEFT | wxRIGHT, 12);
    auto* hall = new wxStaticBoxSizer(wxVERTICAL, this, _("Hall display"));
    hallAddress_ =
        new wxStaticText(hall->GetStaticBox(), wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "hallAddress");
    hall->Add(hallAddress_, 0, wxALL, 6);
    top->Add(hall, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    showHallAddress();
    // The command names this desk's case book and office: it follows what is typed in any of them.
    for (wxTextCtrl* field : {hallDisplay_, database_, office_})
        field->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            showHallAddress();
            Layout();
            Fit();
        });
    message_ = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "settingsMessage");
    message_->SetForegroundColour(wxColour(0xC0, 0, 0));
    top->Add(message_, 0, wxLEFT | wxRIGHT | wxTOP, 12);
    top->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(top);
    CentreOnParent();
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { accept(); }, wxID_OK);
}

void SettingsDialog::showHallAddress()
{
    // The address and the command, so that whoever sets up the hall's screen needs nothing else.
    try {
        app::ListenAddress a = app::parseListenAddress(trimmed(utf8(hallDisplay_->GetValue())));
        wxString where = a.host == "127.0.0.1" || a.host == "localhost" || a.host == "::1"
                             ? _("Only a browser on the display's own machine can open it.")
                         : a.host == "0.0.0.0" || a.host == "::"
                             ? _("Open it with the display machine's address in place of 0.0.0.0.")
                             : wxString();
        wxString text = wxString::Format(_("The hall's screen opens: %s"), u8(app::urlOf(a)));
        if (!where.empty())
            text += "\n" + where;
        std::string book = trimmed(utf8(database_->GetValue()));
        text += "\n" + wxString::Format(_("Served by: %s"),
                                        u8("madoguchi-display --db " + (book.empty() ? std::string("BOOK") : book) +
                                           " --listen " + trimmed(utf8(hallDisplay_->GetValue())) + " --office-code " +
                                           trimmed(utf8(office_->GetValue()))));
        text += "\n" + wxString::Format(_("On the screen: %s"), u8("chromium --kiosk " + app::urlOf(a)));
        hallAddress_->SetLabel(text);
    } catch (const std::exception&) {
        hallAddress_->SetLabel(_("Type the address and port the hall display listens on, e.g. 127.0.0.1:8080."));
    }
}

void SettingsDialog::accept()
{
    try {
        app::parseListenAddress(trimmed(utf8(hallDisplay_->GetValue())));
    } catch (const ValidationError&) {
        message_->SetLabel(_("The hall display's address is an address and a port, e.g. 127.0.0.1:8080."));
        Layout();
        Fit();
        hallDisplay_->SetFocus();
        return;
    }
    try {
        checkOfficeCode(utf8(office_->GetValue()));
    } catch (const ValidationError&) {
        message_->SetLabel(_("The office code is 1-32 letters, digits, - or _ (e.g. main)."));
        Layout();
        Fit();
        office_->SetFocus();
        return;
    }
    EndModal(wxID_OK);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = base_;
    int lang = language_->GetSelection();
    s.language = kLanguages[lang < 0 ? 0 : lang];
    s.window = utf8(window_->GetValue());
    s.waitWarningMinutes = waitMinutes_->GetValue();
    s.database = trimmed(utf8(database_->GetValue()));
    s.office = trimmed(utf8(office_->GetValue()));
    s.hallDisplay = trimmed(utf8(hallDisplay_->GetValue()));
    return s;
}

} // namespace madoguchi::gui
