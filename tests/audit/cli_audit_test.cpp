// Users, roles and the audit trail through the real console tool.
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <sys/stat.h>

using namespace madoguchi::test;

namespace {

class CliUsers : public ::testing::Test {
protected:
    TempDir dir;
    std::string db = (dir / "book.db").string();
    const std::vector<std::string> admin = cliUser("admin", "admin-pass-1");
    const std::vector<std::string> clerk = cliUser("hanako", "clerk-pass-1");
    const std::vector<std::string> supervisor = cliUser("sato", "super-pass-1");

    ProcessResult as(const std::vector<std::string>& who, std::vector<std::string> args, const std::string& in = "")
    {
        args.insert(args.begin(), {"--db", db});
        return runCli(args, in, who);
    }
    void SetUp() override
    {
        ASSERT_EQ(runCli({"--db", db, "user", "init-admin", "--name", "admin"}, "admin-pass-1\n").exitCode, 0);
        ASSERT_EQ(as(admin, {"user", "add", "hanako", "--role", "clerk"}, "clerk-pass-1\n").exitCode, 0);
        ASSERT_EQ(as(admin, {"user", "add", "sato", "--role", "supervisor"}, "super-pass-1\n").exitCode, 0);
    }
    std::string addCase(const std::vector<std::string>& who)
    {
        auto r = as(who, {"case", "add", "--procedure", "reissue", "--name", "山田 太郎", "--kana", "ヤマダ タロウ",
                          "--birth", "1970-05-20", "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return std::to_string(r.json()["id"].get<long long>());
    }
};

} // namespace

TEST(CliFirstRun, NothingRunsBeforeTheAdminExistsAndOnlyOneFirstAdmin)
{
    TempDir dir;
    std::string db = (dir / "fresh.db").string();
    // No file yet: refused as a mistyped --db would be, naming the way to begin a book.
    auto r = runCli({"--db", db, "case", "list"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("user init-admin"), std::string::npos) << r.err;
    // A book made with --create but without its admin: nothing runs yet.
    r = runCli({"--db", db, "--create", "case", "list"});
    EXPECT_EQ(r.exitCode, 7);
    EXPECT_NE(r.err.find("user init-admin"), std::string::npos) << r.err;
    EXPECT_EQ(runCli({"--db", db, "user", "init-admin", "--name", "admin"}, "admin-pass-1\n").exitCode, 0);
    EXPECT_EQ(runCli({"--db", db, "user", "init-admin", "--name", "eve"}, "eve-pass-123\n").exitCode, 7);
    // Checks that show no personal data need no login.
    EXPECT_EQ(runCli({"--db", db, "db", "check"}).exitCode, 0);
    EXPECT_EQ(runCli({"--db", db, "db", "verify-audit"}).exitCode, 0);
}

TEST_F(CliUsers, LoginIsRequiredAndWrongPasswordsRefused)
{
    EXPECT_EQ(runCli({"--db", db, "case", "list"}).exitCode, 7); // no user named, no terminal
    EXPECT_EQ(as(cliUser("hanako", "wrong-password"), {"case", "list"}).exitCode, 7);
    EXPECT_EQ(as({"MADOGUCHI_PASSWORD=clerk-pass-1"}, {"--user", "hanako", "case", "list"}).exitCode, 0);
    auto who = as(clerk, {"user", "whoami", "--json"});
    ASSERT_EQ(who.exitCode, 0) << who.err;
    EXPECT_EQ(who.json()["role"], "clerk");
}

TEST_F(CliUsers, PasswordsAreNeverArguments)
{
    EXPECT_EQ(as(admin, {"user", "add", "jiro", "--role", "clerk", "--password", "jiro-pass-1"}).exitCode, 2);
    // --password is no option at all: refused before anything runs, and not repeated back.
    auto r = runCli({"--db", db, "--password", "admin-pass-1", "case", "list"}, "", {"MADOGUCHI_USER=admin"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err.find("admin-pass-1"), std::string::npos) << r.err;
}

TEST_F(CliUsers, ClerkCannotReopenPurgeManageUsersOrSeeTheAudit)
{
    std::string id = addCase(clerk);
    ASSERT_EQ(as(clerk, {"case", "status", id, "withdrawn", "--reason", "本人申出"}).exitCode, 0);
    auto reopen = as(clerk, {"case", "reopen", id, "--reason", "再来庁"});
    EXPECT_EQ(reopen.exitCode, 7);
    EXPECT_NE(reopen.err.find("may not reopen"), std::string::npos) << reopen.err;
    EXPECT_EQ(as(clerk, {"user", "add", "jiro", "--role", "clerk"}, "jiro-pass-12\n").exitCode, 7);
    EXPECT_EQ(as(clerk, {"user", "role", "hanako", "admin"}).exitCode, 7);
    EXPECT_EQ(as(clerk, {"retention", "set", "--days", "30"}).exitCode, 7);
    EXPECT_EQ(as(clerk, {"retention", "purge"}).exitCode, 7);
    EXPECT_EQ(as(clerk, {"audit", "list"}).exitCode, 7);
    EXPECT_EQ(as(clerk, {"db", "backup", (dir / "b.db").string()}).exitCode, 7);
    EXPECT_FALSE(std::filesystem::exists(dir / "b.db"));

    auto byBoss = as(supervisor, {"case", "reopen", id, "--reason", "再来庁", "--json"});
    ASSERT_EQ(byBoss.exitCode, 0) << byBoss.err;
    EXPECT_EQ(byBoss.json()["status"], "in-progress");
    EXPECT_EQ(as(supervisor, {"user", "add", "jiro", "--role", "clerk"}, "jiro-pass-12\n").exitCode, 7);
    EXPECT_EQ(as(supervisor, {"retention", "purge"}).exitCode, 7);
}

TEST_F(CliUsers, SupervisorListsAndExportsTheDaysAudit)
{
    std::string id = addCase(clerk);
    ASSERT_EQ(as(clerk, {"case", "show", id}).exitCode, 0);
    ASSERT_EQ(as(clerk, {"case", "list", "--search", "やまだ"}).exitCode, 0);
    auto list = as(supervisor, {"audit", "list", "--json"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    std::vector<std::string> forCase;
    for (const auto& e : list.json())
        if (!e["case_id"].is_null() && std::to_string(e["case_id"].get<long long>()) == id) {
            forCase.push_back(e["action"]);
            EXPECT_EQ(e["user"], "hanako");
        }
    EXPECT_EQ(forCase, (std::vector<std::string>{"case.create", "case.view", "case.list"}));
    for (const auto& e : list.json())
        EXPECT_EQ(e.dump().find("山田"), std::string::npos) << "no names in the audit";

    auto csv = (dir / "audit.csv").string();
    auto ex = as(supervisor, {"audit", "export", "--csv", csv});
    ASSERT_EQ(ex.exitCode, 0) << ex.err;
    struct stat st {};
    ASSERT_EQ(stat(csv.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    std::ifstream in(csv);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str().rfind("seq,at,user,role,action,case_id,detail,hash\r\n", 0), 0u);
    EXPECT_NE(text.str().find(",hanako,clerk,case.view," + id + ","), std::string::npos) << text.str();
    EXPECT_EQ(as(supervisor, {"audit", "export", "--csv", csv}).exitCode, 2); // never overwrites
}

TEST_F(CliUsers, VerifyAuditNamesTheFirstBadEntry)
{
    std::string id = addCase(clerk);
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(as(clerk, {"case", "show", id}).exitCode, 0);
    auto ok = runCli({"--db", db, "db", "verify-audit", "--json"});
    ASSERT_EQ(ok.exitCode, 0) << ok.err;
    EXPECT_TRUE(ok.json()["ok"]);
    long long entries = ok.json()["entries"];
    ASSERT_GE(entries, 7);
    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec("UPDATE audit_log SET case_id = case_id + 1 WHERE seq = 5");
    }
    auto bad = runCli({"--db", db, "db", "verify-audit"});
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_NE(bad.err.find("entry 5 "), std::string::npos) << bad.err;
    auto badJson = runCli({"--db", db, "db", "verify-audit", "--json"});
    EXPECT_EQ(badJson.json()["bad_entry"], 5);
}

TEST_F(CliUsers, AdminPurgeIsAudited)
{
    ASSERT_EQ(as(admin, {"retention", "set", "--days", "1825"}).exitCode, 0);
    auto shown = as(clerk, {"retention", "show", "--json"});
    ASSERT_EQ(shown.exitCode, 0) << shown.err;
    EXPECT_EQ(shown.json()["retention_days"], 1825);
    auto p = as(admin, {"retention", "purge", "--json"});
    ASSERT_EQ(p.exitCode, 0) << p.err;
    EXPECT_EQ(p.json()["purged"], 0);
    auto list = as(admin, {"audit", "list", "--json"}).json();
    EXPECT_EQ(list.back()["action"], "retention.purge");
    EXPECT_EQ(list.back()["user"], "admin");
}

// A purge cannot be undone: a --today that is not the real day (9999-12-31 was a typo that
// purged every closed case) is refused with the counts it would purge, unless --yes; --dry-run
// counts and changes nothing.
TEST_F(CliUsers, PurgeRefusesADayThatIsNotTodayAndDryRunChangesNothing)
{
    std::string id = addCase(clerk);
    ASSERT_EQ(as(clerk, {"case", "status", id, "withdrawn", "--reason", "本人申出"}).exitCode, 0);
    ASSERT_EQ(as(admin, {"retention", "set", "--days", "30"}).exitCode, 0);
    auto typo = as(admin, {"retention", "purge", "--today", "9999-12-31"});
    EXPECT_EQ(typo.exitCode, 2) << typo.err;
    EXPECT_NE(typo.err.find("is not today"), std::string::npos) << typo.err;
    EXPECT_NE(typo.err.find("would purge 1 closed cases"), std::string::npos) << typo.err;
    ASSERT_EQ(as(clerk, {"case", "show", id}).exitCode, 0) << "the refused purge deleted the case";

    auto dry = as(admin, {"retention", "purge", "--today", "9999-12-31", "--dry-run", "--json"});
    ASSERT_EQ(dry.exitCode, 0) << dry.err;
    EXPECT_EQ(dry.json()["purged"], 1);
    EXPECT_EQ(dry.json()["dry_run"], true);
    ASSERT_EQ(as(clerk, {"case", "show", id}).exitCode, 0) << "the dry run deleted the case";
    auto audit = as(admin, {"audit", "list", "--json"}).json();
    for (const auto& entry : audit)
        EXPECT_NE(entry["action"], "retention.purge") << "a refused or dry purge was audited as made";

    auto real = as(admin, {"retention", "purge", "--json"});
    ASSERT_EQ(real.exitCode, 0) << real.err;
    EXPECT_EQ(real.json()["purged"], 0); // closed today: within the 30 days
    auto asked = as(admin, {"retention", "purge", "--today", "9999-12-31", "--yes", "--json"});
    ASSERT_EQ(asked.exitCode, 0) << asked.err;
    EXPECT_EQ(asked.json()["purged"], 1);
    EXPECT_EQ(as(clerk, {"case", "show", id}).exitCode, 2); // no such case now
}

TEST_F(CliUsers, RetentionPeriodsPastTheCalendarAreRefusedAsBadInput)
{
    auto huge = as(admin, {"retention", "set", "--days", "2000000000"});
    EXPECT_EQ(huge.exitCode, 2) << huge.err;
    EXPECT_NE(huge.err.find("hundred years"), std::string::npos) << huge.err;
    EXPECT_EQ(as(admin, {"retention", "set", "--days", "0"}).exitCode, 2);
    EXPECT_EQ(as(admin, {"retention", "set", "--days", "36525"}).exitCode, 0);
    EXPECT_EQ(as(admin, {"retention", "purge", "--json"}).exitCode, 0);
}
