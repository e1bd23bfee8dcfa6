// madoguchi-cli call: the contract of docs/cli.md, run as a script runs it (the real binary on a
// real SQLite file).
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <gtest/gtest.h>

using namespace madoguchi::test;

class CliCall : public ::testing::Test {
protected:
    TempDir dir;
    std::string db = (dir / "calls.db").string();
    const std::vector<std::string> admin = cliUser("admin", "admin-pass-1");
    void SetUp() override
    {
        auto r = runCli({"--db", db, "user", "init-admin", "--name", "admin"}, "admin-pass-1\n");
        ASSERT_EQ(r.exitCode, 0) << r.err;
        for (const char* procedure : {"reissue", "pin-reset", "reissue"}) {
            auto c = cli({"case", "add", "--procedure", procedure, "--name", "山田 太郎", "--kana", "ヤマダ タロウ",
                          "--birth", "1970-05-20", "--window", "1"});
            ASSERT_EQ(c.exitCode, 0) << c.err;
        }
    }
    ProcessResult cli(std::vector<std::string> args, const std::vector<std::string>& as = {})
    {
        args.insert(args.begin(), {"--db", db});
        return runCli(args, "", as.empty() ? admin : as);
    }
    // A failure is one line on stderr starting "madoguchi-cli: ", nothing on stdout.
    void expectOneLineError(const ProcessResult& r, int code)
    {
        EXPECT_EQ(r.exitCode, code) << r.out << r.err;
        EXPECT_EQ(r.err.rfind("madoguchi-cli: ", 0), 0u) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
    }
};

TEST_F(CliCall, NextPrintsTheCaseWithItsNumberAndWindow)
{
    auto r = cli({"call", "next", "--window", "3", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto c = r.json();
    EXPECT_EQ(c["reception_number"], "A-001");
    EXPECT_EQ(c["window"], "3");
    EXPECT_EQ(c["call"]["state"], "called");
    EXPECT_EQ(c["call"]["window"], "3");
    EXPECT_TRUE(c["call"]["back_at"].is_null());
    EXPECT_EQ(c["history"].back()["kind"], "called");
    EXPECT_EQ(c["history"].back()["window"], "3");
    EXPECT_EQ(c["history"].back()["actor"], "admin");
    EXPECT_TRUE(c["history"].front()["window"].is_null());
    // The option's own words, as the contract writes them.
    auto p = cli({"--json", "call", "next", "--window=4", "--procedure", "pin-reset"});
    ASSERT_EQ(p.exitCode, 0) << p.err;
    EXPECT_EQ(p.json()["reception_number"], "A-002");
    EXPECT_EQ(p.json()["procedure"], "pin-reset");
}

TEST_F(CliCall, NobodyWaitingIsNullAndSuccess)
{
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(cli({"call", "next", "--window", "3"}).exitCode, 0);
    auto r = cli({"call", "next", "--window", "3", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(r.json().is_null());
    auto text = cli({"call", "next", "--window", "3"});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_NE(text.out.find("nobody is waiting"), std::string::npos) << text.out;
}

TEST_F(CliCall, AgainAbsentAndANumber)
{
    ASSERT_EQ(cli({"call", "next", "--window", "3"}).exitCode, 0);
    auto again = cli({"call", "again", "1", "--json"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(again.json()["history"].back()["kind"], "called-again");
    auto absent = cli({"call", "absent", "--id", "1", "--json"});
    ASSERT_EQ(absent.exitCode, 0) << absent.err;
    EXPECT_EQ(absent.json()["call"]["state"], "absent");
    EXPECT_TRUE(absent.json()["call"]["back_at"].is_string());
    EXPECT_EQ(absent.json()["history"].back()["kind"], "absent");
    auto chosen = cli({"call", "number", "A-003", "--window", "5", "--json"});
    ASSERT_EQ(chosen.exitCode, 0) << chosen.err;
    EXPECT_EQ(chosen.json()["reception_number"], "A-003");
    EXPECT_EQ(chosen.json()["window"], "5");
    // The absent number is not called before its time: A-002 is next.
    auto next = cli({"call", "next", "--window", "3", "--json"});
    EXPECT_EQ(next.json()["reception_number"], "A-002");
}

TEST_F(CliCall, RefusalsAreOneLineAndExitTwo)
{
    expectOneLineError(cli({"call", "again", "1"}), 2);   // not called
    expectOneLineError(cli({"call", "absent", "99"}), 2); // no such case
    expectOneLineError(cli({"call", "again", "x"}), 2);   // not an id
    expectOneLineError(cli({"call", "number", "A-099", "--window", "5"}), 2);
    expectOneLineError(cli({"call", "number", "twelve", "--window", "5"}), 2);
    expectOneLineError(cli({"call", "next"}), 2); // --window is required
    expectOneLineError(cli({"call", "next", "--window", "3", "--procedure", "nap"}), 2);
    expectOneLineError(cli({"call", "dance"}), 2);
    ASSERT_EQ(cli({"call", "number", "A-001", "--window", "5"}).exitCode, 0);
    expectOneLineError(cli({"call", "number", "A-001", "--window", "6"}), 2); // window 5 has it
}

TEST_F(CliCall, SettingsAreShownToAllAndChangedByAnAdministrator)
{
    auto shown = cli({"call", "settings", "--json"});
    ASSERT_EQ(shown.exitCode, 0) << shown.err;
    EXPECT_EQ(shown.json()["order"], "booked-first");
    EXPECT_EQ(shown.json()["absent_minutes"], 10);
    ASSERT_EQ(runCli({"--db", db, "user", "add", "hanako", "--role", "clerk"}, "hanako-pass-1\n", admin).exitCode, 0);
    auto clerk = cliUser("hanako", "hanako-pass-1");
    EXPECT_EQ(cli({"call", "settings"}, clerk).exitCode, 0);
    expectOneLineError(cli({"call", "settings", "--order", "arrival"}, clerk), 7);
    expectOneLineError(cli({"call", "settings", "--order", "lottery"}), 2);
    expectOneLineError(cli({"call", "settings", "--absent-minutes", "-3"}), 2);
    auto set = cli({"call", "settings", "--order", "arrival", "--absent-minutes", "3", "--json"});
    ASSERT_EQ(set.exitCode, 0) << set.err;
    EXPECT_EQ(set.json()["order"], "arrival");
    EXPECT_EQ(cli({"call", "settings", "--json"}).json()["absent_minutes"], 3);
    // A clerk calls.
    auto called = cli({"call", "next", "--window", "2", "--json"}, clerk);
    ASSERT_EQ(called.exitCode, 0) << called.err;
    EXPECT_EQ(called.json()["history"].back()["actor"], "hanako");
}
