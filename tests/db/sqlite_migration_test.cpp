#include "core/common/errors.hpp"
#include "db/case_store.hpp"
#include "db/migrations.hpp"
#include "tests/db/store_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <fstream>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;

TEST(SqliteMigration, EmptyFileGetsTheNewestSchema)
{
    TempDir dir;
    auto file = (dir / "new.db").string();
    db::openStore(file);
    SQLite::Database raw(file);
    EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), db::sqliteMigrations().back().version);
    EXPECT_TRUE(raw.tableExists("cases"));
    EXPECT_TRUE(raw.tableExists("case_history"));
    EXPECT_TRUE(raw.tableExists("case_search_chars"));
}

TEST(SqliteMigration, ReopeningDoesNotMigrateAgain)
{
    TempDir dir;
    auto file = (dir / "again.db").string();
    CaseId id = db::openStore(file)->add(draft("山田", "ヤマダ"), kClerk).id;
    for (int i = 0; i < 3; ++i) {
        auto s = db::openStore(file);
        EXPECT_EQ(s->get(id).resident.name, "山田");
        EXPECT_TRUE(s->check().ok);
    }
}

TEST(SqliteMigration, MigrationsAreNumberedInOrder)
{
    int last = 0;
    for (const auto& m : db::sqliteMigrations()) {
        EXPECT_GT(m.version, last) << m.file;
        last = m.version;
    }
}

TEST(SqliteMigration, NewerSchemaIsRefused)
{
    TempDir dir;
    auto file = (dir / "future.db").string();
    db::openStore(file);
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 999");
    }
    EXPECT_THROW(db::openStore(file), StorageError);
}

TEST(SqliteMigration, NotADatabaseIsAClearError)
{
    TempDir dir;
    auto file = dir / "text.db";
    std::ofstream(file) << "this is not a database, it is a shopping list\n";
    try {
        db::openStore(file.string());
        FAIL();
    } catch (const StorageError& e) {
        EXPECT_EQ(e.kind(), StorageError::Kind::Corrupt) << e.what();
    }
}

// A book at schema 3 (visits of several procedures, before each visit counted its lines) has its
// counts filled in by migration 4, so that its lists show every line.
TEST(SqliteMigration, VisitsOfSeveralProceduresAreCountedWhenTheCountArrives)
{
    TempDir dir;
    auto file = (dir / "three.db").string();
    CaseId two = 0;
    {
        auto store = db::openStore(file);
        CaseDraft d = draft("山田", "ヤマダ");
        d.procedures = {{Procedure::CardReceipt, CaseStatus::Received}, {Procedure::PinReset, CaseStatus::Received}};
        two = store->add(d, kClerk).id;
        store->add(draft("佐藤", "サトウ"), kClerk);
    }
    {
        // Back to schema 3: without the columns of migrations 4 (the count), 5 (the calls), 6 (the card
        // register), 7 (bookings), 8 (failed logins) and 10 (the inquiry letter's mailing day).
        SQLite::Database raw(file, SQLite::OPEN_READWRITE);
        raw.exec("ALTER TABLE cases DROP COLUMN procedure_count");
        for (const char* column : {"called_at", "call_window", "back_at", "booking_id", "booked_start"})
            raw.exec(std::string("ALTER TABLE cases DROP COLUMN ") + column);
        raw.exec("ALTER TABLE case_history DROP COLUMN \"window\"");
        raw.exec("DROP TABLE issued_cards");                           // migration 6
        raw.exec("DROP TABLE bookings");                               // migration 7
        raw.exec("DROP TABLE login_failures");                         // migration 8 (9 changes nothing on SQLite)
        raw.exec("ALTER TABLE case_procedures DROP COLUMN mailed_on"); // migration 10
        raw.exec("PRAGMA user_version = 3");
    }
    auto store = db::openStore(file);
    EXPECT_TRUE(store->check().ok);
    db::CaseQuery all;
    for (const auto& row : store->search(all))
        EXPECT_EQ(row.procedures.size(), row.id == two ? 2u : 1u) << row.id;
    // And `db check` sees a count out of step with the lines.
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE);
        raw.exec("UPDATE cases SET procedure_count = 1 WHERE id = " + std::to_string(two));
    }
    auto report = store->check();
    ASSERT_FALSE(report.ok);
    EXPECT_NE(report.problems.front().find("number of lines"), std::string::npos) << report.problems.front();
}
