// The renewal forecast over a city's register (issue #18: 200,000 cards, a city of Kodaira's size,
// goal ≤ 1 s on one core): 24 months and their weeks, every date from the deadline engine. Also the
// register's round trip through the SQLite case book (import, then the read the forecast does).
//   bench_forecast [--cards N] [--runs R] [--db PATH]
#include "core/register/forecast.hpp"
#include "db/card_register.hpp"
#include "db/case_store.hpp"
#include "db/user_store.hpp"
#include "tests/register/generated_register.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

using namespace madoguchi;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv)
{
    std::size_t n = 200000;
    int runs = 5;
    std::string dbPath;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--cards"))
            n = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--runs"))
            runs = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--db"))
            dbPath = argv[i + 1];
    }
    auto t0 = Clock::now();
    const auto cards = test::generatedRegister(n);
    std::printf("generated %zu cards in %.0f ms\n", cards.size(), msSince(t0));

    std::vector<double> ms;
    Forecast f;
    for (int r = 0; r < runs; ++r) {
        auto t = Clock::now();
        f = computeForecast(cards, boost::gregorian::date(2026, 12, 1), 24, WeeklyCapacity{400, 600});
        ms.push_back(msSince(t));
    }
    std::sort(ms.begin(), ms.end());
    int renewals = 0;
    for (const auto& m : f.months)
        renewals += m.counts.cardRenewals + m.counts.certRenewals;
    std::printf("forecast, 24 months + %zu weeks over %zu cards: median %.0f ms, best %.0f ms, worst %.0f ms "
                "(%d renewals in the span)\n",
                f.weeks.size(), cards.size(), ms[ms.size() / 2], ms.front(), ms.back(), renewals);

    if (!dbPath.empty()) {
        std::filesystem::remove(dbPath);
        auto store = db::openStore(dbPath);
        store->users().createFirstAdmin("bench", "bench-pass-1");
        const db::Actor admin{"bench", Role::Admin};
        auto& reg = *store->cardRegister();
        auto t = Clock::now();
        auto put = reg.putIssuedCards(cards, "register.import", admin);
        std::printf("SQLite: import of %lld cards %.0f ms\n", static_cast<long long>(put.added), msSince(t));
        t = Clock::now();
        put = reg.putIssuedCards(cards, "register.import", admin);
        std::printf("SQLite: the same import again (%lld unchanged) %.0f ms\n", static_cast<long long>(put.unchanged),
                    msSince(t));
        t = Clock::now();
        auto back = reg.issuedCards(admin, "bench");
        double readMs = msSince(t);
        t = Clock::now();
        f = computeForecast(back, boost::gregorian::date(2026, 12, 1), 24, std::nullopt);
        std::printf("SQLite: read %zu cards %.0f ms, then the forecast %.0f ms\n", back.size(), readMs, msSince(t));
    }
    return 0;
}
