// Users of the SQLite case book (db/user_store.hpp).
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/password.hpp"
#include "db/sqlite/sqlite_case_store.hpp"
#include "db/sqlite/sqlite_connection.hpp"
#include "db/user_rules.hpp"

#include <SQLiteCpp/Transaction.h>

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

Actor SqliteCaseStore::authenticate(const std::string& name, const std::string& password)
{
    std::optional<std::string> hash;
    std::optional<User> user;
    try {
        SQLite::Statement q(*db_, "SELECT name, role, password_hash, active, created_at FROM users WHERE name = ?");
        q.bind(1, name);
        if (q.executeStep()) {
            user = userFromRow(q);
            hash = q.getColumn(2).getString();
        }
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading the users");
    }
    LoginOutcome outcome = judgeLogin(password, user, hash);
    if (outcome.actor)
        return *outcome.actor;
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        appendAudit(outcome.auditedAs, audit_actions::kLoginFailed, std::nullopt, outcome.auditDetail, now().iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "writing the audit trail");
    }
    outcome.refuse(name);
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
