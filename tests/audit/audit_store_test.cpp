// The audit trail of the SQLite case book: written with the change it records, and a tampered
// file found out entry by entry.
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "db/audit_log.hpp"
#include "db/case_store.hpp"
#include "db/user_store.hpp"
#include "tests/audit/audit_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <algorithm>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;

class AuditTrail : public AuditBook {};

TEST_F(AuditTrail, EveryChangeWritesAnEntryNamingWhoWhatAndWhichCase)
{
    Case c = store->add(resident("山田 太郎", "ヤマダ タロウ"), clerk);
    store->changeStatus(c.id, CaseStatus::InProgress, "", clerk);
    Case cur = store->get(c.id);
    cur.notes = "メモ";
    store->update(cur, clerk);
    store->changeStatus(c.id, CaseStatus::Done, "", clerk);
    store->reopen(c.id, "再来庁", supervisor);
    auto day = log().auditDay(now().localDay, supervisor);
    std::vector<std::string> actions;
    for (const auto& e : day)
        if (e.caseId == c.id) {
            actions.push_back(e.action);
            EXPECT_FALSE(e.at.empty());
        }
    EXPECT_EQ(actions,
              (std::vector<std::string>{"case.create", "case.status", "case.edit", "case.status", "case.reopen"}));
    EXPECT_EQ(day.back().user, "sato");
    EXPECT_EQ(day.back().role, "supervisor");
    EXPECT_EQ(day.back().detail, "done→in-progress");
    EXPECT_TRUE(log().verifyAudit().ok);
}

TEST_F(AuditTrail, RefusedChangeLeavesNoEntry)
{
    Case c = store->add(resident("山田 太郎", "ヤマダ タロウ"), clerk);
    auto before = log().auditDay(now().localDay, supervisor).size();
    EXPECT_THROW(store->changeStatus(c.id, CaseStatus::Done, "", clerk), RuleViolation);
    EXPECT_THROW(store->reopen(c.id, "x", clerk), AccessDenied);
    EXPECT_EQ(log().auditDay(now().localDay, supervisor).size(), before);
}

TEST_F(AuditTrail, EntryCommitsWithTheChangeOrNotAtAll)
{
    Case c = store->add(resident("山田 太郎", "ヤマダ タロウ"), clerk);
    // The audit insert fails (a trigger refuses it): the status change must not commit without
    // its entry.
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE);
        raw.exec(
            "CREATE TRIGGER no_more_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit full'); END");
    }
    EXPECT_THROW(store->changeStatus(c.id, CaseStatus::InProgress, "", clerk), StorageError);
    EXPECT_EQ(store->get(c.id).status, CaseStatus::Received);
    EXPECT_EQ(store->get(c.id).history.size(), 1u);
}

TEST_F(AuditTrail, ViewsAndListsAreRecordedThroughRecordAccess)
{
    Case a = store->add(resident("山田 太郎", "ヤマダ タロウ"), clerk);
    Case b = store->add(resident("山田 花子", "ヤマダ ハナコ"), clerk);
    log().recordAccess(clerk, audit_actions::kList, {a.id, b.id}, "window");
    log().recordAccess(clerk, audit_actions::kPrint, {a.id}, "pdf ja");
    auto day = log().auditDay(now().localDay, supervisor);
    ASSERT_GE(day.size(), 3u);
    EXPECT_EQ(day[day.size() - 3].action, "case.list");
    EXPECT_EQ(day[day.size() - 1].action, "case.print");
    EXPECT_EQ(day[day.size() - 1].caseId, a.id);
    EXPECT_EQ(day[day.size() - 1].detail, "pdf ja");
}

TEST_F(AuditTrail, ImportWritesOneEntryPerCase)
{
    std::vector<db::ImportedCase> in(3);
    for (auto& c : in) {
        c.draft = resident("鈴木 一郎", "スズキ イチロウ");
        c.receivedAt = "2026-11-02T09:00:00+09:00";
    }
    auto ids = store->importCases(in, clerk);
    int imports = 0;
    for (const auto& e : log().auditDay(now().localDay, supervisor))
        imports += e.action == "case.import";
    EXPECT_EQ(imports, 3);
    EXPECT_TRUE(log().verifyAudit().ok);
    // The import keeps the chain head in memory and stores it once: what comes after chains on.
    store->add(resident("佐藤 花子", "サトウ ハナコ"), clerk);
    store->importCases(in, clerk);
    auto v = log().verifyAudit();
    EXPECT_TRUE(v.ok) << v.problem;
    std::int64_t entries = 0;
    for (const auto& e : log().auditDay(now().localDay, supervisor))
        entries = std::max(entries, e.seq);
    EXPECT_EQ(v.entries, entries);
}

// Tampering goes straight at the file, as someone with a copy of sqlite3 would.
class AuditTamper : public AuditBook {
protected:
    void SetUp() override
    {
        AuditBook::SetUp();
        Case c = store->add(resident("山田 太郎", "ヤマダ タロウ"), clerk);
        for (int i = 0; i < 3; ++i)
            log().recordAccess(clerk, audit_actions::kView, {c.id}, "");
        store->changeStatus(c.id, CaseStatus::InProgress, "", clerk);
        auto v = log().verifyAudit();
        ASSERT_TRUE(v.ok) << v.problem;
        entries = v.entries;
        ASSERT_GE(entries, 6);
        store.reset(); // nothing cached: the next check reads what is on disk
    }
    void raw(const std::string& sql)
    {
        SQLite::Database db(file, SQLite::OPEN_READWRITE);
        db.exec(sql);
    }
    db::AuditVerification verifyAgain()
    {
        store = db::openStore(file);
        return store->audit().verifyAudit();
    }
    std::int64_t entries = 0;
};

TEST_F(AuditTamper, ChangedEntryIsNamed)
{
    raw("UPDATE audit_log SET user = 'someone_else' WHERE seq = 4");
    auto v = verifyAgain();
    EXPECT_FALSE(v.ok);
    ASSERT_TRUE(v.badSeq);
    EXPECT_EQ(*v.badSeq, 4);
    EXPECT_NE(v.problem.find("entry 4"), std::string::npos) << v.problem;
    EXPECT_NE(v.problem.find("changed"), std::string::npos) << v.problem;
}

TEST_F(AuditTamper, ChangedEntryWithRecomputedHashBreaksTheNextLink)
{
    // Someone who knows the hash function rewrites entry 3 consistently: entry 4 no longer follows.
    store = db::openStore(file);
    auto day = store->audit().auditDay(now().localDay, supervisor);
    store.reset();
    AuditEntry e = day[2];
    ASSERT_EQ(e.seq, 3);
    e.caseId = 77;
    std::string forged = computeAuditHash(e);
    raw("UPDATE audit_log SET case_id = 77, hash = '" + forged + "' WHERE seq = 3");
    auto v = verifyAgain();
    EXPECT_FALSE(v.ok);
    ASSERT_TRUE(v.badSeq);
    EXPECT_EQ(*v.badSeq, 4);
    EXPECT_NE(v.problem.find("does not follow entry 3"), std::string::npos) << v.problem;
}

TEST_F(AuditTamper, DeletedEntryIsNamed)
{
    raw("DELETE FROM audit_log WHERE seq = 3");
    auto v = verifyAgain();
    EXPECT_FALSE(v.ok);
    ASSERT_TRUE(v.badSeq);
    EXPECT_EQ(*v.badSeq, 3);
    EXPECT_NE(v.problem.find("entry 3 is missing"), std::string::npos) << v.problem;
}

TEST_F(AuditTamper, DeletedLastEntryIsNamed)
{
    raw("DELETE FROM audit_log WHERE seq = " + std::to_string(entries));
    auto v = verifyAgain();
    EXPECT_FALSE(v.ok);
    ASSERT_TRUE(v.badSeq);
    EXPECT_EQ(*v.badSeq, entries);
}

TEST_F(AuditTamper, ReorderedEntriesAreNamed)
{
    raw("UPDATE audit_log SET seq = -1 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4;"
        " UPDATE audit_log SET seq = 4 WHERE seq = -1");
    auto v = verifyAgain();
    EXPECT_FALSE(v.ok);
    ASSERT_TRUE(v.badSeq);
    EXPECT_EQ(*v.badSeq, 3);
    EXPECT_NE(v.problem.find("does not follow entry 2"), std::string::npos) << v.problem;
}
