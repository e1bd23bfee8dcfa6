#pragma once
// The fixture of the card tests through pcscd (card_cli_test.cpp, card_triage_test.cpp): skips
// outside scripts/test.sh, holds reader 0's lock, runs madoguchi-cli.
#include "emulated_card.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <memory>

namespace madoguchi::test {

class CardCli : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!pcscdExpected())
            GTEST_SKIP() << "card tests through pcscd run under scripts/test.sh (scripts/services/start-pcscd.sh "
                            "sets MADOGUCHI_PCSCD=1)";
        auto problem = pcscdProblem();
        ASSERT_TRUE(problem.empty()) << problem;
        reader0 = std::make_unique<Reader0Lock>();
    }
    void TearDown() override { reader0.reset(); }

    std::unique_ptr<Reader0Lock> reader0; // released after the test's card has left

    // A read with the PIN is a logged-in, audited act (issue #20): it runs against a case book
    // in the test's folder, as its admin, unless the test gives its own --db.
    ProcessResult cli(std::vector<std::string> args, const std::string& stdinText = "",
                      std::vector<std::string> env = {})
    {
        bool withPin = std::find(args.begin(), args.end(), "--with-pin") != args.end();
        if (withPin && std::find(args.begin(), args.end(), "--db") == args.end()) {
            args.insert(args.begin(), {"--db", book()});
            auto login = cliUser("admin", "admin-pass-1");
            env.insert(env.end(), login.begin(), login.end());
        }
        args.insert(args.begin(), MADOGUCHI_CLI_PATH);
        return runProcess(args, stdinText, env);
    }
    std::string book()
    {
        std::string path = (dir / "book.db").string();
        if (!std::filesystem::exists(path)) {
            auto init = runCli({"--db", path, "user", "init-admin", "--name", "admin"}, "admin-pass-1\n");
            EXPECT_EQ(init.exitCode, 0) << init.err;
        }
        return path;
    }
    ProcessResult status() { return cli({"card", "status", "--json", "--reader", kReader0}); }
    ProcessResult read(const std::string& pin = "", std::vector<std::string> more = {})
    {
        std::vector<std::string> a{"card", "read", "--json", "--reader", kReader0};
        if (!pin.empty())
            a.push_back("--with-pin");
        a.insert(a.end(), more.begin(), more.end());
        return cli(a, pin.empty() ? "" : pin + "\n");
    }

    TempDir dir;
};

inline std::string errorKind(const ProcessResult& r)
{
    return r.json()["error"]["kind"].get<std::string>();
}

} // namespace madoguchi::test
