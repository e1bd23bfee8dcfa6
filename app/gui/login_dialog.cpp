#include "app/gui/login_dialog.hpp"

#include "app/gui/wx_text.hpp"
#include "core/common/errors.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace madoguchi::gui {

LoginDialog::LoginDialog(wxWindow* parent, db::UserStore& users, Mode mode, const std::string& fixedUser)
    : wxDialog(parent, wxID_ANY,
               mode == Mode::FirstAdmin ? _("Create the administrator")
               : mode == Mode::Unlock   ? _("Locked - enter your password")
                                        : _("Log in to Madoguchi"),
               wxDefaultPosition, wxDefaultSize, wxCAPTION),
      users_(users), mode_(mode)
{
    SetName("login");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (mode == Mode::FirstAdmin)
        sizer->Add(new wxStaticText(this, wxID_ANY,
                                    _("This case book has no users yet. Create the administrator,\n"
                                      "who then adds the clerks and supervisors.")),
                   0, wxALL, 10);
    if (mode == Mode::Unlock)
        sizer->Add(new wxStaticText(this, wxID_ANY,
                                    _("The desk was locked while nobody used it.\n"
                                      "Personal data is hidden; what you typed is kept.")),
                   0, wxALL, 10);
    auto* grid = new wxFlexGridSizer(2, 8, 8);
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("User")), 0, wxALIGN_CENTER_VERTICAL);
    name_ = new wxTextCtrl(this, wxID_ANY, u8(fixedUser), wxDefaultPosition, wxSize(240, -1), 0, wxDefaultValidator,
                           "user");
    grid->Add(name_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Password")), 0, wxALIGN_CENTER_VERTICAL);
    password_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD | wxTE_PROCESS_ENTER,
                               wxDefaultValidator, "password");
    grid->Add(password_, 1, wxEXPAND);
    if (mode == Mode::FirstAdmin) {
        grid->Add(new wxStaticText(this, wxID_ANY, _("Password again")), 0, wxALIGN_CENTER_VERTICAL);
        repeat_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                                 wxTE_PASSWORD | wxTE_PROCESS_ENTER, wxDefaultValidator, "repeat");
        grid->Add(repeat_, 1, wxEXPAND);
    }
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    message_ = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "message");
    message_->SetForegroundColour(*wxRED);
    sizer->Add(message_, 0, wxEXPAND | wxALL, 10);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* ok = new wxButton(this, wxID_OK, mode == Mode::Unlock ? _("Unlock") : _("Log in"));
    ok->SetDefault();
    buttons->Add(ok);
    if (mode != Mode::Unlock)
        buttons->Add(new wxButton(this, wxID_CANCEL, _("Quit")), 0, wxLEFT, 8);
    sizer->Add(buttons, 0, wxALIGN_RIGHT | wxALL, 10);
    SetSizerAndFit(sizer);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); }, wxID_OK);
    Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { submit(); });
    (fixedUser.empty() ? name_ : password_)->SetFocus();
    CentreOnParent();
}

void LoginDialog::submit()
{
    std::string name = utf8(name_->GetValue()), password = utf8(password_->GetValue());
    // The password leaves the widget at once: nothing keeps it once checked.
    password_->Clear();
    try {
        if (mode_ == Mode::FirstAdmin) {
            std::string again = utf8(repeat_->GetValue());
            repeat_->Clear();
            if (again != password) {
                message_->SetLabel(_("The two passwords differ."));
                return;
            }
            db::User u = users_.createFirstAdmin(name, password);
            actor_ = db::Actor{u.name, u.role};
        } else
            actor_ = users_.authenticate(name, password);
        EndModal(wxID_OK);
    } catch (const AccessDenied&) {
        message_->SetLabel(_("Unknown user or wrong password."));
    } catch (const ValidationError& e) {
        message_->SetLabel(u8(e.what()));
    } catch (const std::exception& e) {
        message_->SetLabel(u8(e.what()));
    }
    Layout();
    Fit();
    password_->SetFocus();
}

std::optional<db::Actor> loginAtStart(wxWindow* parent, db::UserStore& users)
{
    LoginDialog dlg(parent, users, users.hasUsers() ? LoginDialog::Mode::Login : LoginDialog::Mode::FirstAdmin);
    if (dlg.ShowModal() != wxID_OK)
        return std::nullopt;
    return dlg.actor();
}

} // namespace madoguchi::gui
