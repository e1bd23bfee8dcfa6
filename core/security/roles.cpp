#include "core/security/roles.hpp"

#include "core/common/errors.hpp"

namespace madoguchi {

std::string_view roleId(Role r)
{
    switch (r) {
    case Role::Clerk:
        return "clerk";
    case Role::Supervisor:
        return "supervisor";
    case Role::Admin:
        return "admin";
    }
    return "clerk";
}

std::string_view roleLabel(Role r)
{
    switch (r) {
    case Role::Clerk:
        return "窓口職員";
    case Role::Supervisor:
        return "係長・主査";
    case Role::Admin:
        return "管理者";
    }
    return "窓口職員";
}

Role parseRole(const std::string& id)
{
    for (Role r : {Role::Clerk, Role::Supervisor, Role::Admin})
        if (roleId(r) == id)
            return r;
    throw ValidationError("role: \"" + id + "\" is not one of clerk, supervisor, admin");
}

namespace {

Role leastRoleFor(Permission p)
{
    switch (p) {
    case Permission::WorkOnCases:
        return Role::Clerk;
    case Permission::ReopenCase:
    case Permission::ViewReports:
    case Permission::ViewAudit:
        return Role::Supervisor;
    case Permission::ManageUsers:
    case Permission::ManageSettings:
    case Permission::PurgeCases:
    case Permission::BackUp:
        return Role::Admin;
    }
    return Role::Admin;
}

} // namespace

bool allows(Role r, Permission p)
{
    return static_cast<int>(r) >= static_cast<int>(leastRoleFor(p));
}

std::string_view permissionLabel(Permission p)
{
    switch (p) {
    case Permission::WorkOnCases:
        return "work on cases";
    case Permission::ReopenCase:
        return "reopen a case";
    case Permission::ViewReports:
        return "see reports";
    case Permission::ViewAudit:
        return "see the audit";
    case Permission::ManageUsers:
        return "manage users";
    case Permission::ManageSettings:
        return "change settings";
    case Permission::PurgeCases:
        return "purge cases";
    case Permission::BackUp:
        return "back up the case book";
    }
    return "do that";
}

void requirePermission(const std::string& user, Role role, Permission p)
{
    if (!allows(role, p))
        throw AccessDenied("user " + user + " (" + std::string(roleId(role)) + ") may not " +
                           std::string(permissionLabel(p)) + "; that needs a " + std::string(roleId(leastRoleFor(p))) +
                           " or above");
}

void refuseChangeToOwnAccount(const std::string& target, const std::string& actingUser, AccountChange change)
{
    if (target != actingUser)
        return;
    throw RuleViolation(change == AccountChange::SwitchOff
                            ? "an admin cannot switch themself off; another admin can"
                            : "an admin cannot change their own role; another admin can");
}

} // namespace madoguchi
