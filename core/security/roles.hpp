#pragma once
// Who may do what. Each role includes the one below it: a supervisor does everything a clerk
// does, an admin everything a supervisor does.
#include <stdexcept>
#include <string>
#include <string_view>

namespace madoguchi {

enum class Role {
    Clerk,      // 窓口職員: cases
    Supervisor, // 係長・主査: also reports, reopening, the audit, every window's cases
    Admin,      // 管理者: also users, settings and purging old cases
};

enum class Permission {
    WorkOnCases,    // create, view, edit, move on
    ReopenCase,     // a closed case back to in-progress
    ViewReports,    // the day's report, every window
    ViewAudit,      // see and export a day's audit
    ManageUsers,    // add users, change roles, reset passwords
    ManageSettings, // retention period and the like
    PurgeCases,     // delete cases past the retention period
    BackUp,         // copy the whole case book to a file
};

std::string_view roleId(Role r);       // "clerk", "supervisor", "admin"
std::string_view roleLabel(Role r);    // 窓口職員, 係長・主査, 管理者
Role parseRole(const std::string& id); // ValidationError naming the accepted ids
bool allows(Role r, Permission p);
std::string_view permissionLabel(Permission p); // for messages: "reopen a case"

// Someone tried what their role does not allow, or could not prove who they are. The console tool
// exits 7; the window says so in a dialog. Nothing was written.
class AccessDenied : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws AccessDenied ("user hanako (clerk) may not reopen a case") unless `role` allows `p`.
void requirePermission(const std::string& user, Role role, Permission p);

// What an administrator may not do to their own account: switch it off or change its role. Either
// could leave the office without an administrator; another administrator can do both.
enum class AccountChange { SwitchOff, ChangeRole };
// Throws RuleViolation when `actingUser` would make `change` to their own account `target`.
void refuseChangeToOwnAccount(const std::string& target, const std::string& actingUser, AccountChange change);

} // namespace madoguchi
