#pragma once
// What both backends decide the same way about users, logins and purges, apart from how they
// store it: one place, so that SQLite and PostgreSQL cannot drift apart.
#include "db/audit_log.hpp"
#include "db/user_store.hpp"

#include <optional>
#include <string>

namespace madoguchi::db {

// Login names go into every audit entry and onto the console: printable, no spaces.
// ValidationError otherwise.
void validateUserName(const std::string& name);

// A login attempt judged from the stored user and hash (none for an unknown name). An unknown
// name costs the same time as a wrong password, and both get the same answer: neither tells
// which names exist.
struct LoginOutcome {
    std::optional<Actor> actor; // set when the login succeeds
    // On failure, what the audit trail records: the user (or "?" for a name that is none) and why.
    Actor auditedAs;
    std::string auditDetail;
    bool switchedOff = false; // the password was right but the account is off: said so
    // Throws AccessDenied with the answer the person at the login sees.
    [[noreturn]] void refuse(const std::string& typedName) const;
};
LoginOutcome judgeLogin(const std::string& password, const std::optional<User>& user,
                        const std::optional<std::string>& hash);

// The start of a purge: the cutoff `retentionDays` back from `today`. ValidationError when no
// retention period is set.
PurgeResult startPurge(boost::gregorian::date today, int retentionDays);

} // namespace madoguchi::db
