#pragma once
// The administrator's list of users: who may log in, in which role; adding a user, disabling or
// enabling one, changing a role, setting a new password for a user who forgot theirs. Everything goes through the case
// book's user store, which checks the role again and audits each change (user.add, user.change).
#include "app/gui/desk_context.hpp"
#include "db/user_store.hpp"

#include <functional>
#include <vector>
#include <wx/dialog.h>

class wxListCtrl;

namespace madoguchi::gui {

class UsersDialog : public wxDialog {
public:
    UsersDialog(wxWindow* parent, db::UserStore& users, const DeskContext& desk);

private:
    void refresh();
    void addUser();
    const db::User* selected() const;
    // Runs `change` on the selected user and shows the list again; refuses it for one's own account.
    void changeSelected(const wxString& ownAccountRefusal, const std::function<void(const db::User&)>& change);
    void toggleSelected();
    void changeRoleOfSelected();
    void setPasswordOfSelected();

    db::UserStore& users_;
    const DeskContext& desk_;
    wxListCtrl* list_ = nullptr;
    std::vector<db::User> shown_;
};

} // namespace madoguchi::gui
