#include "db/user_rules.hpp"

#include "core/common/errors.hpp"
#include "core/security/password.hpp"
#include "core/text/text_field.hpp"
#include "db/login_throttle.hpp"

#include <algorithm>

namespace madoguchi::db {

namespace {

// What an unknown name is checked against, so that it costs what a wrong password costs. A
// hash made once per process (as before) cost an unknown name a second Argon2 run: 0.24 s
// against 0.14 s, which told which names exist.
const std::string& dummyHash()
{
    static const std::string h = unmatchableHash();
    return h;
}

} // namespace

void validateUserName(const std::string& name)
{
    if (name.empty() || name.size() > 64)
        throw ValidationError("user name: 1 to 64 characters");
    for (unsigned char c : name)
        if (c <= 0x20 || c == 0x7f)
            throw ValidationError("user name: no spaces or control characters");
    checkTextField("user name", name); // UTF-8, and none of the controls beyond ASCII
}

LoginOutcome judgeLogin(const std::string& password, const std::optional<User>& user,
                        const std::optional<std::string>& hash)
{
    bool passwordRight = verifyPassword(password, hash ? *hash : dummyHash()) && hash;
    if (passwordRight && user->active)
        return {Actor{user->name, user->role}, {}, ""};
    // The name as typed may be anything: recorded only when it is a user's name.
    return {std::nullopt, Actor{user ? user->name : std::string("?"), user ? user->role : Role::Clerk},
            passwordRight ? "switched off" : "wrong password or unknown user"};
}

void LoginOutcome::refuse() const
{
    throw AccessDenied("login refused: unknown user or wrong password, or the account is switched off "
                       "(an admin can tell which)");
}

std::chrono::milliseconds LoginFailures::delay() const
{
    return fresh ? login_throttle::delayAfter(std::max(name, desk)) : std::chrono::milliseconds(0);
}

bool LoginFailures::locksAfterFailure(const std::optional<User>& user) const
{
    return user && user->active && name + 1 >= login_throttle::kLockAfter;
}

std::string lockDetail(const std::string& name)
{
    return name + " off: locked after " + std::to_string(login_throttle::kLockAfter) + " failed logins in a row";
}

constexpr int kLongestRetentionDays = 36525; // a hundred years

void checkRetentionPeriod(int days)
{
    if (days < 1)
        throw ValidationError("retention: the period must be at least one day");
    if (days > kLongestRetentionDays)
        throw ValidationError("retention: " + std::to_string(days) + " days is more than a hundred years (" +
                              std::to_string(kLongestRetentionDays) + " days)");
}

PurgeResult startPurge(boost::gregorian::date today, int retentionDays)
{
    if (retentionDays <= 0)
        throw ValidationError("retention: no period is set (madoguchi-cli retention set --days N)");
    checkRetentionPeriod(retentionDays);
    PurgeResult result;
    result.cutoff = today - boost::gregorian::days(retentionDays);
    return result;
}

} // namespace madoguchi::db
