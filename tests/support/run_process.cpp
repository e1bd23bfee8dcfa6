#include "tests/support/run_process.hpp"

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace madoguchi::test {

nlohmann::json ProcessResult::json() const
{
    try {
        return nlohmann::json::parse(out);
    } catch (const std::exception& e) {
        throw std::runtime_error("not JSON (" + std::string(e.what()) + "): stdout=" + out + " stderr=" + err);
    }
}

void execInChild(const std::vector<std::string>& argv, const std::vector<std::string>& extraEnv)
{
    for (const auto& e : extraEnv)
        putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    std::string msg = "exec " + argv[0] + ": " + std::strerror(errno) + "\n";
    (void)!write(2, msg.data(), msg.size());
    _exit(127);
}

ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& stdinText,
                         const std::vector<std::string>& extraEnv, const std::string& workingDirectory)
{
    int in[2], out[2], err[2];
    if (pipe(in) || pipe(out) || pipe(err))
        throw std::runtime_error("pipe failed");
    pid_t pid = fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]})
            close(fd);
        if (!workingDirectory.empty() && chdir(workingDirectory.c_str()) != 0)
            _exit(126);
        execInChild(argv, extraEnv);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    (void)!write(in[1], stdinText.data(), stdinText.size());
    close(in[1]);
    ProcessResult r;
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    int open = 2;
    char buf[65536];
    while (open > 0) {
        if (poll(fds, 2, -1) < 0 && errno != EINTR)
            break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP)))
                continue;
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            } else {
                (i == 0 ? r.out : r.err).append(buf, static_cast<std::size_t>(n));
            }
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

ProcessResult runCli(const std::vector<std::string>& args, const std::string& stdinText,
                     const std::vector<std::string>& extraEnv, const std::string& workingDirectory)
{
    std::vector<std::string> argv{MADOGUCHI_CLI_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv, stdinText, extraEnv, workingDirectory);
}

} // namespace madoguchi::test
