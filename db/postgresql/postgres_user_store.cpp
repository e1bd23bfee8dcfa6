// Users of the PostgreSQL case book (db/user_store.hpp), with the same meaning as
// sqlite_user_store.cpp: Argon2id hashes, audited changes, the same answer for an unknown name and
// a wrong password. Where each user is a database role (db/postgresql/user_roles.sql has made the
// groups), a login is a connection as that role — the server checks the password — and every
// change to a user is made to their role too, in the same transaction (migration 009's
// madoguchi_sync_user_role); nobody's role reads a password hash.
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/password.hpp"
#include "db/login_throttle.hpp"
#include "db/postgresql/postgres_case_store.hpp"
#include "db/user_rules.hpp"

#include <thread>

namespace madoguchi::db {

namespace {

constexpr const char* kUserColumns = "name, role, active, created_at"; // never the hash: no group may read it

User userFromRow(const pqxx::row& r)
{
    return {r[0].as<std::string>(), parseRole(r[1].as<std::string>()), r[2].as<bool>(), r[3].as<std::string>()};
}

std::optional<User> findUser(pqxx::work& tx, const std::string& name, bool lock = false)
{
    auto r = tx.exec_params(
        std::string("SELECT ") + kUserColumns + " FROM users WHERE name = $1" + (lock ? " FOR UPDATE" : ""), name);
    if (r.empty())
        return std::nullopt;
    return userFromRow(r[0]);
}

User requireUser(pqxx::work& tx, const std::string& name)
{
    if (auto u = findUser(tx, name, true))
        return *u;
    throw NotFound("no user " + name);
}

// Whether this case book's users are database roles: its groups exist (user_roles.sql).
bool usersAreRoles(pqxx::work& tx)
{
    return tx.exec1("SELECT to_regrole(quote_ident(madoguchi_group('admin'))) IS NOT NULL")[0].as<bool>();
}

// After the user's row is written: their role made to match (and, given, the new password).
void syncRole(pqxx::work& tx, const std::string& url, const std::string& name,
              const std::optional<std::string>& argonHash, const std::optional<std::string>& password)
{
    std::optional<std::string> verifier;
    if (password)
        verifier = scramVerifier(url, name, *password);
    tx.exec_params("SELECT madoguchi_sync_user_role($1, $2, $3)", name, argonHash ? argonHash->c_str() : nullptr,
                   verifier ? verifier->c_str() : nullptr);
}

} // namespace

bool PostgresCaseStore::hasUsers()
{
    // Logging in as the user, nothing can be read before the login: a case book whose desks log in
    // so has its users (the first admin is made with the owner's URL).
    if (logInAsUser_ && !loggedIn_)
        return true;
    return session_.transact("reading the users", [](pqxx::work& tx) {
        return tx.exec1("SELECT EXISTS (SELECT 1 FROM users)")[0].as<bool>();
    });
}

User PostgresCaseStore::createFirstAdmin(const std::string& name, const std::string& password)
{
    validateUserName(name);
    std::string hash = hashPassword(password); // slow on purpose: before any lock is taken
    return session_.transact("creating the admin", [&](pqxx::work& tx) {
        // Two desks starting for the first time at once: one admin, the other is refused.
        tx.exec("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE");
        if (tx.exec1("SELECT EXISTS (SELECT 1 FROM users)")[0].as<bool>())
            throw AccessDenied("the case book already has users; an admin adds more (madoguchi-cli user add)");
        Timestamp ts = now();
        tx.exec_params0(
            "INSERT INTO users (name, role, password_hash, active, created_at) VALUES ($1, 'admin', $2, true, $3)",
            name, hash, ts.iso);
        appendAudit(tx, {name, Role::Admin}, audit_actions::kUserAdd, std::nullopt, name + " admin (first run)",
                    ts.iso);
        if (usersAreRoles(tx))
            syncRole(tx, session_.url(), name, std::nullopt, password);
        return *findUser(tx, name);
    });
}

namespace {

LoginFailures loginFailures(pqxx::work& tx, const std::string& nameKey, const std::string& deskKey,
                            const std::string& nowIso, bool lock = false)
{
    LoginFailures f;
    auto rows =
        tx.exec_params(std::string("SELECT key, failures, last_failed_at FROM login_failures WHERE key IN ($1, $2)") +
                           (lock ? " FOR UPDATE" : ""),
                       nameKey, deskKey);
    for (const auto& r : rows) {
        (r[0].as<std::string>() == nameKey ? f.name : f.desk) = r[1].as<int>();
        f.fresh = f.fresh || login_throttle::stillCounts(r[2].as<std::string>(), nowIso);
    }
    return f;
}

} // namespace

Actor PostgresCaseStore::authenticateAsRole(const std::string& name, const std::string& password)
{
    std::optional<Actor> actor;
    if (!name.empty()) {
        session_.logInAs(name, password);
        try {
            actor = session_.transact("logging in", [&](pqxx::work& tx) -> std::optional<Actor> {
                auto r = tx.exec("SELECT u.active, madoguchi_session_role() FROM users u WHERE u.name = session_user");
                if (r.empty() || r[0][1].is_null() || !r[0][0].as<bool>())
                    return std::nullopt; // a role that is no user here, or a switched-off one
                return Actor{name, parseRole(r[0][1].as<std::string>())};
            });
        } catch (const AccessDenied&) {
            // the server refused the password or the role: the same answer as for any refusal
        }
    }
    if (!actor)
        LoginOutcome{}.refuse(); // the server's log has the why; failures are counted there
    loggedIn_ = true;
    return *actor;
}

Actor PostgresCaseStore::authenticate(const std::string& name, const std::string& password)
{
    if (logInAsUser_ || session_.transact("reading the users", [](pqxx::work& tx) {
            return !tx.exec1("SELECT madoguchi_session_role()")[0].is_null();
        }))
        return authenticateAsRole(name, password);
    const std::string nameKey = login_throttle::nameKey(name), deskKey = login_throttle::deskKey(options_.desk);
    std::optional<User> user;
    std::optional<std::string> hash;
    LoginFailures failures;
    Timestamp ts = now();
    session_.transact("reading the users", [&](pqxx::work& tx) {
        auto r =
            tx.exec_params(std::string("SELECT ") + kUserColumns + ", password_hash FROM users WHERE name = $1", name);
        if (!r.empty()) {
            user = userFromRow(r[0]);
            hash = r[0][4].as<std::string>();
        }
        failures = loginFailures(tx, nameKey, deskKey, ts.iso);
    });
    std::this_thread::sleep_for(failures.delay()); // the same for a known and an unknown name
    LoginOutcome outcome = judgeLogin(password, user, hash);
    if (outcome.actor) {
        if (failures.name || failures.desk)
            session_.transact("clearing failed logins", [&](pqxx::work& tx) {
                tx.exec_params0("DELETE FROM login_failures WHERE key IN ($1, $2)", nameKey, deskKey);
            });
        return *outcome.actor;
    }
    session_.transact("writing the audit trail", [&](pqxx::work& tx) {
        // Two desks failing at once: each counts from what the other wrote.
        tx.exec_params0("INSERT INTO login_failures (key, failures, last_failed_at) VALUES ($1, 0, $2), ($3, 0, $2)"
                        " ON CONFLICT (key) DO NOTHING",
                        nameKey, ts.iso, deskKey);
        LoginFailures counted = loginFailures(tx, nameKey, deskKey, ts.iso, true);
        tx.exec_params0("UPDATE login_failures SET failures = failures + 1, last_failed_at = $3 WHERE key IN ($1, $2)",
                        nameKey, deskKey, ts.iso);
        if (counted.locksAfterFailure(user)) {
            tx.exec_params0("UPDATE users SET active = false WHERE name = $1", user->name);
            appendAudit(tx, outcome.auditedAs, audit_actions::kUserChange, std::nullopt, lockDetail(user->name),
                        ts.iso);
        }
        appendAudit(tx, outcome.auditedAs, audit_actions::kLoginFailed, std::nullopt, outcome.auditDetail, ts.iso);
    });
    outcome.refuse();
}

User PostgresCaseStore::addUser(const std::string& name, Role role, const std::string& password, const Actor& by)
{
    requirePermission(by.user, by.role, Permission::ManageUsers);
    validateUserName(name);
    std::string hash = hashPassword(password);
    return session_.transact("adding a user", [&](pqxx::work& tx) {
        Timestamp ts = now();
        auto r = tx.exec_params("INSERT INTO users (name, role, password_hash, active, created_at)"
                                " VALUES ($1, $2, $3, true, $4) ON CONFLICT (name) DO NOTHING",
                                name, std::string(roleId(role)), hash, ts.iso);
        if (r.affected_rows() == 0)
            throw ValidationError("user " + name + " exists already");
        appendAudit(tx, by, audit_actions::kUserAdd, std::nullopt, name + " " + std::string(roleId(role)), ts.iso);
        if (usersAreRoles(tx))
            syncRole(tx, session_.url(), name, std::nullopt, password);
        return *findUser(tx, name);
    });
}

User PostgresCaseStore::setRole(const std::string& name, Role role, const Actor& by)
{
    requirePermission(by.user, by.role, Permission::ManageUsers);
    refuseChangeToOwnAccount(name, by.user, AccountChange::ChangeRole);
    return session_.transact("changing a user", [&](pqxx::work& tx) {
        requireUser(tx, name);
        tx.exec_params0("UPDATE users SET role = $1 WHERE name = $2", std::string(roleId(role)), name);
        appendAudit(tx, by, audit_actions::kUserChange, std::nullopt, name + " role=" + std::string(roleId(role)),
                    now().iso);
        if (usersAreRoles(tx))
            syncRole(tx, session_.url(), name, std::nullopt, std::nullopt);
        return *findUser(tx, name);
    });
}

User PostgresCaseStore::setActive(const std::string& name, bool active, const Actor& by)
{
    requirePermission(by.user, by.role, Permission::ManageUsers);
    if (!active)
        refuseChangeToOwnAccount(name, by.user, AccountChange::SwitchOff);
    return session_.transact("changing a user", [&](pqxx::work& tx) {
        requireUser(tx, name);
        tx.exec_params0("UPDATE users SET active = $1 WHERE name = $2", active, name);
        if (active) // lifting a lock: the failures that made it count no more
            tx.exec_params0("DELETE FROM login_failures WHERE key = $1", login_throttle::nameKey(name));
        appendAudit(tx, by, audit_actions::kUserChange, std::nullopt, name + (active ? " on" : " off"), now().iso);
        if (usersAreRoles(tx))
            syncRole(tx, session_.url(), name, std::nullopt, std::nullopt);
        return *findUser(tx, name);
    });
}

void PostgresCaseStore::setPassword(const std::string& name, const std::string& password, const Actor& by)
{
    if (name != by.user)
        requirePermission(by.user, by.role, Permission::ManageUsers);
    std::string hash = hashPassword(password);
    session_.transact("changing a password", [&](pqxx::work& tx) {
        if (usersAreRoles(tx)) {
            // The row's hash and the role's password through the one function allowed to (a clerk
            // may change their own and may not write users).
            if (!findUser(tx, name))
                throw NotFound("no user " + name);
            syncRole(tx, session_.url(), name, hash, password);
        } else {
            requireUser(tx, name);
            tx.exec_params0("UPDATE users SET password_hash = $1 WHERE name = $2", hash, name);
        }
        appendAudit(tx, by, audit_actions::kUserChange, std::nullopt, name + " password", now().iso);
    });
}

std::vector<User> PostgresCaseStore::users(const Actor& by)
{
    requirePermission(by.user, by.role, Permission::ManageUsers);
    return session_.transact("reading the users", [&](pqxx::work& tx) {
        std::vector<User> out;
        for (const auto& r : tx.exec(std::string("SELECT ") + kUserColumns + " FROM users ORDER BY name"))
            out.push_back(userFromRow(r));
        return out;
    });
}

} // namespace madoguchi::db
