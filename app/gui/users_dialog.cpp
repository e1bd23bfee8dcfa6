#include "app/gui/users_dialog.hpp"

#include "app/gui/error_dialog.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/wx_text.hpp"
#include "core/common/errors.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace madoguchi::gui {

namespace {

constexpr Role kRoles[] = {Role::Clerk, Role::Supervisor, Role::Admin};

// A new user (name, role, the first password twice), or a new password for an existing user who
// forgot theirs (the password twice). Stays open with the store's reason when the store refuses
// (a name taken, a password too short).
class UserFormDialog : public wxDialog {
public:
    // `existing` empty: add a user; else set that user's password.
    UserFormDialog(wxWindow* parent, db::UserStore& users, const db::Actor& by, const std::string& existing = "")
        : wxDialog(parent, wxID_ANY, existing.empty() ? _("Add a user") : _("Set a password"), wxDefaultPosition,
                   wxDefaultSize, wxDEFAULT_DIALOG_STYLE, existing.empty() ? "addUserDialog" : "passwordDialog"),
          users_(users), by_(by), existing_(existing)
    {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* grid = new wxFlexGridSizer(2, 8, 8);
        grid->AddGrowableCol(1);
        grid->Add(new wxStaticText(this, wxID_ANY, _("User")), 0, wxALIGN_CENTER_VERTICAL);
        if (existing_.empty()) {
            name_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(240, -1), 0, wxDefaultValidator,
                                   "newUser");
            grid->Add(name_, 1, wxEXPAND);
            grid->Add(new wxStaticText(this, wxID_ANY, _("Role")), 0, wxALIGN_CENTER_VERTICAL);
            role_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                                 "newRole");
            for (Role r : kRoles)
                role_->Append(roleName(r));
            role_->SetSelection(0);
            grid->Add(role_, 1, wxEXPAND);
        } else {
            grid->Add(new wxStaticText(this, wxID_ANY, u8(existing_), wxDefaultPosition, wxSize(240, -1)), 1, wxEXPAND);
        }
        grid->Add(new wxStaticText(this, wxID_ANY, _("Password")), 0, wxALIGN_CENTER_VERTICAL);
        password_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD,
                                   wxDefaultValidator, "newPassword");
        grid->Add(password_, 1, wxEXPAND);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Password again")), 0, wxALIGN_CENTER_VERTICAL);
        repeat_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                                 wxTE_PASSWORD | wxTE_PROCESS_ENTER, wxDefaultValidator, "newRepeat");
        grid->Add(repeat_, 1, wxEXPAND);
        sizer->Add(grid, 0, wxEXPAND | wxALL, 10);
        message_ = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "addUserMessage");
        message_->SetForegroundColour(*wxRED);
        sizer->Add(message_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        auto* ok = new wxButton(this, wxID_OK, existing_.empty() ? _("&Add") : _("&Set"));
        ok->SetDefault();
        buttons->Add(ok);
        buttons->Add(new wxButton(this, wxID_CANCEL, _("Cancel")), 0, wxLEFT, 8);
        sizer->Add(buttons, 0, wxALIGN_RIGHT | wxALL, 10);
        SetSizerAndFit(sizer);
        Bind(
            wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); }, wxID_OK);
        repeat_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { submit(); });
        if (name_)
            name_->SetFocus();
        else
            password_->SetFocus();
        CentreOnParent();
    }

private:
    void submit()
    {
        std::string password = utf8(password_->GetValue()), again = utf8(repeat_->GetValue());
        // The passwords leave the widgets at once, whatever the outcome.
        password_->Clear();
        repeat_->Clear();
        try {
            if (password != again)
                throw ValidationError(utf8(_("The two passwords differ.")));
            if (existing_.empty())
                users_.addUser(utf8(name_->GetValue()), kRoles[role_->GetSelection()], password, by_);
            else
                users_.setPassword(existing_, password, by_);
            EndModal(wxID_OK);
            return;
        } catch (const std::exception& e) {
            message_->SetLabel(u8(e.what()));
        }
        Layout();
        Fit();
        password_->SetFocus();
    }

    db::UserStore& users_;
    db::Actor by_;
    std::string existing_;
    wxTextCtrl* name_ = nullptr;
    wxChoice* role_ = nullptr;
    wxTextCtrl* password_;
    wxTextCtrl* repeat_;
    wxStaticText* message_;
};

} // namespace

UsersDialog::UsersDialog(wxWindow* parent, db::UserStore& users, const DeskContext& desk)
    : wxDialog(parent, wxID_ANY, _("Users"), wxDefaultPosition, wxSize(520, 420),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "usersDialog"),
      users_(users), desk_(desk)
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL,
                           wxDefaultValidator, "users");
    list_->AppendColumn(_("User"), wxLIST_FORMAT_LEFT, 160);
    list_->AppendColumn(_("Role"), wxLIST_FORMAT_LEFT, 120);
    list_->AppendColumn(_("State"), wxLIST_FORMAT_LEFT, 120);
    top->Add(list_, 1, wxEXPAND | wxALL, 8);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(this, wxID_ANY, _("&Add a user..."), wxDefaultPosition, wxDefaultSize, 0,
                             wxDefaultValidator, "addUser");
    auto* toggle = new wxButton(this, wxID_ANY, _("&Disable / enable"), wxDefaultPosition, wxDefaultSize, 0,
                                wxDefaultValidator, "toggleUser");
    auto* role = new wxButton(this, wxID_ANY, _("Change &role..."), wxDefaultPosition, wxDefaultSize, 0,
                              wxDefaultValidator, "changeRole");
    auto* password = new wxButton(this, wxID_ANY, _("Set &password..."), wxDefaultPosition, wxDefaultSize, 0,
                                  wxDefaultValidator, "setPassword");
    buttons->Add(add, 0, wxRIGHT, 6);
    buttons->Add(toggle, 0, wxRIGHT, 6);
    buttons->Add(role, 0, wxRIGHT, 6);
    buttons->Add(password, 0);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL, _("&Close")), 0);
    top->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);
    // Wide enough for every button in the longer of the two languages.
    SetSize(wxSize(std::max(520, top->GetMinSize().x), 420));
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addUser(); });
    toggle->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { toggleSelected(); });
    role->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { changeRoleOfSelected(); });
    password->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { setPasswordOfSelected(); });
    refresh();
    list_->SetFocus();
    CentreOnParent();
}

void UsersDialog::refresh()
{
    long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    shown_ = users_.users(desk_.actor());
    list_->DeleteAllItems();
    for (const auto& u : shown_) {
        long i = list_->InsertItem(list_->GetItemCount(), u8(u.name));
        list_->SetItem(i, 1, roleName(u.role));
        list_->SetItem(i, 2, u.active ? _("active") : _("disabled"));
    }
    if (!shown_.empty())
        list_->SetItemState(std::clamp(selected, 0L, static_cast<long>(shown_.size()) - 1),
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
}

void UsersDialog::addUser()
{
    UserFormDialog dlg(this, users_, desk_.actor());
    if (dlg.ShowModal() == wxID_OK)
        refresh();
    list_->SetFocus();
}

const db::User* UsersDialog::selected() const
{
    long i = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (i < 0 || i >= static_cast<long>(shown_.size()))
        return nullptr;
    return &shown_[static_cast<std::size_t>(i)];
}

void UsersDialog::changeSelected(const wxString& ownAccountRefusal, const std::function<void(const db::User&)>& change)
{
    const db::User* u = selected();
    if (!u)
        return;
    // The store refuses it too; said here, in the clerk's language, before anything is asked.
    if (u->name == desk_.user) {
        showRefusal(this, ownAccountRefusal, _("Another administrator can."));
    } else {
        try {
            change(*u);
            refresh();
        } catch (const std::exception& e) {
            showError(this, e, _("Changing the user"));
        }
    }
    list_->SetFocus();
}

void UsersDialog::toggleSelected()
{
    changeSelected(_("You cannot disable yourself."),
                   [this](const db::User& u) { users_.setActive(u.name, !u.active, desk_.actor()); });
}

void UsersDialog::changeRoleOfSelected()
{
    changeSelected(_("You cannot change your own role."), [this](const db::User& u) {
        // Radio buttons, not a list: the focus starts on the present role and the arrows move from
        // it (GTK's list kept its keyboard cursor on the first row whatever was selected).
        wxDialog choose(this, wxID_ANY, _("Change the role"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE,
                        "roleDialog");
        wxArrayString names;
        int current = 0;
        for (std::size_t i = 0; i < std::size(kRoles); ++i) {
            names.Add(roleName(kRoles[i]));
            if (kRoles[i] == u.role)
                current = static_cast<int>(i);
        }
        auto* roles =
            new wxRadioBox(&choose, wxID_ANY, wxString::Format(_("The role of %s:"), u8(u.name)), wxDefaultPosition,
                           wxDefaultSize, names, 1, wxRA_SPECIFY_COLS, wxDefaultValidator, "roleChoice");
        roles->SetSelection(current);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(roles, 0, wxEXPAND | wxALL, 10);
        sizer->Add(choose.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 10);
        choose.SetSizerAndFit(sizer);
        choose.CentreOnParent();
        // Once shown: GTK gives a new dialog's focus to its default button.
        choose.CallAfter([roles] { roles->SetFocus(); });
        if (choose.ShowModal() == wxID_OK && roles->GetSelection() != current)
            users_.setRole(u.name, kRoles[roles->GetSelection()], desk_.actor());
    });
}

void UsersDialog::setPasswordOfSelected()
{
    const db::User* u = selected();
    if (!u)
        return;
    UserFormDialog dlg(this, users_, desk_.actor(), u->name);
    dlg.ShowModal();
    list_->SetFocus();
}

} // namespace madoguchi::gui
