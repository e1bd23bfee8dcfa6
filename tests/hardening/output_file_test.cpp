// The one writer (core/files/output_file.hpp): a target that exists is refused unless replacing
// was asked, and the case book in use, its -wal/-shm and any database or backup are refused even
// then. Real files, a real SQLite database and WAL made by SQLite itself.
#include "core/files/output_file.hpp"
#include "core/files/protected_files.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace madoguchi;
using namespace madoguchi::files;
namespace fs = std::filesystem;

namespace {

// Everything in the folder but `keep`: the writer leaves no temporary file behind.
std::vector<std::string> othersIn(const fs::path& dir, std::vector<std::string> keep)
{
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (std::find(keep.begin(), keep.end(), e.path().filename().string()) == keep.end())
            out.push_back(e.path().filename().string());
    return out;
}

// A real SQLite database in WAL mode with a transaction still in its WAL.
void makeDatabase(const fs::path& file, bool keepOpen, std::unique_ptr<SQLite::Database>* held = nullptr)
{
    auto db = std::make_unique<SQLite::Database>(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db->exec("PRAGMA journal_mode=WAL");
    db->exec("CREATE TABLE cases (id INTEGER PRIMARY KEY, name TEXT)");
    db->exec("INSERT INTO cases (name) VALUES ('山田 太郎')");
    if (keepOpen && held)
        *held = std::move(db);
}

} // namespace

TEST(OutputFile, ANewFileIsWrittenPrivateAndWhole)
{
    test::TempDir dir;
    auto target = dir / "day.csv";
    writeOutputFile(target, "a,b\r\n", Overwrite::No);
    EXPECT_EQ(test::readFile(target), "a,b\r\n");
    struct stat st {};
    ASSERT_EQ(::stat(target.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_TRUE(othersIn(dir.path(), {"day.csv"}).empty());
}

TEST(OutputFile, AnExistingFileIsKeptUnlessReplacingIsAsked)
{
    test::TempDir dir;
    auto target = dir / "day.csv";
    test::writeFile(target, "older");
    EXPECT_EQ(inspectOutputTarget(target).state, TargetState::Exists);
    EXPECT_THROW(writeOutputFile(target, "new", Overwrite::No), TargetExists);
    try {
        writeOutputFile(target, "new", Overwrite::No);
    } catch (const TargetExists& e) {
        EXPECT_NE(std::string(e.what()).find("--overwrite"), std::string::npos) << e.what();
    }
    EXPECT_EQ(test::readFile(target), "older");
    EXPECT_TRUE(othersIn(dir.path(), {"day.csv"}).empty());
    writeOutputFile(target, "new", Overwrite::Yes);
    EXPECT_EQ(test::readFile(target), "new");
}

TEST(OutputFile, TheCaseBookInUseAndItsCompanionsAreNeverReplaced)
{
    test::TempDir dir;
    auto book = dir / "m.db";
    std::unique_ptr<SQLite::Database> open;
    makeDatabase(book, true, &open);
    protectFromOutput(book);
    ASSERT_TRUE(fs::exists(dir / "m.db-wal"));
    ASSERT_TRUE(fs::exists(dir / "m.db-shm"));
    const std::string before = test::readFile(book), wal = test::readFile(dir / "m.db-wal");
    for (const char* name : {"m.db", "m.db-wal", "m.db-shm", "m.db-journal", "./m.db"}) {
        auto target = dir / name;
        EXPECT_EQ(inspectOutputTarget(target).state, TargetState::Forbidden) << name;
        for (auto overwrite : {Overwrite::No, Overwrite::Yes})
            EXPECT_THROW(writeOutputFile(target, "%PDF-1.4 handout", overwrite), ValidationError) << name;
    }
    // By another path to the same file: a symbolic link, a hard link, a path with ".." in it.
    fs::create_directory(dir / "sub");
    fs::create_symlink(book, dir / "link.pdf");
    ASSERT_EQ(::link((dir / "m.db-wal").c_str(), (dir / "hard.pdf").c_str()), 0);
    for (auto target : {dir / "link.pdf", dir / "hard.pdf", dir / "sub" / ".." / "m.db-shm"})
        EXPECT_THROW(writeOutputFile(target, "x", Overwrite::Yes), ValidationError) << target;
    EXPECT_EQ(test::readFile(book), before);
    EXPECT_EQ(test::readFile(dir / "m.db-wal"), wal);
    EXPECT_EQ(open->execAndGet("SELECT name FROM cases").getString(), "山田 太郎");
    EXPECT_TRUE(othersIn(dir.path(), {"m.db", "m.db-wal", "m.db-shm", "sub", "link.pdf", "hard.pdf"}).empty());
}

TEST(OutputFile, AnyDatabaseOrBackupIsRefusedEvenWhenReplacingIsAsked)
{
    test::TempDir dir;
    // A case book that is not open here (a backup, another office's book), and its WAL.
    std::unique_ptr<SQLite::Database> other;
    makeDatabase(dir / "backup.db", true, &other);
    test::writeFile(dir / "archive.dump", std::string("PGDMP\x01\x0e\x00", 8) + "pg_dump custom archive");
    for (const char* name : {"backup.db", "backup.db-wal", "backup.db-shm", "archive.dump"}) {
        auto target = dir / name;
        std::string before = test::readFile(target);
        TargetCheck check = inspectOutputTarget(target);
        EXPECT_EQ(check.state, TargetState::Forbidden) << name;
        EXPECT_NE(check.reason.find(name), std::string::npos) << check.reason;
        EXPECT_THROW(writeOutputFile(target, "a,b\r\n", Overwrite::Yes), ValidationError) << name;
        EXPECT_EQ(test::readFile(target), before) << name;
    }
    // A WAL file copied away from its database is still known by its header.
    fs::copy_file(dir / "backup.db-wal", dir / "copy.bin");
    EXPECT_THROW(writeOutputFile(dir / "copy.bin", "x", Overwrite::Yes), ValidationError);
    // A file that merely looks like one by its name is an ordinary file.
    test::writeFile(dir / "notes.db", "just text");
    writeOutputFile(dir / "notes.db", "replaced", Overwrite::Yes);
    EXPECT_EQ(test::readFile(dir / "notes.db"), "replaced");
}

TEST(OutputFile, NoNameAndFoldersAreRefused)
{
    test::TempDir dir;
    EXPECT_THROW(writeOutputFile("", "x", Overwrite::Yes), ValidationError);
    EXPECT_THROW(writeOutputFile(dir.path() / "", "x", Overwrite::Yes), ValidationError);
    fs::create_directory(dir / "taken.pdf");
    EXPECT_THROW(writeOutputFile(dir / "taken.pdf", "x", Overwrite::Yes), StorageError);
    EXPECT_TRUE(fs::is_directory(dir / "taken.pdf"));
    EXPECT_THROW(writeOutputFile(dir / "missing" / "x.pdf", "x", Overwrite::No), StorageError);
    EXPECT_TRUE(othersIn(dir.path(), {"taken.pdf"}).empty());
}

TEST(OutputFile, AStagedFileThatIsNotCommittedLeavesNothing)
{
    test::TempDir dir;
    {
        StagedOutput out(dir / "backup.db", Overwrite::No);
        ASSERT_TRUE(fs::exists(out.temporaryPath()));
        EXPECT_EQ(out.temporaryPath().parent_path(), dir.path());
        out.write("half a backup");
    }
    EXPECT_TRUE(othersIn(dir.path(), {}).empty());
}

TEST(OutputFile, AFileThatAppearsWhileTheOutputIsMadeIsNotReplaced)
{
    test::TempDir dir;
    auto target = dir / "day.pdf";
    StagedOutput out(target, Overwrite::No);
    out.write("new");
    test::writeFile(target, "someone else's");
    EXPECT_THROW(out.commit(), TargetExists);
    EXPECT_EQ(test::readFile(target), "someone else's");
    // A database that appears meanwhile is refused even when replacing was asked.
    auto book = dir / "late.db";
    StagedOutput late(book, Overwrite::Yes);
    late.write("new");
    makeDatabase(book, false);
    EXPECT_THROW(late.commit(), ValidationError);
    EXPECT_NO_THROW(SQLite::Database(book.string()).execAndGet("SELECT COUNT(*) FROM cases"));
}
