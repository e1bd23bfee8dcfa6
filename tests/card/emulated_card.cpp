#include "emulated_card.hpp"

#include "app/pcsc/pcsc_transport.hpp"
#include "core/card/card_error.hpp"
#include "tests/support/run_process.hpp"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/file.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace madoguchi::test {

namespace {

const std::string kCardDir = MADOGUCHI_TEST_SOURCE_DIR "/card";

bool reader0HasCard()
{
    pcsc::PcscTransport t(std::chrono::seconds(2));
    return t.cardPresent(kReader0);
}

} // namespace

Reader0Lock::Reader0Lock()
{
    fd_ = open("/tmp/madoguchi-vpcd-reader0.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd_ < 0 || flock(fd_, LOCK_EX) != 0)
        throw std::runtime_error("cannot lock /tmp/madoguchi-vpcd-reader0.lock");
}

Reader0Lock::~Reader0Lock()
{
    if (fd_ >= 0)
        close(fd_); // releases the flock
}

bool pcscdExpected()
{
    const char* v = std::getenv("MADOGUCHI_PCSCD");
    return v && std::string(v) == "1";
}

std::string pcscdProblem()
{
    try {
        pcsc::PcscTransport t(std::chrono::seconds(2));
        auto readers = t.readers();
        for (const auto& r : readers)
            if (r == kReader0)
                return {};
        return "pcscd runs but lists no \"" + kReader0 + "\" (vsmartcard-vpcd not loaded)";
    } catch (const card::CardError& e) {
        return std::string("pcscd is not reachable: ") + e.english() +
               " — start it with scripts/services/start-pcscd.sh ENV_FILE (scripts/test.sh does)";
    }
}

bool waitForReader0(bool cardPresent, double seconds)
{
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    while (std::chrono::steady_clock::now() < deadline) {
        try {
            if (reader0HasCard() == cardPresent)
                return true;
        } catch (const card::CardError&) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

std::filesystem::path makeAuthCertificate(const TempDir& dir, const std::string& notAfter, const std::string& name)
{
    auto out = dir / name;
    auto r = runProcess({kCardDir + "/make-auth-cert.sh", out.string(), notAfter});
    if (r.exitCode != 0)
        throw std::runtime_error("make-auth-cert.sh failed: " + r.err);
    return out;
}

std::filesystem::path writeProfile(const TempDir& dir, const nlohmann::json& changes)
{
    if (!std::filesystem::exists(dir / "auth.der"))
        makeAuthCertificate(dir, "20310520145959Z");
    nlohmann::json profile = {
        {"card", "mynumber"},
        {"name", "山田 太郎"},
        {"address", "東京都千代田区霞が関一丁目2番3号"},
        {"birth", "19700520"},
        {"sex", "1"},
        {"my_number", "123456789018"},
        {"pins",
         {{"card_info", {{"value", "1234"}, {"tries", 3}}},
          {"user_auth", {{"value", "5678"}, {"tries", 3}}},
          {"signature", {{"value", "ABC123"}, {"tries", 5}}},
          {"residence", {{"value", "1111"}, {"tries", 3}}}}},
        {"auth_cert", "auth.der"},
    };
    profile.merge_patch(changes);
    auto path = dir / "profile.json";
    std::ofstream(path) << profile.dump(2);
    return path;
}

EmulatedCard::EmulatedCard(const TempDir& dir, const std::filesystem::path& profile,
                           const std::vector<std::string>& extraArgs)
    : log_(dir / "apdu.log")
{
    // The card of the test before must have left the reader first, or we would see it.
    if (!waitForReader0(false, 5))
        throw std::runtime_error("reader 0 still holds a card from before");
    std::vector<std::string> argv{
        "python3", kCardDir + "/mynumber_card_emulator.py", "--profile", profile.string(), "--log", log_.string()};
    argv.insert(argv.end(), extraArgs.begin(), extraArgs.end());
    pid_ = fork();
    if (pid_ < 0)
        throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        std::vector<char*> args;
        for (auto& a : argv)
            args.push_back(a.data());
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    if (!waitForReader0(true, 10)) {
        pullOut();
        throw std::runtime_error("pcscd did not see the emulated card within 10 s");
    }
}

EmulatedCard::~EmulatedCard()
{
    pullOut();
}

void EmulatedCard::pullOut()
{
    if (pid_ <= 0)
        return;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    waitForReader0(false, 5);
}

std::string EmulatedCard::logText() const
{
    std::ifstream in(log_);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int EmulatedCard::commandsLogged() const
{
    std::istringstream in(logText());
    int n = 0;
    for (std::string line; std::getline(in, line);)
        if (line.rfind("> ", 0) == 0)
            ++n;
    return n;
}

} // namespace madoguchi::test
