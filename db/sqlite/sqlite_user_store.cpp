// Users of the SQLite case book (db/user_store.hpp).
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/password.hpp"
#include "db/login_throttle.hpp"
#include "db/sqlite/sqlite_case_store.hpp"
#include "db/sqlite/sqlite_connection.hpp"
#include "db/user_rules.hpp"

#include <SQLiteCpp/Transaction.h>
#include <thread>

namespace madoguchi::db {

namespace {

User userFromRow(SQLite::Statement& q)
{
    return {q.getColumn(0).getString(), parseRole(q.getColumn(1).getString()), q.getColumn(3).getInt() != 0,
            q.getColumn(4).getString()};
}

} // namespace

std::optional<User> SqliteCaseStore::findUser(const std::string& name)
{
    SQLite::Statement q(*db_, "SELECT name, role, password_hash, active, created_at FROM users WHERE name = ?");
    q.bind(1, name);
    if (!q.executeStep())
        return std::nullopt;
    return userFromRow(q);
}

bool SqliteCaseStore::hasUsers()
{
    try {
        return db_->execAndGet("SELECT EXISTS (SELECT 1 FROM users)").getInt() != 0;
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading the users");
    }
}

User SqliteCaseStore::createFirstAdmin(const std::string& name, const std::string& password)
{
    validateUserName(name);
    std::string hash = hashPassword(password); // slow on purpose: before taking the write lock
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        if (db_->execAndGet("SELECT EXISTS (SELECT 1 FROM users)").getInt() != 0)
            throw AccessDenied("the case book already has users; an admin adds more (madoguchi-cli user add)");
        Timestamp ts = now();
        SQLite::Statement ins(*db_, "INSERT INTO users (name, role, password_hash, active, created_at)"
                                    " VALUES (?, 'admin', ?, 1, ?)");
        ins.bind(1, name);
        ins.bind(2, hash);
        ins.bind(3, ts.iso);
        ins.exec();
        appendAudit({name, Role::Admin}, audit_actions::kUserAdd, std::nullopt, name + " admin (first run)", ts.iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "creating the admin");
    }
    return *findUser(name);
}

LoginFailures SqliteCaseStore::loginFailures(const std::string& nameKey, const std::string& deskKey,
                                             const std::string& nowIso)
{
    LoginFailures f;
    SQLite::Statement q(*db_, "SELECT key, failures, last_failed_at FROM login_failures WHERE key IN (?, ?)");
    q.bind(1, nameKey);
    q.bind(2, deskKey);
    while (q.executeStep()) {
        (q.getColumn(0).getString() == nameKey ? f.name : f.desk) = q.getColumn(1).getInt();
        f.fresh = f.fresh || login_throttle::stillCounts(q.getColumn(2).getString(), nowIso);
    }
    return f;
}

Actor SqliteCaseStore::authenticate(const std::string& name, const std::string& password)
{
    const std::string nameKey = login_throttle::nameKey(name), deskKey = login_throttle::deskKey(options_.desk);
    std::optional<std::string> hash;
    std::optional<User> user;
    LoginFailures failures;
    Timestamp ts = now();
    try {
        SQLite::Statement q(*db_, "SELECT name, role, password_hash, active, created_at FROM users WHERE name = ?");
        q.bind(1, name);
        if (q.executeStep()) {
            user = userFromRow(q);
            hash = q.getColumn(2).getString();
        }
        failures = loginFailures(nameKey, deskKey, ts.iso);
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading the users");
    }
    std::this_thread::sleep_for(failures.delay()); // the same for a known and an unknown name
    LoginOutcome outcome = judgeLogin(password, user, hash);
    try {
        if (outcome.actor) {
            if (failures.name || failures.desk) {
                SQLite::Statement clear(*db_, "DELETE FROM login_failures WHERE key IN (?, ?)");
                clear.bind(1, nameKey);
                clear.bind(2, deskKey);
                clear.exec();
            }
            return *outcome.actor;
        }
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        LoginFailures counted = loginFailures(nameKey, deskKey, ts.iso); // another desk may have counted meanwhile
        SQLite::Statement count(*db_, "INSERT INTO login_failures (key, failures, last_failed_at) VALUES (?, 1, ?)"
                                      " ON CONFLICT (key) DO UPDATE SET failures = failures + 1,"
                                      " last_failed_at = excluded.last_failed_at");
        for (const auto& key : {nameKey, deskKey}) {
            count.bind(1, key);
            count.bind(2, ts.iso);
            count.exec();
            count.reset();
        }
        if (counted.locksAfterFailure(user)) {
            SQLite::Statement off(*db_, "UPDATE users SET active = 0 WHERE name = ?");
            off.bind(1, user->name);
            off.exec();
            appendAudit(outcome.auditedAs, audit_actions::kUserChange, std::nullopt, lockDetail(user->name), ts.iso);
        }
        appendAudit(outcome.auditedAs, audit_actions::kLoginFailed, std::nullopt, outcome.auditDetail, ts.iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "writing the audit trail");
    }
    outcome.refuse();
}

User SqliteCaseStore::addUser(const std::string& name, Role role, const std::string& password, const Actor& by)
{
    requirePermission(by.user, by.role, Permission::ManageUsers);
    validateUserName(name);
    std::string hash = hashPassword(password);
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        if (findUser(name))
            throw ValidationError("user " + name + " exists already");
        Timestamp ts = now();
        SQLite::Statement ins(*db_, "INSERT INTO users (name, role, password_hash, active, created_at)"
                                    " VALUES (?, ?, ?, 1, ?)");
        ins.bind(1, name);
        ins.bind(2, std::string(roleId(role)));
        ins.bind(3, hash);
        ins.bind(4, ts.iso);
        ins.exec();
        appendAudit(by, audit_actions::kUserAdd, std::nullopt, name + " " + std::string(roleId(role)), ts.iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "adding a user");
    }
    return *findUser(name);
}

User SqliteCaseStore::setRole(const std::string& name, Role role, const Actor& by)
{
    requirePermission(by.user, by.role, Permission::ManageUsers);
    refuseChangeToOwnAccount(name, by.user, AccountChange::ChangeRole);
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        if (!findUser(name))
            throw NotFound("no user " + name);
        SQLite::Statement up(*db_, "UPDATE users SET role = ? WHERE name = ?");
        up.bind(1, std::string(roleId(role)));
        up.bind(2, name);
        up.exec();
        appendAudit(by, audit_actions::kUserChange, std::nullopt, name + " role=" + std::string(roleId(role)),
                    now().iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "changing a user");
    }
    return *findUser(name);
}

User SqliteCaseStore::setActive(const std::string& name, bool active, const Actor& by)
{
    requirePermission(by.user, by.role, Permission::ManageUsers);
    if (!active)
        refuseChangeToOwnAccount(name, by.user, AccountChange::SwitchOff);
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        if (!findUser(name))
            throw NotFound("no user " + name);
        SQLite::Statement up(*db_, "UPDATE users SET active = ? WHERE name = ?");
        up.bind(1, active ? 1 : 0);
        up.bind(2, name);
        up.exec();
        if (active) { // lifting a lock: the failures that made it count no more
            SQLite::Statement clear(*db_, "DELETE FROM login_failures WHERE key = ?");
            clear.bind(1, login_throttle::nameKey(name));
            clear.exec();
        }
        appendAudit(by, audit_actions::kUserChange, std::nullopt, name + (active ? " on" : " off"), now().iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "changing a user");
    }
    return *findUser(name);
}

void SqliteCaseStore::setPassword(const std::string& name, const std::string& password, const Actor& by)
{
    if (name != by.user)
        requirePermission(by.user, by.role, Permission::ManageUsers);
    std::string hash = hashPassword(password);
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        if (!findUser(name))
            throw NotFound("no user " + name);
        SQLite::Statement up(*db_, "UPDATE users SET password_hash = ? WHERE name = ?");
        up.bind(1, hash);
        up.bind(2, name);
        up.exec();
        appendAudit(by, audit_actions::kUserChange, std::nullopt, name + " password", now().iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "changing a password");
    }
}

std::vector<User> SqliteCaseStore::users(const Actor& by)
{
    requirePermission(by.user, by.role, Permission::ManageUsers);
    std::vector<User> out;
    try {
        SQLite::Statement q(*db_, "SELECT name, role, password_hash, active, created_at FROM users ORDER BY name");
        while (q.executeStep())
            out.push_back(userFromRow(q));
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading the users");
    }
    return out;
}

} // namespace madoguchi::db
