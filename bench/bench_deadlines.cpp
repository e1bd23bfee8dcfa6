// Deadlines for 1,000,000 generated residents on one core (goal: ≤ 1 s). Prints the figures;
// asserts nothing. Usage: bench_deadlines [residents]
#include "core/rules/deadlines.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

using namespace madoguchi::rules;
using boost::gregorian::days;

int main(int argc, char** argv)
{
    const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1000000;
    const date today(2026, 11, 29);
    std::mt19937_64 rng(42);
    // A city's residents: births 1926–2026, cards issued 2016 to today, applications up to two
    // months before issue, certificates renewed (within 3 years) for a fifth, 3 % bound to a period of stay,
    // 5 % moved in during the last four months.
    std::vector<DeadlineInput> residents;
    residents.reserve(n);
    while (residents.size() < n) {
        DeadlineInput in;
        in.birth = date(1926, 1, 1) + days(static_cast<long>(rng() % (100 * 365)));
        in.cardIssued = date(2016, 1, 1) + days(static_cast<long>(rng() % (today - date(2016, 1, 1)).days()));
        if (in.cardIssued < in.birth)
            continue;
        in.applied = std::max(in.birth, in.cardIssued - days(static_cast<long>(rng() % 60)));
        if (rng() % 5 == 0)
            in.certIssued = std::min(today, in.cardIssued + days(static_cast<long>(rng() % 1200)));
        if (rng() % 100 < 3)
            in.stayUntil = in.cardIssued + days(static_cast<long>(365 + rng() % (5 * 365)));
        if (rng() % 100 < 5)
            in.movedIn = today - days(static_cast<long>(rng() % 120));
        in.today = today;
        // Certificates issued after a stay-bound card ended would be refused: keep inputs valid.
        if (in.certIssued && in.stayUntil && *in.certIssued > *in.stayUntil)
            in.certIssued.reset();
        residents.push_back(in);
    }

    std::size_t warnings = 0, noSignature = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (const auto& in : residents) {
        Deadlines d = computeDeadlines(in);
        warnings += d.warnings.size();
        noSignature += !d.signCertExpiry;
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("deadlines for %zu residents: %.3f s (%.0f ns each, one core)\n", n, s,
                s * 1e9 / static_cast<double>(n));
    std::printf("  %zu warnings, %zu without a signature certificate\n", warnings, noSignature);
    return 0;
}
