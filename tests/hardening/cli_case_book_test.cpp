// What opening a case book from the console may do on its own. Before issue 20 a mistyped --db
// silently made a new, empty case book (and answered from it), any unknown scheme became a file
// name, and a book copied as 0644 (with its -wal/-shm) stayed readable by every local user.
#include "db/case_store.hpp"
#include "db/user_store.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>

using namespace madoguchi;
using namespace madoguchi::test;
namespace fs = std::filesystem;

namespace {

unsigned modeOf(const fs::path& p)
{
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
    return st.st_mode & 0777;
}

} // namespace

TEST(CliCaseBook, AMissingFileIsRefusedUnlessCreateOrInitAdmin)
{
    TempDir dir;
    fs::path typo = dir / "madoguchi-typo.db";
    auto r = runCli({"--db", typo.string(), "db", "check"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("no case book at"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--create"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(typo)) << "the refusal left a file";
    EXPECT_FALSE(fs::exists(typo.string() + "-wal"));

    auto made = runCli({"--db", typo.string(), "--create", "db", "check", "--json"});
    EXPECT_EQ(made.exitCode, 0) << made.err;
    EXPECT_TRUE(fs::exists(typo));
    EXPECT_EQ(modeOf(typo), 0600u);

    fs::path first = dir / "sub" / "first.db"; // a folder made here is the owner's alone
    EXPECT_EQ(runCli({"--db", first.string(), "user", "init-admin", "--name", "admin"}, "admin-pass-1\n").exitCode, 0);
    EXPECT_EQ(modeOf(first), 0600u);
    EXPECT_EQ(modeOf(first.parent_path()), 0700u);
}

TEST(CliCaseBook, AnUnknownSchemeIsRefusedWithoutRepeatingTheRestOfTheUrl)
{
    TempDir dir;
    for (std::string url : {"postgress://desk:s3cret@db.local/madoguchi", "mysql://db.local/m"}) {
        auto r = runCli({"--db", url, "db", "check"}, "", {}, dir.path());
        EXPECT_EQ(r.exitCode, 2) << url << ": " << r.err;
        EXPECT_NE(r.err.find("unknown database scheme"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find("s3cret"), std::string::npos) << "the password was printed: " << r.err;
        EXPECT_TRUE(fs::is_empty(dir.path())) << "a file was made for " << url;
    }
}

TEST(CliCaseBook, AReadableBookAndItsWalAreMadePrivateOnOpenWithALineSayingSo)
{
    TempDir dir;
    fs::path book = dir / "copied.db";
    db::openStore(book.string())->users().createFirstAdmin("admin", "admin-pass-1");
    std::ofstream(book.string() + "-wal").flush(); // a stale WAL left by the copy
    fs::permissions(book, fs::perms(0644), fs::perm_options::replace);
    fs::permissions(book.string() + "-wal", fs::perms(0644), fs::perm_options::replace);
    auto r = runCli({"--db", book.string(), "db", "check"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(modeOf(book), 0600u);
    // SQLite removes the WAL when the last connection closes: the line says it was made private.
    EXPECT_NE(r.err.find("copied.db was readable by others (mode 0644); made 0600"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("copied.db-wal was readable by others (mode 0644); made 0600"), std::string::npos) << r.err;
    auto again = runCli({"--db", book.string(), "db", "check"});
    EXPECT_EQ(again.err.find("readable by others"), std::string::npos) << "said twice: " << again.err;
}
