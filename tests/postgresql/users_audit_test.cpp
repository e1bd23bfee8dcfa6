// Users and the audit trail on PostgreSQL: the same promises as on SQLite (tests/audit), and the
// chain stays whole while several windows write at once.
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/roles.hpp"
#include "db/audit_log.hpp"
#include "db/user_store.hpp"
#include "tests/db/store_fixture.hpp"

#include <gtest/gtest.h>
#include <pqxx/pqxx>
#include <thread>

using namespace madoguchi;
using namespace madoguchi::test;

class PostgresUsersAndAudit : public ::testing::Test {
protected:
    void SetUp() override
    {
        book = makeTestBook("postgresql");
        if (!book)
            GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
        store = db::openStore(book->url());
    }
    std::unique_ptr<TestBook> book;
    std::unique_ptr<db::CaseStore> store;
};

TEST_F(PostgresUsersAndAudit, FirstAdminLoginRolesAndAnAuditedCase)
{
    db::UserStore& users = store->users();
    EXPECT_FALSE(users.hasUsers());
    users.createFirstAdmin("admin", "correct horse");
    EXPECT_THROW(users.createFirstAdmin("other", "another long one"), AccessDenied);
    db::Actor admin = users.authenticate("admin", "correct horse");
    EXPECT_EQ(admin.role, Role::Admin);
    EXPECT_THROW(users.authenticate("admin", "wrong"), AccessDenied);
    EXPECT_THROW(users.authenticate("nobody", "wrong"), AccessDenied);
    users.addUser("hanako", Role::Clerk, "pw-hanako", admin);
    db::Actor clerk = users.authenticate("hanako", "pw-hanako");
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), clerk);
    store->changeStatus(c.id, CaseStatus::Withdrawn, "本人の申出", clerk);
    EXPECT_THROW(store->reopen(c.id, "再来庁", clerk), AccessDenied); // a clerk may not reopen
    store->audit().recordAccess(clerk, audit_actions::kView, {c.id}, "");

    auto verification = store->audit().verifyAudit();
    EXPECT_TRUE(verification.ok) << verification.problem;
    // user.add ×2, two failed logins, create, status, view
    EXPECT_EQ(verification.entries, 7);
    auto today = store->audit().auditDay(now().localDay, admin);
    ASSERT_EQ(today.size(), 7u);
    EXPECT_EQ(today[4].action, audit_actions::kCreate);
    EXPECT_EQ(*today[4].caseId, c.id);
    EXPECT_EQ(today[5].detail, "received→withdrawn");
    EXPECT_THROW(store->audit().auditDay(now().localDay, clerk), AccessDenied);
}

TEST_F(PostgresUsersAndAudit, AnAdminCannotLockThemselfOutAnotherAdminCan)
{
    db::UserStore& users = store->users();
    users.createFirstAdmin("admin", "correct horse");
    db::Actor admin{"admin", Role::Admin};
    EXPECT_THROW(users.setRole("admin", Role::Clerk, admin), RuleViolation);
    EXPECT_THROW(users.setActive("admin", false, admin), RuleViolation);
    users.addUser("kanri2", Role::Admin, "battery staple", admin);
    EXPECT_EQ(users.setRole("admin", Role::Supervisor, {"kanri2", Role::Admin}).role, Role::Supervisor);
    EXPECT_EQ(users.authenticate("admin", "correct horse").role, Role::Supervisor);
}

TEST_F(PostgresUsersAndAudit, AChangedOrRemovedEntryIsNamed)
{
    db::Actor clerk{"hanako", Role::Clerk};
    for (int i = 0; i < 5; ++i)
        store->add(draft("山田 太郎", "ヤマダ タロウ"), clerk);
    ASSERT_TRUE(store->audit().verifyAudit().ok);
    {
        pqxx::connection c(book->url());
        pqxx::work tx(c);
        tx.exec("UPDATE audit_log SET user_name = 'someone' WHERE seq = 3");
        tx.commit();
    }
    auto v = store->audit().verifyAudit();
    EXPECT_FALSE(v.ok);
    ASSERT_TRUE(v.badSeq);
    EXPECT_EQ(*v.badSeq, 3);
    {
        pqxx::connection c(book->url());
        pqxx::work tx(c);
        tx.exec("UPDATE audit_log SET user_name = 'hanako' WHERE seq = 3");
        tx.exec("DELETE FROM audit_log WHERE seq = 5"); // the last one
        tx.commit();
    }
    EXPECT_FALSE(store->audit().verifyAudit().ok);
}

TEST_F(PostgresUsersAndAudit, TheChainStaysWholeWithManyWindowsWriting)
{
    db::Actor clerk{"hanako", Role::Clerk};
    std::vector<std::thread> windows;
    for (int w = 0; w < 4; ++w)
        windows.emplace_back([&] {
            auto own = db::openStore(book->url());
            for (int i = 0; i < 25; ++i) {
                Case c = own->add(draft("山田 太郎", "ヤマダ タロウ"), clerk);
                own->changeStatus(c.id, CaseStatus::InProgress, "", clerk);
            }
        });
    for (auto& t : windows)
        t.join();
    std::vector<db::ImportedCase> in(50, {draft("佐藤", "サトウ"), "2026-11-02T09:00:00+09:00", CaseStatus::Done});
    store->importCases(in, clerk);
    auto v = store->audit().verifyAudit();
    EXPECT_TRUE(v.ok) << v.problem;
    EXPECT_EQ(v.entries, 4 * 25 * 2 + 50);
}

TEST_F(PostgresUsersAndAudit, PurgeRemovesOldClosedCasesAndRecordsOnlyCounts)
{
    db::Actor admin{"admin", Role::Admin};
    std::vector<db::ImportedCase> in;
    in.push_back({draft("古い 完了", "フルイ カンリョウ"), "2020-01-06T09:00:00+09:00", CaseStatus::Done});
    in.push_back({draft("古い 保留", "フルイ ホリュウ"), "2020-01-06T09:05:00+09:00", CaseStatus::Waiting});
    store->importCases(in, admin);
    store->audit().setRetentionDays(365, admin);
    auto dry = store->audit().purgeExpired(now().localDay, admin, db::PurgeRun::DryRun);
    EXPECT_EQ(dry.purged, 1);
    EXPECT_EQ(dry.keptOpen, 1);
    EXPECT_EQ(store->check().caseCount, 2) << "a dry run deleted";
    auto result = store->audit().purgeExpired(now().localDay, admin, db::PurgeRun::Delete);
    EXPECT_EQ(result.purged, 1);
    EXPECT_EQ(result.keptOpen, 1);
    EXPECT_EQ(store->check().caseCount, 1);
    EXPECT_TRUE(store->check().ok);
    auto v = store->audit().verifyAudit();
    EXPECT_TRUE(v.ok) << v.problem;
    EXPECT_THROW(store->audit().purgeExpired(now().localDay, {"hanako", Role::Clerk}, db::PurgeRun::Delete),
                 AccessDenied);
}
