// Every file madoguchi-cli writes goes through the one writer: the handout (checklist --pdf), the
// daily report and CSV, the audit export and the backup refuse an existing file unless
// --overwrite is given, and refuse the case book, its -wal/-shm and any database even then — and
// a refusal changes nothing in the case book. Before issue 20, `checklist --pdf m.db` wrote the
// handout over the case book (exit 0) and `report daily --csv` replaced a backup.
#include "book_dump.hpp"
#include "core/security/audit_chain.hpp"
#include "db/case_store.hpp"
#include "db/user_store.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <fstream>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;
namespace fs = std::filesystem;

class CliOutput : public ::testing::Test {
protected:
    TempDir dir;
    fs::path book = dir / "m.db";
    std::string id;
    void SetUp() override
    {
        auto store = db::openStore(book.string());
        store->users().createFirstAdmin("admin", "admin-pass-1");
        CaseDraft d;
        d.procedure = Procedure::Reissue;
        d.resident.name = "山田 太郎";
        d.resident.kana = "ヤマダ タロウ";
        d.resident.birth = boost::gregorian::date(1970, 5, 20);
        id = std::to_string(store->add(d, {"admin", Role::Admin}).id);
    }
    ProcessResult cli(std::vector<std::string> args, const std::string& cwd = "")
    {
        args.insert(args.begin(), {"--db", book.string()});
        return runCli(args, "", cliUser("admin", "admin-pass-1"), cwd);
    }
    // Each writer, as the argument list that makes it write `target`.
    struct Writer {
        std::string name;
        std::string action; // its audit entry
        std::function<std::vector<std::string>(const std::string& target)> args;
    };
    std::vector<Writer> writers()
    {
        return {
            {"checklist --pdf", audit_actions::kPrint,
             [this](const std::string& t) {
                 return std::vector<std::string>{"checklist", "--case", id, "--pdf", t};
             }},
            {"report daily --pdf", audit_actions::kExport,
             [](const std::string& t) {
                 return std::vector<std::string>{"report", "daily", "--pdf", t};
             }},
            {"report daily --csv", audit_actions::kExport,
             [](const std::string& t) {
                 return std::vector<std::string>{"report", "daily", "--csv", t};
             }},
            {"audit export --csv", audit_actions::kAuditExport,
             [](const std::string& t) {
                 return std::vector<std::string>{"audit", "export", "--csv", t};
             }},
            {"db backup", audit_actions::kBackup,
             [](const std::string& t) {
                 return std::vector<std::string>{"db", "backup", t};
             }},
        };
    }
};

TEST_F(CliOutput, NoWriterEverWritesOverTheCaseBookOrItsWalAndShm)
{
    // The case book is open in another program (a window), so its -wal and -shm exist.
    auto window = db::openStore(book.string());
    ASSERT_TRUE(fs::exists(book.string() + "-wal"));
    const std::string before = caseBookDump(book);
    for (const auto& w : writers())
        for (const std::string& target : {book.string(), book.string() + "-wal", book.string() + "-shm"})
            for (bool overwrite : {false, true}) {
                auto args = w.args(target);
                if (overwrite)
                    args.push_back("--overwrite");
                auto r = cli(args);
                EXPECT_EQ(r.exitCode, 2) << w.name << " " << target << ": " << r.err;
                EXPECT_NE(r.err.find("refusing to write over"), std::string::npos) << r.err;
                EXPECT_EQ(caseBookDump(book), before) << w.name << " " << target;
            }
    EXPECT_EQ(window->get(std::stoll(id)).resident.name, "山田 太郎");
}

TEST_F(CliOutput, NoWriterReplacesABackupOrAnotherDatabaseEvenWithOverwrite)
{
    auto backup = dir / "backup.db";
    ASSERT_EQ(cli({"db", "backup", backup.string()}).exitCode, 0);
    const std::string copy = readFile(backup);
    const std::string before = caseBookDump(book);
    for (const auto& w : writers()) {
        auto args = w.args(backup.string());
        args.push_back("--overwrite");
        auto r = cli(args);
        EXPECT_EQ(r.exitCode, 2) << w.name << ": " << r.err;
        EXPECT_NE(r.err.find("is an SQLite database"), std::string::npos) << r.err;
        EXPECT_EQ(readFile(backup), copy) << w.name;
        EXPECT_EQ(caseBookDump(book), before) << w.name;
    }
}

TEST_F(CliOutput, EachWriterRefusesAnExistingFileUnlessOverwriteIsGiven)
{
    for (const auto& w : writers()) {
        auto target = dir / "older.out";
        std::ofstream(target) << "older";
        const std::string before = caseBookDump(book);
        auto r = cli(w.args(target.string()));
        EXPECT_EQ(r.exitCode, 2) << w.name << ": " << r.err;
        EXPECT_NE(r.err.find("already exists; give --overwrite"), std::string::npos) << r.err;
        EXPECT_EQ(readFile(target), "older") << w.name;
        EXPECT_EQ(caseBookDump(book), before) << w.name << ": a refusal changed the case book";

        int entries = auditCount(book, w.action);
        auto args = w.args(target.string());
        args.push_back("--overwrite");
        r = cli(args);
        EXPECT_EQ(r.exitCode, 0) << w.name << ": " << r.err;
        EXPECT_NE(readFile(target), "older") << w.name;
        EXPECT_GT(auditCount(book, w.action), entries) << w.name << ": the replacement was not audited";
        fs::remove(target);
    }
}

TEST_F(CliOutput, AWriteThatFailsLeavesNoEntrySayingItWasMade)
{
    for (const auto& w : writers()) {
        int entries = auditCount(book, w.action);
        auto r = cli(w.args((dir / "no-such-folder" / "out.file").string()));
        EXPECT_EQ(r.exitCode, 3) << w.name << ": " << r.err;
        EXPECT_EQ(auditCount(book, w.action), entries) << w.name;
    }
}

TEST_F(CliOutput, ABackupWithNoNameLeavesNothingAndNoEntry)
{
    TempDir cwd;
    for (const std::string& name : std::vector<std::string>{"", ".", "..", cwd.path().string() + "/"}) {
        auto r = cli({"db", "backup", name}, cwd.path().string());
        EXPECT_EQ(r.exitCode, 2) << "\"" << name << "\": " << r.err;
        EXPECT_TRUE(fs::is_empty(cwd.path())) << "\"" << name << "\" left a file behind";
    }
    EXPECT_EQ(auditCount(book, audit_actions::kBackup), 0);
    // A backup that is made is audited once.
    auto r = cli({"db", "backup", (cwd / "ok.db").string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(auditCount(book, audit_actions::kBackup), 1);
    EXPECT_EQ(std::distance(fs::directory_iterator(cwd.path()), fs::directory_iterator{}), 1);
}
