// The card through real pcscd: APDUs and wall time of madoguchi-cli card status / triage / read
// against our emulator (triage's goal, issue #17: at most 12 APDUs and 1 s), beside OpenSC's pkcs15-tool
// --read-certificate for the same certificate on the same emulated card. Needs pcscd with vsmartcard-vpcd
// (scripts/services/start-pcscd.sh).
//   bench_card [RUNS]
#include "bench/bench_timing.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using madoguchi::bench::measure;

namespace {

const std::string kCardDir = MADOGUCHI_SOURCE_DIR "/tests/card";

// Runs argv with `input` on stdin and its output thrown away; the exit code.
int run(const std::vector<std::string>& argv, const std::string& input = "", const std::vector<std::string>& env = {})
{
    int in[2];
    if (pipe(in) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        close(in[0]);
        close(in[1]);
        std::FILE* null = std::fopen("/dev/null", "w");
        dup2(fileno(null), 1);
        dup2(fileno(null), 2);
        for (const auto& e : env)
            putenv(const_cast<char*>(e.c_str()));
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    close(in[0]);
    (void)!write(in[1], input.data(), input.size());
    close(in[1]);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::size_t commandsIn(const fs::path& log)
{
    std::ifstream in(log);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);)
        n += line.rfind("> ", 0) == 0;
    return n;
}

} // namespace

int main(int argc, char** argv)
{
    int runs = argc > 1 ? std::atoi(argv[1]) : 20;
    fs::path dir = fs::temp_directory_path() / ("bench_card." + std::to_string(getpid()));
    fs::create_directories(dir);
    if (run({kCardDir + "/make-auth-cert.sh", (dir / "auth.der").string(), "20310520145959Z"}) != 0) {
        std::fprintf(stderr, "bench_card: make-auth-cert.sh failed (openssl installed?)\n");
        return 1;
    }
    std::ofstream(dir / "profile.json")
        << R"({"card":"mynumber","name":"山田 太郎","address":"東京都千代田区霞が関一丁目2番3号",
 "birth":"19700520","sex":"1","my_number":"123456789018","auth_cert":"auth.der",
 "pins":{"card_info":{"value":"1234","tries":3},"residence":{"value":"1111","tries":3}}})";
    fs::path log = dir / "apdu.log";
    pid_t emulator = fork();
    if (emulator == 0) {
        std::string emu = kCardDir + "/mynumber_card_emulator.py";
        std::string profile = (dir / "profile.json").string(), logPath = log.string();
        execlp("python3", "python3", emu.c_str(), "--profile", profile.c_str(), "--log", logPath.c_str(), nullptr);
        _exit(127);
    }
    const std::string cli = MADOGUCHI_CLI_PATH;
    const std::string reader = "Virtual PCD 00 00";
    // Wait for pcscd to see the card.
    bool ready = false;
    for (int i = 0; i < 100 && !ready; ++i) {
        ready = run({cli, "card", "status", "--reader", reader}) == 0;
        if (!ready)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (!ready) {
        std::fprintf(stderr,
                     "bench_card: no card in \"%s\": is pcscd running with vsmartcard-vpcd? "
                     "(scripts/services/start-pcscd.sh ENV_FILE)\n",
                     reader.c_str());
        kill(emulator, SIGTERM);
        waitpid(emulator, nullptr, 0);
        return 1;
    }

    struct Case {
        const char* name;
        std::vector<std::string> argv;
        std::string input;
        std::vector<std::string> env;
    };
    std::vector<Case> cases = {
        {"madoguchi-cli card status", {cli, "card", "status", "--json", "--reader", reader}, "", {}},
        {"madoguchi-cli card triage (PINs + certificate)",
         {cli, "card", "triage", "--json", "--reader", reader},
         "",
         {}},
        {"madoguchi-cli card read (auth certificate)", {cli, "card", "read", "--json", "--reader", reader}, "", {}},
        {"madoguchi-cli card read --with-pin",
         {cli, "card", "read", "--json", "--with-pin", "--reader", reader},
         "1234\n",
         {}},
        {"pkcs15-tool --read-certificate (driver jpki)",
         {"pkcs15-tool", "--reader", "0", "--read-certificate", "01"},
         "",
         {"OPENSC_DRIVER=jpki"}},
        {"pkcs15-tool --read-certificate (drivers probed)",
         {"pkcs15-tool", "--reader", "0", "--read-certificate", "01"},
         "",
         {}},
    };
    std::printf("%-50s %8s %10s %10s\n", "command (emulated card through pcscd)", "APDUs", "p50 ms", "p95 ms");
    bool failed = false;
    for (const auto& c : cases) {
        int bad = 0;
        auto f = measure(runs, [&](int) {
            std::ofstream(log, std::ios::trunc).close();
            bad += run(c.argv, c.input, c.env) != 0;
            return commandsIn(log);
        });
        std::printf("%-50s %8zu %10.1f %10.1f%s\n", c.name, f.rows, f.p50, f.p95, bad ? "  (some runs failed)" : "");
        failed |= bad != 0;
    }
    kill(emulator, SIGTERM);
    waitpid(emulator, nullptr, 0);
    fs::remove_all(dir);
    return failed ? 1 : 0;
}
