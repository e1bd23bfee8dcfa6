#pragma once
// A program a test starts and leaves running while it works against it (madoguchi-display): its
// first lines of stdout can be read, its stderr goes to a file the test can read. It stops by
// itself: SIGTERM when the object goes, and the kernel kills it if the test process dies first
// (PR_SET_PDEATHSIG), so no server outlives its test.
#include <chrono>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace madoguchi::test {

class BackgroundProcess {
public:
    // `stderrFile`: where its stderr goes (truncated first).
    BackgroundProcess(const std::vector<std::string>& argv, const std::filesystem::path& stderrFile,
                      const std::vector<std::string>& extraEnv = {});
    ~BackgroundProcess();
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    // The next line of its stdout; "" when none comes within `timeout` or the program ended.
    std::string readLine(std::chrono::milliseconds timeout);
    // SIGTERM, then waits (SIGKILL after 10 s); the exit code (128 + signal when killed).
    int stop();
    // Waits for it to end by itself, up to `timeout`; the exit code, or -1 when still running.
    int wait(std::chrono::milliseconds timeout);
    pid_t pid() const { return pid_; }
    std::string stderrText() const;

private:
    pid_t pid_ = -1;
    int out_ = -1;
    std::string buffered_;
    std::filesystem::path stderrFile_;
    int exitCode_ = -1;
};

} // namespace madoguchi::test
