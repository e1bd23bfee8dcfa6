// madoguchi-cli end to end: the real binary on a real SQLite file, its JSON parsed.
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace madoguchi::test;

class CliCase : public ::testing::Test {
protected:
    TempDir dir;
    std::string db = (dir / "cli.db").string();
    // Every case book has users: the first run creates the admin, who acts in these tests.
    const std::vector<std::string> admin = cliUser("admin", "admin-pass-1");
    void SetUp() override
    {
        auto r = runCli({"--db", db, "user", "init-admin", "--name", "admin"}, "admin-pass-1\n");
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    ProcessResult cli(std::vector<std::string> args)
    {
        args.insert(args.begin(), {"--db", db});
        return runCli(args, "", admin);
    }
    nlohmann::json addYamada()
    {
        auto r =
            cli({"case", "add", "--procedure", "reissue", "--name", "山田 太郎", "--kana", "ヤマダ タロウ", "--birth",
                 "1970-05-20", "--address", "小平市小川町2-1333", "--sex", "male", "--window", "3", "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return r.json();
    }
};

TEST_F(CliCase, AddPrintsTheContractKeys)
{
    auto c = addYamada();
    for (const char* key : {"id", "reception_number", "procedure", "status", "name", "kana", "birth", "created_at"})
        EXPECT_TRUE(c.contains(key)) << key;
    EXPECT_EQ(c["procedure"], "reissue");
    EXPECT_EQ(c["status"], "received");
    EXPECT_EQ(c["name"], "山田 太郎");
    EXPECT_EQ(c["birth"], "1970-05-20");
    EXPECT_EQ(c["reception_number"], "A-001");
    EXPECT_EQ(c["window"], "3");
}

TEST_F(CliCase, ShowListAndStatusRoundTrip)
{
    auto c = addYamada();
    std::string id = std::to_string(c["id"].get<long long>());
    auto shown = cli({"case", "show", id, "--json"});
    ASSERT_EQ(shown.exitCode, 0) << shown.err;
    EXPECT_EQ(shown.json()["kana"], "ヤマダ タロウ");

    auto list = cli({"--json", "case", "list"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    ASSERT_TRUE(list.json().is_array());
    EXPECT_EQ(list.json().size(), 1u);

    auto found = cli({"case", "list", "--search", "やまだ", "--json"});
    ASSERT_EQ(found.exitCode, 0) << found.err;
    EXPECT_EQ(found.json().size(), 1u);

    auto moved = cli({"case", "status", id, "in-progress", "--json"});
    ASSERT_EQ(moved.exitCode, 0) << moved.err;
    EXPECT_EQ(moved.json()["status"], "in-progress");
    auto waiting = cli({"case", "status", id, "waiting", "--reason", "照会書待ち", "--json"});
    ASSERT_EQ(waiting.exitCode, 0) << waiting.err;
    EXPECT_EQ(waiting.json()["history"].size(), 3u);

    auto byStatus = cli({"case", "list", "--status", "waiting", "--json"});
    EXPECT_EQ(byStatus.json().size(), 1u);
}

TEST_F(CliCase, BadInputExitsTwoWithOneLineAndWritesNothing)
{
    struct Bad {
        std::vector<std::string> args;
        std::string mentions;
    };
    std::vector<Bad> cases = {
        {{"case", "add", "--procedure", "reissue", "--name", "山田", "--kana", "ヤマダ", "--birth", "2026-02-30"},
         "--birth"},
        {{"case", "add", "--procedure", "renew", "--name", "山田", "--kana", "ヤマダ", "--birth", "1970-01-01"},
         "procedure"},
        {{"case", "add", "--procedure", "reissue", "--name", "山田", "--kana", "Yamada", "--birth", "1970-01-01"},
         "kana"},
        {{"case", "add", "--procedure", "reissue", "--name", "山田", "--birth", "1970-01-01"}, "kana"},
        {{"case", "add", "--procedure", "reissue", "--name", "山田", "--kana", "ヤマダ", "--birth", "1970-01-01",
          "--applicant", "proxy"},
         "proxy"},
        {{"case", "show", "abc"}, "abc"},
        {{"case", "show", "99"}, "99"},
        {{"case", "frobnicate"}, "frobnicate"},
        {{"case", "list", "--date", "yesterday"}, "--date"},
        {{"nonsense"}, "nonsense"},
    };
    for (const auto& b : cases) {
        auto r = cli(b.args);
        EXPECT_EQ(r.exitCode, 2) << b.args[1] << " " << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_NE(r.err.find(b.mentions), std::string::npos) << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
    }
    auto check = cli({"db", "check", "--json"});
    ASSERT_EQ(check.exitCode, 0) << check.err;
    EXPECT_EQ(check.json()["cases"], 0);
}

TEST_F(CliCase, IllegalStatusChangeSaysWhy)
{
    auto c = addYamada();
    std::string id = std::to_string(c["id"].get<long long>());
    auto r = cli({"case", "status", id, "done"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("not allowed"), std::string::npos) << r.err;
    auto w = cli({"case", "status", id, "withdrawn"});
    EXPECT_EQ(w.exitCode, 2);
    EXPECT_NE(w.err.find("reason"), std::string::npos) << w.err;
}

TEST_F(CliCase, DbCheckAndBackup)
{
    addYamada();
    auto check = cli({"db", "check"});
    EXPECT_EQ(check.exitCode, 0) << check.err;
    EXPECT_NE(check.out.find("ok"), std::string::npos);
    auto target = (dir / "copy.db").string();
    auto b = cli({"db", "backup", target});
    ASSERT_EQ(b.exitCode, 0) << b.err;
    auto fromCopy = runCli({"--db", target, "case", "list", "--search", "山田", "--json"}, "", admin);
    ASSERT_EQ(fromCopy.exitCode, 0) << fromCopy.err;
    EXPECT_EQ(fromCopy.json().size(), 1u);
    EXPECT_EQ(cli({"db", "backup", target}).exitCode, 2); // never overwrites
}

TEST_F(CliCase, UnreadableDatabaseIsAnEnvironmentFault)
{
    auto r = runCli({"--db", "/proc/madoguchi/none.db", "case", "list"});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_NE(r.exitCode, 2);
    EXPECT_FALSE(r.err.empty());
}

TEST_F(CliCase, EachOfficeNumbersItsOwnDay)
{
    EXPECT_EQ(addYamada()["reception_number"], "A-001"); // office "main"
    std::vector<std::string> add = {"case",   "add",           "--procedure", "reissue",    "--name", "東 花子",
                                    "--kana", "ヒガシ ハナコ", "--birth",     "1980-01-02", "--json"};
    auto args = add;
    args.insert(args.begin(), {"--db", db, "--office-code", "east"});
    auto east = runCli(args, "", admin);
    ASSERT_EQ(east.exitCode, 0) << east.err;
    EXPECT_EQ(east.json()["reception_number"], "A-001");
    // The environment says the same for a desk's scripts; the option wins over it.
    auto env = admin;
    env.push_back("MADOGUCHI_OFFICE=east");
    args = add;
    args.insert(args.begin(), {"--db", db});
    auto second = runCli(args, "", env);
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_EQ(second.json()["reception_number"], "A-002");
    args.insert(args.begin(), {"--office-code=main"});
    auto main = runCli(args, "", env);
    ASSERT_EQ(main.exitCode, 0) << main.err;
    EXPECT_EQ(main.json()["reception_number"], "A-002");
    // Each office's day list has its own cases.
    auto list = runCli({"--db", db, "--office-code", "east", "case", "list", "--json"}, "", admin);
    ASSERT_EQ(list.exitCode, 0) << list.err;
    EXPECT_EQ(list.json().size(), 2u);
}

TEST_F(CliCase, AnOfficeCodeWithASpaceIsBadInput)
{
    auto r = runCli({"--db", db, "--office-code", "north office", "case", "list"}, "", admin);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("office code"), std::string::npos) << r.err;
}
