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
    // --create: a book that may be made but cannot be (a missing one is bad input, exit 2:
    // CliCaseBook.AMissingFileIsRefusedUnlessCreateOrInitAdmin).
    auto r = runCli({"--db", "/proc/madoguchi/none.db", "--create", "case", "list"});
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

// One visit, several procedures: `--procedure` more than once; `procedure` stays the first and
// `procedures` lists every line with its status and names; `case status --procedure` moves one.
class CliVisit : public CliCase {
protected:
    nlohmann::json addVisit()
    {
        auto r = cli({"case", "add", "--procedure", "pin-reset", "--procedure", "cert-renewal", "--name", "山田 太郎",
                      "--kana", "ヤマダ タロウ", "--birth", "1970-05-20", "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return r.json();
    }
};

TEST_F(CliVisit, AddTakesSeveralProceduresAndTheJsonListsThem)
{
    auto c = addVisit();
    EXPECT_EQ(c["procedure"], "pin-reset");
    EXPECT_EQ(c["status"], "received");
    ASSERT_EQ(c["procedures"].size(), 2u);
    EXPECT_EQ(c["procedures"][0]["procedure"], "pin-reset");
    EXPECT_EQ(c["procedures"][1]["procedure"], "cert-renewal");
    EXPECT_EQ(c["procedures"][1]["status"], "received");
    EXPECT_EQ(c["procedures"][1]["procedure_name"], "電子証明書の更新・発行");
    EXPECT_EQ(c["procedures"][1]["procedure_name_en"], "Electronic certificate renewal / issue");
    EXPECT_EQ(c["procedures"][1]["status_name"], "受付");
    EXPECT_EQ(c["procedures"][1]["status_name_en"], "Received");
    ASSERT_EQ(c["history"].size(), 1u);
    EXPECT_TRUE(c["history"][0]["procedure"].is_null());
    EXPECT_EQ(c["history"][0]["kind"], "status");
    // A one-procedure case has the list too, of one.
    EXPECT_EQ(addYamada()["procedures"].size(), 1u);

    auto list = cli({"case", "list", "--json"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    EXPECT_EQ(list.json()[0]["procedures"].size(), 2u);
    auto byLine = cli({"case", "list", "--procedure", "cert-renewal", "--json"});
    ASSERT_EQ(byLine.json().size(), 1u);
    EXPECT_EQ(byLine.json()[0]["id"], c["id"]);
    // The text list names every procedure of the visit.
    auto text = cli({"case", "list"});
    EXPECT_NE(text.out.find("暗証番号の再設定 + 電子証明書の更新・発行"), std::string::npos) << text.out;
    auto twice = cli({"case", "add", "--procedure", "pin-reset", "--procedure", "pin-reset", "--name", "山田", "--kana",
                      "ヤマダ", "--birth", "1970-05-20"});
    EXPECT_EQ(twice.exitCode, 2);
    EXPECT_NE(twice.err.find("twice"), std::string::npos) << twice.err;
}

TEST_F(CliVisit, StatusMovesOneProcedureOrTheWholeVisit)
{
    std::string id = std::to_string(addVisit()["id"].get<long long>());
    auto one = cli({"case", "status", id, "in-progress", "--procedure", "cert-renewal", "--json"});
    ASSERT_EQ(one.exitCode, 0) << one.err;
    EXPECT_EQ(one.json()["status"], "in-progress");
    EXPECT_EQ(one.json()["procedures"][0]["status"], "received");
    EXPECT_EQ(one.json()["procedures"][1]["status"], "in-progress");
    EXPECT_EQ(one.json()["history"][1]["procedure"], "cert-renewal");
    // Without --procedure: every open procedure, all of them allowed or none.
    auto refused = cli({"case", "status", id, "done"});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_NE(refused.err.find("pin-reset"), std::string::npos) << refused.err;
    auto all = cli({"case", "status", id, "in-progress", "--json"});
    ASSERT_EQ(all.exitCode, 0) << all.err;
    EXPECT_EQ(all.json()["procedures"][0]["status"], "in-progress");
    auto done = cli({"case", "status", id, "done", "--json"});
    ASSERT_EQ(done.exitCode, 0) << done.err;
    EXPECT_EQ(done.json()["status"], "done");
    EXPECT_EQ(done.json()["history"].size(), 5u);
    // A procedure the visit does not have; an unknown one.
    auto missing = cli({"case", "status", id, "in-progress", "--procedure", "reissue"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("reissue"), std::string::npos) << missing.err;
    EXPECT_EQ(cli({"case", "status", id, "in-progress", "--procedure", "renew"}).exitCode, 2);
    // Reopening names the procedure on a visit of several.
    auto unnamed = cli({"case", "reopen", id, "--reason", "再来庁"});
    EXPECT_EQ(unnamed.exitCode, 2);
    EXPECT_NE(unnamed.err.find("several procedures"), std::string::npos) << unnamed.err;
    auto reopened = cli({"case", "reopen", id, "--reason", "再来庁", "--procedure", "pin-reset", "--json"});
    ASSERT_EQ(reopened.exitCode, 0) << reopened.err;
    EXPECT_EQ(reopened.json()["procedures"][0]["status"], "in-progress");
    EXPECT_EQ(reopened.json()["procedures"][1]["status"], "done");
    EXPECT_EQ(reopened.json()["history"].back()["kind"], "reopen");
    // The text shows each procedure with its status and the history line by line.
    auto shown = cli({"case", "show", id});
    ASSERT_EQ(shown.exitCode, 0) << shown.err;
    EXPECT_NE(shown.out.find("電子証明書の更新・発行 (cert-renewal)  完了"), std::string::npos) << shown.out;
    EXPECT_NE(shown.out.find("cert-renewal: received → in-progress"), std::string::npos) << shown.out;
}
