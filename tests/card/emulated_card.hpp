#pragma once
// The test side of the card rig: a profile for the emulator (mynumber_card_emulator.py), the
// emulator started as a child process in vpcd's reader 0, and a check that pcscd is there.
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/types.h>
#include <vector>

namespace madoguchi::test {

inline const std::string kReader0 = "Virtual PCD 00 00";

// Empty when the card tests may run; otherwise why not. Under scripts/test.sh
// (MADOGUCHI_PCSCD=1) a missing pcscd is a failure, not a reason to skip.
std::string pcscdProblem();
bool pcscdExpected();

// A user-authentication certificate made with openssl (tests/card/make-auth-cert.sh).
std::filesystem::path makeAuthCertificate(const TempDir& dir, const std::string& notAfter,
                                          const std::string& name = "auth.der");

// A profile with the defaults of the demo card; `changes` is merged over it (JSON merge patch).
std::filesystem::path writeProfile(const TempDir& dir, const nlohmann::json& changes = nlohmann::json::object());

// vpcd has one reader 0 for the whole machine, and work trees may run their tests at the same
// time (ctest's RESOURCE_LOCK only orders one ctest run): each test holds this lock, a flock on
// a file in /tmp, while it uses reader 0.
class Reader0Lock {
public:
    Reader0Lock();
    ~Reader0Lock();
    Reader0Lock(const Reader0Lock&) = delete;
    Reader0Lock& operator=(const Reader0Lock&) = delete;

private:
    int fd_ = -1;
};

class EmulatedCard {
public:
    // Starts the emulator with `profile` and extra arguments (--fault ...), logging APDUs to
    // log(); returns once pcscd sees the card in reader 0.
    EmulatedCard(const TempDir& dir, const std::filesystem::path& profile,
                 const std::vector<std::string>& extraArgs = {});
    ~EmulatedCard();
    EmulatedCard(const EmulatedCard&) = delete;
    EmulatedCard& operator=(const EmulatedCard&) = delete;

    std::filesystem::path log() const { return log_; }
    std::string logText() const;
    int commandsLogged() const; // APDUs the card received
    void pullOut();             // the card leaves the reader

private:
    pid_t pid_ = -1;
    std::filesystem::path log_;
};

// Waits until pcscd reports reader 0 empty (or with a card), up to `seconds`.
bool waitForReader0(bool cardPresent, double seconds);

} // namespace madoguchi::test
