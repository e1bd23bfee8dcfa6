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
