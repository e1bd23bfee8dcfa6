#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "db/case_store.hpp"
#include "tests/db/store_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

using namespace madoguchi;
using namespace madoguchi::test;

class SqliteStore : public ::testing::Test {
protected:
    TempDir dir;
    std::string file = (dir / "book.db").string();
    std::unique_ptr<db::CaseStore> store = db::openStore(file);
};

TEST_F(SqliteStore, AddAssignsIdsReceptionNumbersAndHistory)
{
    CaseDraft d = draft("山田 太郎", "ヤマダ タロウ");
    d.resident.address = "東京都小平市小川町2-1333";
    d.resident.sex = Sex::Male;
    d.applicant = {ApplicantType::Proxy, "山田 花子", "母"};
    d.documents = {{"運転免許証", true}, {"委任状", false}};
    d.feeYen = 1000;
    d.notes = "メモ";
    Case a = store->add(d, kClerk);
    Case b = store->add(draft("佐藤 花子", "サトウ ハナコ"), kClerk);
    EXPECT_GT(a.id, 0);
    EXPECT_EQ(a.receptionNumber, "A-001");
    EXPECT_EQ(b.receptionNumber, "A-002");
    EXPECT_EQ(a.status, CaseStatus::Received);
    ASSERT_EQ(a.history.size(), 1u);
    EXPECT_EQ(a.history[0].actor, "clerk1");
    EXPECT_FALSE(a.history[0].from);

    Case back = store->get(a.id);
    EXPECT_EQ(back.resident.name, "山田 太郎");
    EXPECT_EQ(back.resident.address, "東京都小平市小川町2-1333");
    EXPECT_EQ(back.resident.sex, Sex::Male);
    EXPECT_EQ(back.applicant.type, ApplicantType::Proxy);
    EXPECT_EQ(back.applicant.proxyName, "山田 花子");
    EXPECT_EQ(back.applicant.proxyRelation, "母");
    ASSERT_EQ(back.documents.size(), 2u);
    EXPECT_EQ(back.documents[1].document, "委任状");
    EXPECT_FALSE(back.documents[1].checked);
    EXPECT_EQ(back.feeYen, 1000);
    EXPECT_EQ(back.notes, "メモ");
    EXPECT_EQ(back.createdAt.substr(0, 10), toIso(now().localDay));
}

TEST_F(SqliteStore, ForeignResidentFieldsRoundTrip)
{
    CaseDraft d = draft("NGUYEN VAN AN", "グエン ヴァン アン", 1995, 3, 3);
    d.procedure = Procedure::StayExtension;
    d.resident.foreignResident = true;
    d.resident.stayUntil = boost::gregorian::date(2027, 3, 31);
    d.resident.movedIn = boost::gregorian::date(2025, 4, 1);
    Case c = store->add(d, kClerk);
    EXPECT_TRUE(c.resident.foreignResident);
    EXPECT_EQ(*c.resident.stayUntil, boost::gregorian::date(2027, 3, 31));
    EXPECT_EQ(*c.resident.movedIn, boost::gregorian::date(2025, 4, 1));
    EXPECT_EQ(c.procedure, Procedure::StayExtension);
}

TEST_F(SqliteStore, StatusChangesAppendHistoryAndBumpVersion)
{
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    c = store->changeStatus(c.id, CaseStatus::InProgress, "", {"clerk2"});
    c = store->changeStatus(c.id, CaseStatus::Waiting, "照会書待ち", {"clerk2"});
    c = store->changeStatus(c.id, CaseStatus::Done, "", {"clerk3"});
    EXPECT_EQ(c.status, CaseStatus::Done);
    EXPECT_EQ(c.version, 4);
    ASSERT_EQ(c.history.size(), 4u);
    EXPECT_EQ(*c.history[2].from, CaseStatus::InProgress);
    EXPECT_EQ(c.history[2].to, CaseStatus::Waiting);
    EXPECT_EQ(c.history[2].reason, "照会書待ち");
    EXPECT_EQ(c.history[3].actor, "clerk3");
}

TEST_F(SqliteStore, IllegalTransitionIsRefusedAndNothingChanges)
{
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    EXPECT_THROW(store->changeStatus(c.id, CaseStatus::Done, "", kClerk), RuleViolation);
    Case after = store->get(c.id);
    EXPECT_EQ(after.status, CaseStatus::Received);
    EXPECT_EQ(after.history.size(), 1u);
    EXPECT_EQ(after.version, 1);
}

TEST_F(SqliteStore, ReopenIsExplicit)
{
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    store->changeStatus(c.id, CaseStatus::Withdrawn, "本人の申出", kClerk);
    EXPECT_THROW(store->changeStatus(c.id, CaseStatus::InProgress, "", kClerk), RuleViolation);
    Case r = store->reopen(c.id, "再来庁", {"supervisor"});
    EXPECT_EQ(r.status, CaseStatus::InProgress);
    EXPECT_NE(r.history.back().reason.find("再来庁"), std::string::npos);
}

TEST_F(SqliteStore, StaleVersionIsAConflict)
{
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    Case mine = c;
    Case theirs = c;
    theirs.notes = "他の窓口";
    store->update(theirs, {"clerk2"});
    mine.notes = "私のメモ";
    EXPECT_THROW(store->update(mine, kClerk), ConflictError);
    EXPECT_EQ(store->get(c.id).notes, "他の窓口");
    EXPECT_THROW(store->changeStatus(c.id, CaseStatus::InProgress, "", kClerk, c.version), ConflictError);
}

TEST_F(SqliteStore, UpdateReindexesTheName)
{
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    c.resident.name = "鈴木 太郎";
    c.resident.kana = "スズキ タロウ";
    store->update(c, kClerk);
    db::CaseQuery q;
    q.text = "山田";
    EXPECT_TRUE(store->search(q).empty());
    q.text = "鈴木";
    EXPECT_EQ(store->search(q).size(), 1u);
    EXPECT_TRUE(store->check().ok);
}

TEST_F(SqliteStore, BadInputWritesNothing)
{
    CaseDraft d = draft("", "ヤマダ");
    EXPECT_THROW(store->add(d, kClerk), ValidationError);
    d = draft("山田", "Yamada");
    EXPECT_THROW(store->add(d, kClerk), ValidationError);
    EXPECT_EQ(store->check().caseCount, 0);
}

TEST_F(SqliteStore, SurvivesReopeningTheFile)
{
    CaseId id = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk).id;
    store.reset();
    auto again = db::openStore("sqlite:" + file);
    EXPECT_EQ(again->get(id).resident.name, "山田 太郎");
    EXPECT_EQ(again->add(draft("佐藤", "サトウ"), kClerk).receptionNumber, "A-002");
}

TEST_F(SqliteStore, FileIsPrivateAndInWalMode)
{
    store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    struct stat st {};
    ASSERT_EQ(stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    ASSERT_EQ(stat((file + "-wal").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0077, 0u);
    SQLite::Database raw(file);
    EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST_F(SqliteStore, OnlineBackupIsACompleteCopy)
{
    for (int i = 0; i < 20; ++i)
        store->add(draft("山田 太郎" + std::to_string(i), "ヤマダ タロウ"), kClerk);
    auto target = dir / "backup.db";
    store->backup(target);
    struct stat st {};
    ASSERT_EQ(stat(target.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    auto copy = db::openStore(target.string());
    auto report = copy->check();
    EXPECT_TRUE(report.ok);
    EXPECT_EQ(report.caseCount, 20);
    EXPECT_THROW(store->backup(target), ValidationError); // never overwrites
}

TEST_F(SqliteStore, LockedDatabaseIsABusyErrorNotACrash)
{
    SQLite::Database other(file, SQLite::OPEN_READWRITE);
    other.exec("BEGIN EXCLUSIVE");
    // The store waits its busy timeout, then says the database is locked.
    try {
        store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
        FAIL() << "wrote through an exclusive lock";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.kind(), StorageError::Kind::Busy);
    }
    other.exec("ROLLBACK");
    EXPECT_NO_THROW(store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk));
}

TEST_F(SqliteStore, ImportKeepsGivenDaysAndNumbersPerDay)
{
    std::vector<db::ImportedCase> in;
    in.push_back({draft("一", "イチ"), "2026-11-02T09:00:00+09:00", CaseStatus::Done});
    in.push_back({draft("二", "ニ"), "2026-11-02T09:05:00+09:00", CaseStatus::Waiting});
    in.push_back({draft("三", "サン"), "2026-11-03T09:00:00+09:00", CaseStatus::Received});
    auto ids = store->importCases(in, kClerk);
    ASSERT_EQ(ids.size(), 3u);
    EXPECT_EQ(store->get(ids[1]).receptionNumber, "A-002");
    EXPECT_EQ(store->get(ids[2]).receptionNumber, "A-001");
    EXPECT_EQ(store->get(ids[1]).status, CaseStatus::Waiting);
    db::CaseQuery q;
    q.day = boost::gregorian::date(2026, 11, 2);
    EXPECT_EQ(store->search(q).size(), 2u);
}

TEST_F(SqliteStore, LiteralTextIsStoredLiterally)
{
    const std::string odd = "'; DROP TABLE cases; -- 😀 𠮷野家 \"quoted\"";
    CaseDraft d = draft(odd, "ヨシノヤ");
    d.notes = odd;
    Case c = store->add(d, kClerk);
    EXPECT_EQ(store->get(c.id).resident.name, odd);
    EXPECT_EQ(store->get(c.id).notes, odd);
    db::CaseQuery q;
    q.text = "DROP TABLE";
    EXPECT_EQ(store->search(q).size(), 1u);
    q.text = "\"quoted\" OR";
    EXPECT_TRUE(store->search(q).empty());
}

TEST_F(SqliteStore, CheckFindsASearchIndexOutOfStepWithTheBook)
{
    store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    EXPECT_TRUE(store->check().ok);
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE);
        raw.exec("DELETE FROM cases"); // behind the store's back, as a damaged file or a stray tool would
    }
    auto report = store->check();
    EXPECT_FALSE(report.ok);
    bool namesTheIndex = false;
    for (const auto& p : report.problems)
        namesTheIndex |= p.find("search index") != std::string::npos;
    EXPECT_TRUE(namesTheIndex);
}
