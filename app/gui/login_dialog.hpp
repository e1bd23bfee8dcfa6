#pragma once
// Who sits at the desk: a login name and password checked by the case book's users
// (db/user_store.hpp). On a case book without users it creates the first admin instead. Used at
// start and, with the name fixed, to unlock the desk after the idle lock.
#include "db/case_store.hpp"
#include "db/user_store.hpp"

#include <optional>
#include <wx/dialog.h>

class wxTextCtrl;
class wxStaticText;

namespace madoguchi::gui {

class LoginDialog : public wxDialog {
public:
    enum class Mode { Login, FirstAdmin, Unlock };
    // Unlock: `fixedUser` is the user who locked the desk; another user may log in instead by
    // clearing the name (the window then changes hands).
    LoginDialog(wxWindow* parent, db::UserStore& users, Mode mode, const std::string& fixedUser = "");
    const std::optional<db::Actor>& actor() const { return actor_; }

private:
    void submit();

    db::UserStore& users_;
    Mode mode_;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxTextCtrl* repeat_ = nullptr;
    wxStaticText* message_ = nullptr;
    std::optional<db::Actor> actor_;
};

// Logs in at start (or creates the first admin); nullopt when the user gave up.
std::optional<db::Actor> loginAtStart(wxWindow* parent, db::UserStore& users);

} // namespace madoguchi::gui
