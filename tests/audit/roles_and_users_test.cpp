// Roles through the store: what a clerk, a supervisor and an admin may do; passwords at rest.
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "tests/audit/audit_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;

class Roles : public AuditBook {};

TEST_F(Roles, ClerkCannotReopenSupervisorCan)
{
    Case c = store->add(resident("山田 太郎", "ヤマダ タロウ"), clerk);
    store->changeStatus(c.id, CaseStatus::Withdrawn, "本人申出", clerk);
    try {
        store->reopen(c.id, "再来庁", clerk);
        FAIL() << "a clerk reopened";
    } catch (const AccessDenied& e) {
        EXPECT_NE(std::string(e.what()).find("hanako (clerk) may not reopen"), std::string::npos) << e.what();
    }
    EXPECT_EQ(store->get(c.id).status, CaseStatus::Withdrawn);
    EXPECT_EQ(store->reopen(c.id, "再来庁", supervisor).status, CaseStatus::InProgress);
}

TEST_F(Roles, ClerkCannotManageUsersSeeTheAuditOrPurge)
{
    EXPECT_THROW(users().addUser("jiro", Role::Clerk, "clerk-pass-2", clerk), AccessDenied);
    EXPECT_THROW(users().setRole("hanako", Role::Admin, clerk), AccessDenied);
    EXPECT_THROW(users().setPassword("sato", "new-pass-123", clerk), AccessDenied);
    EXPECT_THROW(users().users(clerk), AccessDenied);
    EXPECT_THROW(log().auditDay(now().localDay, clerk), AccessDenied);
    EXPECT_THROW(log().setRetentionDays(30, clerk), AccessDenied);
    EXPECT_THROW(log().purgeExpired(now().localDay, clerk, db::PurgeRun::Delete), AccessDenied);
}

TEST_F(Roles, SupervisorSeesTheAuditButCannotManageUsersOrPurge)
{
    EXPECT_NO_THROW(log().auditDay(now().localDay, supervisor));
    EXPECT_THROW(users().addUser("jiro", Role::Clerk, "clerk-pass-2", supervisor), AccessDenied);
    EXPECT_THROW(log().purgeExpired(now().localDay, supervisor, db::PurgeRun::Delete), AccessDenied);
}

TEST_F(Roles, AnyoneChangesTheirOwnPassword)
{
    users().setPassword("hanako", "another-pass-1", clerk);
    EXPECT_THROW(users().authenticate("hanako", "clerk-pass-1"), AccessDenied);
    EXPECT_EQ(users().authenticate("hanako", "another-pass-1").role, Role::Clerk);
}

TEST_F(Roles, AnAdminCannotLockThemselfOutAnotherAdminCan)
{
    EXPECT_THROW(users().setRole("admin", Role::Clerk, admin), RuleViolation);
    EXPECT_THROW(users().setActive("admin", false, admin), RuleViolation);
    EXPECT_EQ(users().authenticate("admin", "admin-pass-1").role, Role::Admin);
    users().addUser("kanri2", Role::Admin, "admin-pass-2", admin);
    db::Actor second{"kanri2", Role::Admin};
    EXPECT_EQ(users().setRole("admin", Role::Supervisor, second).role, Role::Supervisor);
    EXPECT_EQ(users().authenticate("admin", "admin-pass-1").role, Role::Supervisor);
}

TEST_F(Roles, FirstAdminOnlyOnce)
{
    EXPECT_THROW(users().createFirstAdmin("mallory", "mallory-pass"), AccessDenied);
}

TEST_F(Roles, LoginGivesTheRoleAndRefusesWrongPasswordsAndSwitchedOffUsers)
{
    db::Actor a = users().authenticate("sato", "super-pass-1");
    EXPECT_EQ(a.user, "sato");
    EXPECT_EQ(a.role, Role::Supervisor);
    EXPECT_THROW(users().authenticate("sato", "wrong"), AccessDenied);
    EXPECT_THROW(users().authenticate("nobody", "super-pass-1"), AccessDenied);
    users().setActive("sato", false, admin);
    EXPECT_THROW(users().authenticate("sato", "super-pass-1"), AccessDenied);
    int failed = 0;
    for (const auto& e : log().auditDay(now().localDay, admin))
        failed += e.action == "login.failed";
    EXPECT_EQ(failed, 3);
}

TEST_F(Roles, PasswordsAreArgon2idHashesNeverPlainText)
{
    store.reset();
    SQLite::Database raw(file);
    SQLite::Statement q(raw, "SELECT password_hash FROM users");
    int n = 0;
    while (q.executeStep()) {
        std::string h = q.getColumn(0).getString();
        EXPECT_EQ(h.rfind("$argon2id$", 0), 0u) << h;
        EXPECT_EQ(h.find("pass-1"), std::string::npos);
        ++n;
    }
    EXPECT_EQ(n, 3);
    EXPECT_THROW(db::openStore(file)->users().addUser("x", Role::Clerk, "short", admin), ValidationError);
}

TEST_F(Roles, AdminPurgesClosedCasesPastTheRetentionPeriodAndTheAuditKeepsOnlyCounts)
{
    std::vector<db::ImportedCase> old(2);
    old[0].draft = resident("古川 消子", "フルカワ ケシコ");
    old[0].receivedAt = "2019-04-01T09:00:00+09:00";
    old[0].status = CaseStatus::Done;
    old[1].draft = resident("古川 残子", "フルカワ ノココ");
    old[1].receivedAt = "2019-04-01T09:00:00+09:00";
    old[1].status = CaseStatus::Waiting; // still open: kept
    store->importCases(old, clerk);
    {
        // Their last change was then too.
        SQLite::Database raw(file, SQLite::OPEN_READWRITE);
        raw.exec("UPDATE cases SET updated_at = created_at");
    }
    Case recent = store->add(resident("今井 新", "イマイ シン"), clerk);
    EXPECT_THROW(log().purgeExpired(now().localDay, admin, db::PurgeRun::Delete), ValidationError); // no period set yet
    log().setRetentionDays(365 * 5, admin);
    EXPECT_THROW(log().setRetentionDays(2000000000, admin), ValidationError); // past the calendar
    auto entriesBefore = log().auditDay(now().localDay, admin).size();
    auto dry = log().purgeExpired(now().localDay, admin, db::PurgeRun::DryRun);
    EXPECT_EQ(dry.purged, 1);
    EXPECT_EQ(dry.keptOpen, 1);
    db::CaseQuery both;
    both.text = "フルカワ";
    EXPECT_EQ(store->search(both).size(), 2u) << "a dry run deleted";
    EXPECT_EQ(log().auditDay(now().localDay, admin).size(), entriesBefore) << "a dry run was audited as a purge";
    auto r = log().purgeExpired(now().localDay, admin, db::PurgeRun::Delete);
    EXPECT_EQ(r.purged, 1);
    EXPECT_EQ(r.keptOpen, 1);
    db::CaseQuery q;
    q.text = "フルカワ";
    auto left = store->search(q);
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].name, "古川 残子");
    EXPECT_TRUE(store->find(recent.id));
    auto day = log().auditDay(now().localDay, admin);
    ASSERT_EQ(day.back().action, "retention.purge");
    EXPECT_EQ(day.back().user, "admin");
    EXPECT_NE(day.back().detail.find("1 closed cases"), std::string::npos) << day.back().detail;
    EXPECT_EQ(day.back().detail.find("古川"), std::string::npos);
    EXPECT_TRUE(log().verifyAudit().ok);
}
