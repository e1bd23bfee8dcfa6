#pragma once
// A SQLite case book with its first admin, a clerk and a supervisor.
#include "core/cases/case.hpp"
#include "db/audit_log.hpp"
#include "db/case_store.hpp"
#include "db/user_store.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <memory>

namespace madoguchi::test {

inline CaseDraft resident(const std::string& name, const std::string& kana)
{
    CaseDraft d;
    d.procedure = Procedure::Reissue;
    d.resident.name = name;
    d.resident.kana = kana;
    d.resident.birth = boost::gregorian::date(1970, 5, 20);
    d.window = "1";
    return d;
}

class AuditBook : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = db::openStore(file);
        store->users().createFirstAdmin("admin", "admin-pass-1");
        store->users().addUser("hanako", Role::Clerk, "clerk-pass-1", admin);
        store->users().addUser("sato", Role::Supervisor, "super-pass-1", admin);
    }
    db::AuditLog& log() { return store->audit(); }
    db::UserStore& users() { return store->users(); }

    TempDir dir;
    std::string file = (dir / "book.db").string();
    std::unique_ptr<db::CaseStore> store;
    const db::Actor admin{"admin", Role::Admin};
    const db::Actor clerk{"hanako", Role::Clerk};
    const db::Actor supervisor{"sato", Role::Supervisor};
};

} // namespace madoguchi::test
