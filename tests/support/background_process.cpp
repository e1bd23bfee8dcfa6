#include "tests/support/background_process.hpp"

#include "tests/support/run_process.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace madoguchi::test {

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv, const std::filesystem::path& stderrFile,
                                     const std::vector<std::string>& extraEnv)
    : stderrFile_(stderrFile)
{
    int out[2];
    if (pipe(out))
        throw std::runtime_error("pipe failed");
    pid_t parent = getpid();
    pid_ = fork();
    if (pid_ < 0)
        throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(127); // the test died between fork and prctl
        int err = open(stderrFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        int devnull = open("/dev/null", O_RDONLY);
        dup2(devnull, 0);
        dup2(out[1], 1);
        if (err >= 0)
            dup2(err, 2);
        close(out[0]);
        close(out[1]);
        execInChild(argv, extraEnv);
    }
    close(out[1]);
    out_ = out[0];
}

BackgroundProcess::~BackgroundProcess()
{
    stop();
    if (out_ >= 0)
        close(out_);
}

std::string BackgroundProcess::readLine(std::chrono::milliseconds timeout)
{
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (auto nl = buffered_.find('\n'); nl != std::string::npos) {
            std::string line = buffered_.substr(0, nl);
            buffered_.erase(0, nl + 1);
            return line;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || out_ < 0)
            return "";
        pollfd p{out_, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(left.count())) <= 0)
            continue;
        char buf[4096];
        ssize_t n = read(out_, buf, sizeof buf);
        if (n <= 0) {
            close(out_);
            out_ = -1;
            return "";
        }
        buffered_.append(buf, static_cast<std::size_t>(n));
    }
}

int BackgroundProcess::wait(std::chrono::milliseconds timeout)
{
    if (pid_ < 0)
        return exitCode_;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        int status = 0;
        pid_t r = waitpid(pid_, &status, WNOHANG);
        if (r == pid_) {
            exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            pid_ = -1;
            return exitCode_;
        }
        if (std::chrono::steady_clock::now() >= deadline)
            return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

int BackgroundProcess::stop()
{
    if (pid_ < 0)
        return exitCode_;
    kill(pid_, SIGTERM);
    if (wait(std::chrono::seconds(10)) >= 0)
        return exitCode_;
    kill(pid_, SIGKILL);
    return wait(std::chrono::seconds(10));
}

std::string BackgroundProcess::stderrText() const
{
    std::ifstream in(stderrFile_);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace madoguchi::test
