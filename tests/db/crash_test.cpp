// Kill -9 a writer at random moments: every case whose id it printed (acknowledged after commit)
// must be there afterwards, and the file must pass PRAGMA integrity_check.
#include "db/case_store.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <csignal>
#include <filesystem>
#include <gtest/gtest.h>
#include <poll.h>
#include <random>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace madoguchi;

namespace {

std::set<long long> killWriterAfter(const std::string& file, int millis)
{
    int out[2];
    EXPECT_EQ(pipe(out), 0);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        execl(CRASH_WRITER_PATH, CRASH_WRITER_PATH, file.c_str(), nullptr);
        _exit(127);
    }
    close(out[1]);
    std::string text;
    char buf[4096];
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(millis);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p{out[0], POLLIN, 0};
        if (poll(&p, 1, 5) > 0) {
            ssize_t n = read(out[0], buf, sizeof buf);
            if (n <= 0)
                break;
            text.append(buf, static_cast<std::size_t>(n));
        }
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    // Whatever was printed before the kill is still in the pipe.
    ssize_t n;
    while ((n = read(out[0], buf, sizeof buf)) > 0)
        text.append(buf, static_cast<std::size_t>(n));
    close(out[0]);
    std::set<long long> ids;
    std::size_t pos = 0;
    while (true) {
        auto nl = text.find('\n', pos);
        if (nl == std::string::npos)
            break; // a partial last line was not acknowledged
        ids.insert(std::stoll(text.substr(pos, nl - pos)));
        pos = nl + 1;
    }
    return ids;
}

} // namespace

TEST(CrashTest, AcknowledgedCasesSurviveKillNine)
{
    test::TempDir dir;
    std::string file = (dir / "crash.db").string();
    std::mt19937 rng(std::random_device{}());
    std::uniform_int_distribution<int> delay(20, 400);
    std::set<long long> acknowledged;
    for (int round = 0; round < 20; ++round) {
        int ms = delay(rng);
        auto ids = killWriterAfter(file, ms);
        acknowledged.insert(ids.begin(), ids.end());
        // Killed before it had made the file (its start takes ~100 ms here, the kill may come at
        // 20): nothing was acknowledged and nothing is there to check yet.
        if (!std::filesystem::exists(file)) {
            ASSERT_TRUE(acknowledged.empty()) << "round " << round;
            continue;
        }
        SQLite::Database raw(file, SQLite::OPEN_READWRITE);
        ASSERT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok") << "round " << round;
        auto store = db::openStore(file);
        ASSERT_TRUE(store->check().ok) << "round " << round;
        for (long long id : acknowledged)
            ASSERT_TRUE(store->find(id).has_value())
                << "case " << id << " lost in round " << round << " (killed after " << ms << " ms)";
    }
    EXPECT_GT(acknowledged.size(), 20u) << "the writer hardly wrote: the test proved little";
}
