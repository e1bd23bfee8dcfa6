#pragma once
// How failed logins slow the next attempt and when they lock an account, the same on both
// backends (issue #20: about 12 guesses a second were possible, with no lock at all).
//
// Failures are counted per typed user name and per desk (the machine and operating-system user
// the program runs as), in the case book, so a new process or another window does not start
// afresh. The first few failures are typing slips and cost nothing; after that each attempt
// waits longer, up to a ceiling. A known user whose name fails kLockAfter times in a row is
// switched off, as an admin would do, and an admin lifts the lock by switching the account on
// again (`user enable`, audited). A success clears the name's and the desk's count; failures
// older than kForgetAfter no longer count towards the delay.
#include <chrono>
#include <string>

namespace madoguchi::db::login_throttle {

inline constexpr int kFreeFailures = 5;
inline constexpr int kLockAfter = 10;
inline constexpr std::chrono::milliseconds kFirstDelay{250};
inline constexpr std::chrono::milliseconds kLongestDelay{4000};
inline constexpr std::chrono::minutes kForgetAfter{15};

// The wait before judging the next attempt after `failures` failures in a row.
std::chrono::milliseconds delayAfter(int failures);

// The keys of the two counts: "name:" and a digest of the typed name (never the text itself),
// "desk:host/osuser".
std::string nameKey(const std::string& typedName);
std::string deskKey(const std::string& desk);

// Failures recorded at `lastFailedAt` (ISO timestamp) still count at `nowIso`?
bool stillCounts(const std::string& lastFailedAt, const std::string& nowIso);

} // namespace madoguchi::db::login_throttle
