#pragma once
// What the case book benchmarks share: timing a query many times, and the substrings a clerk types.
#include "core/text/search_fold.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace madoguchi::bench {

using Clock = std::chrono::steady_clock;

struct Figures {
    double p50, p95;
    std::size_t rows;
};

inline Figures measure(int runs, const std::function<std::size_t(int)>& query)
{
    std::vector<double> ms;
    std::size_t rows = 0;
    for (int i = 0; i < runs; ++i) {
        auto t0 = Clock::now();
        rows += query(i);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
    return {at(0.50), at(0.95), rows / static_cast<std::size_t>(runs)};
}

// A substring of 1..3 characters of a name, as a clerk would type it.
inline std::string substringOf(const std::string& name, std::mt19937_64& rng)
{
    std::string folded = foldForSearch(name);
    std::vector<std::string> chars;
    for (std::size_t i = 0; i < folded.size();) {
        std::size_t len = 1;
        unsigned char c = static_cast<unsigned char>(folded[i]);
        if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        chars.push_back(folded.substr(i, len));
        i += len;
    }
    std::size_t n = 1 + rng() % std::min<std::size_t>(3, chars.size());
    std::size_t start = rng() % (chars.size() - n + 1);
    std::string out;
    for (std::size_t i = start; i < start + n; ++i)
        out += chars[i];
    return out;
}

} // namespace madoguchi::bench
