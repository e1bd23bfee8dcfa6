#pragma once
// What both backends decide the same way about users, logins and purges, apart from how they
// store it: one place, so that SQLite and PostgreSQL cannot drift apart.
#include "db/audit_log.hpp"
#include "db/user_store.hpp"

#include <chrono>
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
    // On failure, what the audit trail records: the user (or "?" for a name that is none) and why
    // (the trail may say "switched off"; the person at the login is not told).
    Actor auditedAs;
    std::string auditDetail;
    // Throws AccessDenied with the one answer every refusal gets: an unknown name, a wrong
    // password, a switched-off or locked account all read the same.
    [[noreturn]] void refuse() const;
};
LoginOutcome judgeLogin(const std::string& password, const std::optional<User>& user,
                        const std::optional<std::string>& hash);

// The failed logins in a row counted for a typed name and for a desk (db/login_throttle.hpp),
// as read from the case book, and what one more failure makes of them.
struct LoginFailures {
    int name = 0;       // stored count for the typed name
    int desk = 0;       // stored count for the desk
    bool fresh = false; // the later of the two failed within login_throttle::kForgetAfter
    // The wait before this attempt is judged.
    std::chrono::milliseconds delay() const;
    // One more failure of a known, switched-on user that reaches login_throttle::kLockAfter:
    // the account is switched off (an admin switches it on again).
    bool locksAfterFailure(const std::optional<User>& user) const;
};
// The audit detail of the lock.
std::string lockDetail(const std::string& name);

// A retention period an admin may set: at least a day, at most a hundred years (a longer one is a
// typo, and would count back past the calendar). ValidationError otherwise.
void checkRetentionPeriod(int days);

// The start of a purge: the cutoff `retentionDays` back from `today`. ValidationError when no
// retention period is set.
PurgeResult startPurge(boost::gregorian::date today, int retentionDays);

} // namespace madoguchi::db
