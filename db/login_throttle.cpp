#include "db/login_throttle.hpp"

#include "core/common/clock.hpp"
#include "core/security/digest.hpp"

#include <algorithm>
#include <chrono>

namespace madoguchi::db::login_throttle {

std::chrono::milliseconds delayAfter(int failures)
{
    if (failures <= kFreeFailures)
        return std::chrono::milliseconds(0);
    // 0.25 s, 0.5 s, 1 s, 2 s, then 4 s for every further attempt: at most 15 guesses a minute.
    int doublings = std::min(failures - kFreeFailures - 1, 16);
    return std::min(kLongestDelay, kFirstDelay * (1 << doublings));
}

std::string nameKey(const std::string& typedName)
{
    // What was typed as a name may be anything (a password typed a field early): kept as a digest.
    return "name:" + digestHex(typedName, 16);
}

std::string deskKey(const std::string& desk)
{
    return "desk:" + (desk.empty() ? std::string("?") : desk);
}

bool stillCounts(const std::string& lastFailedAt, const std::string& nowIso)
{
    auto then = epochSeconds(lastFailedAt), at = epochSeconds(nowIso);
    if (!then || !at)
        return true; // a stamp we cannot read counts: a guesser gains nothing from it
    return std::chrono::seconds(*at - *then) < kForgetAfter;
}

} // namespace madoguchi::db::login_throttle
