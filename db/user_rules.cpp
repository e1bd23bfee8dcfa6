#include "db/user_rules.hpp"

#include "core/common/errors.hpp"
#include "core/security/password.hpp"
#include "core/text/text_field.hpp"

namespace madoguchi::db {

namespace {

const std::string& dummyHash()
{
    static const std::string h = hashPassword("not a password of anyone");
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
        return {Actor{user->name, user->role}, {}, "", false};
    // The name as typed may be anything: recorded only when it is a user's name.
    return {std::nullopt, Actor{user ? user->name : std::string("?"), user ? user->role : Role::Clerk},
            passwordRight ? "switched off" : "wrong password or unknown user", passwordRight};
}

void LoginOutcome::refuse(const std::string& typedName) const
{
    if (switchedOff)
        throw AccessDenied("user " + typedName + " is switched off; ask an admin");
    throw AccessDenied("login refused: unknown user or wrong password");
}

PurgeResult startPurge(boost::gregorian::date today, int retentionDays)
{
    if (retentionDays <= 0)
        throw ValidationError("retention: no period is set (madoguchi-cli retention set --days N)");
    PurgeResult result;
    result.cutoff = today - boost::gregorian::days(retentionDays);
    return result;
}

} // namespace madoguchi::db
