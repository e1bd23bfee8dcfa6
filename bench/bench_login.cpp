// How long a refused login takes, by kind of refusal (issue #20: an unknown name took 0.24 s and a
// known one 0.14 s, which told which names exist). Interleaved samples of each kind against a real
// SQLite case book (or --db postgresql://…), with the throttle's counts cleared between samples so
// that the delay (db/login_throttle.hpp) does not enter the figure; prints each kind's median and
// mean, and Welch's t of every kind against the wrong password (|t| < 2: no difference that the
// samples can tell).
//   bench_login [--samples N] [--db URL]
#include "core/common/errors.hpp"
#include "db/case_store.hpp"
#include "db/user_store.hpp"

#include <SQLiteCpp/Database.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <numeric>
#include <pqxx/pqxx>
#include <string>
#include <unistd.h>
#include <vector>

using namespace madoguchi;
using Clock = std::chrono::steady_clock;

namespace {

struct Figures {
    double median, mean, sd;
};

Figures figuresOf(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    double mean = std::accumulate(v.begin(), v.end(), 0.0) / v.size();
    double ss = 0;
    for (double x : v)
        ss += (x - mean) * (x - mean);
    return {v[v.size() / 2], mean, std::sqrt(ss / (v.size() - 1))};
}

double welchT(const std::vector<double>& a, const std::vector<double>& b)
{
    auto fa = figuresOf(a), fb = figuresOf(b);
    return (fa.mean - fb.mean) / std::sqrt(fa.sd * fa.sd / a.size() + fb.sd * fb.sd / b.size());
}

} // namespace

int main(int argc, char** argv)
{
    int samples = 40;
    std::string url;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--samples"))
            samples = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--db"))
            url = argv[i + 1];
    }
    auto dir = std::filesystem::temp_directory_path() / ("bench_login_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    bool sqlite = url.empty();
    if (sqlite)
        url = (dir / "book.db").string();
    auto store = db::openStore(url);
    db::UserStore& users = store->users();
    db::Actor admin{"admin", Role::Admin};
    if (!users.hasUsers())
        users.createFirstAdmin("admin", "admin-pass-1");
    try {
        users.addUser("hanako", Role::Clerk, "clerk-pass-1", admin);
        users.addUser("jiro", Role::Clerk, "clerk-pass-2", admin);
        users.setActive("jiro", false, admin);
    } catch (const ValidationError&) {
        // a PostgreSQL book from an earlier run has them
    }
    auto clearCounts = [&] {
        if (sqlite) {
            SQLite::Database raw(url, SQLite::OPEN_READWRITE);
            raw.exec("DELETE FROM login_failures");
        } else {
            pqxx::connection c(url);
            pqxx::work tx(c);
            tx.exec0("DELETE FROM login_failures");
            tx.commit();
        }
    };
    std::map<std::string, std::function<void()>> kinds{
        {"unknown name", [&] { users.authenticate("nobody", "clerk-pass-1"); }},
        {"wrong password", [&] { users.authenticate("hanako", "wrong-pass-1"); }},
        {"switched off, right password", [&] { users.authenticate("jiro", "clerk-pass-2"); }},
    };
    std::map<std::string, std::vector<double>> ms;
    for (int s = 0; s < samples; ++s)
        for (auto& [kind, attempt] : kinds) {
            clearCounts();
            auto t0 = Clock::now();
            try {
                attempt();
            } catch (const AccessDenied&) {
            }
            ms[kind].push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        }
    std::printf("refused logins on %s, %d samples each (ms)\n", sqlite ? "SQLite" : "PostgreSQL", samples);
    std::printf("%-30s %8s %8s %8s %12s\n", "kind", "median", "mean", "sd", "t vs wrong");
    for (auto& [kind, v] : ms) {
        auto f = figuresOf(v);
        std::printf("%-30s %8.1f %8.1f %8.1f %12.2f\n", kind.c_str(), f.median, f.mean, f.sd,
                    kind == "wrong password" ? 0.0 : welchT(v, ms["wrong password"]));
    }
    store.reset();
    std::filesystem::remove_all(dir);
    return 0;
}
