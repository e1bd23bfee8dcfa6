#pragma once
// The users of the program (not the database server's roles): login names, roles, Argon2id
// password hashes. A store that keeps users implements this beside CaseStore.
#include "core/security/roles.hpp"
#include "db/case_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace madoguchi::db {

struct User {
    std::string name;
    Role role = Role::Clerk;
    bool active = true;
    std::string createdAt;
};

class UserStore {
public:
    virtual ~UserStore() = default;

    // No user yet: the first run must create the admin.
    virtual bool hasUsers() = 0;
    // Only while there is no user at all (else AccessDenied); audited as user.add by that admin.
    virtual User createFirstAdmin(const std::string& name, const std::string& password) = 0;
    // The actor for a name and password, or AccessDenied (the same message for an unknown name and
    // a wrong password; the failure is audited as login.failed).
    virtual Actor authenticate(const std::string& name, const std::string& password) = 0;

    // Admin only (AccessDenied otherwise), audited.
    virtual User addUser(const std::string& name, Role role, const std::string& password, const Actor& by) = 0;
    virtual User setRole(const std::string& name, Role role, const Actor& by) = 0;
    virtual User setActive(const std::string& name, bool active, const Actor& by) = 0;
    // An admin for anyone; any user for themself.
    virtual void setPassword(const std::string& name, const std::string& password, const Actor& by) = 0;
    virtual std::vector<User> users(const Actor& by) = 0;
};

} // namespace madoguchi::db
