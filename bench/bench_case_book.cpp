// The case book under load: builds a database of N cases (default 1,000,000) with realistic
// Japanese names, then prints the bulk insert rate and p50/p95 of the searches a counter makes,
// each beside the same query done as a naive LIKE '%…%' scan.
//   bench_case_book [--cases N] [--db PATH] [--reuse | --insert-only] [--two-procedures-every K]
// (--two-procedures-every: one visit in K has two procedures; default 10, 0 for none)
#include "bench/case_book_load.hpp"
#include "bench/realistic_names.hpp"
#include "core/common/clock.hpp"
#include "core/text/search_fold.hpp"
#include "db/case_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace madoguchi;
using bench::Clock;

namespace {

using bench::Figures;
using bench::measure;
using bench::substringOf;

void print(const char* what, const Figures& ours, const Figures& naive)
{
    std::printf("%-28s p50 %8.3f ms  p95 %8.3f ms  (%5zu rows) | naive LIKE: p50 %8.2f ms  p95 %8.2f ms\n", what,
                ours.p50, ours.p95, ours.rows, naive.p50, naive.p95);
}

} // namespace

int main(int argc, char** argv)
{
    std::size_t cases = 1'000'000;
    std::string path = (std::filesystem::temp_directory_path() / "madoguchi-bench.db").string();
    bool reuse = false, insertOnly = false;
    int twoEvery = 10;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--cases") && i + 1 < argc)
            cases = std::stoul(argv[++i]);
        else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
            path = argv[++i];
        else if (!std::strcmp(argv[i], "--reuse"))
            reuse = true;
        else if (!std::strcmp(argv[i], "--insert-only"))
            insertOnly = true;
        else if (!std::strcmp(argv[i], "--two-procedures-every") && i + 1 < argc)
            twoEvery = std::stoi(argv[++i]);
    }
    bench::BookShape shape = bench::shapeFor(cases);
    shape.twoProcedureEvery = twoEvery;
    std::mt19937_64 rng(20261129);

    if (!reuse) {
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path + suffix);
        auto loading = db::openStore(path);
        double s = bench::loadCases(*loading, shape, rng);
        std::printf("bulk insert: %zu cases in %.1f s = %.0f cases/s (50,000 per transaction, synchronous=FULL)\n",
                    cases, s, cases / s);
        // Closing checkpoints the write-ahead log into the database file: not needed for the
        // cases to be safe (each commit was), but part of what an import costs the machine.
        auto t0 = Clock::now();
        loading.reset();
        double closing = std::chrono::duration<double>(Clock::now() - t0).count();
        std::printf("closing the book (final checkpoint): %.1f s; with it %.0f cases/s\n", closing,
                    cases / (s + closing));
    }
    if (insertOnly)
        return 0;
    auto store = db::openStore(path);
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    std::printf("database: %s, %.0f MB\n", path.c_str(), std::filesystem::file_size(path) / 1048576.0);

    auto naive = [&](const std::string& sql, std::vector<std::string> args) {
        SQLite::Statement st(raw, sql);
        for (std::size_t i = 0; i < args.size(); ++i)
            st.bind(static_cast<int>(i + 1), args[i]);
        std::size_t n = 0;
        while (st.executeStep())
            ++n;
        return n;
    };
    const int runs = 300, naiveRuns = 15;
    const char* naiveCols = "SELECT id, reception_number, procedure, status, name, kana, birth FROM cases";

    const auto [prefixes, substrings, births, daysList] = bench::searchInputs(shape, rng, runs);

    db::CaseQuery q;
    q.limit = 100;
    print("kana prefix (limit 100)",
          measure(runs,
                  [&](int i) {
                      db::CaseQuery k = q;
                      k.kanaPrefix = prefixes[i];
                      return store->search(k).size();
                  }),
          measure(naiveRuns, [&](int i) {
              return naive(std::string(naiveCols) + " WHERE kana LIKE ? LIMIT 100", {"%" + prefixes[i] + "%"});
          }));
    print("kanji substring (limit 100)",
          measure(runs,
                  [&](int i) {
                      db::CaseQuery k = q;
                      k.text = substrings[i];
                      return store->search(k).size();
                  }),
          measure(naiveRuns, [&](int i) {
              return naive(std::string(naiveCols) + " WHERE name LIKE ? LIMIT 100", {"%" + substrings[i] + "%"});
          }));
    print("birth date",
          measure(runs,
                  [&](int i) {
                      db::CaseQuery k = q;
                      k.birth = boost::gregorian::from_simple_string(births[i]);
                      return store->search(k).size();
                  }),
          measure(naiveRuns, [&](int i) {
              return naive(std::string(naiveCols) + " WHERE birth LIKE ? LIMIT 100", {"%" + births[i] + "%"});
          }));
    print("one day's list",
          measure(runs,
                  [&](int i) {
                      db::CaseQuery k;
                      k.day = boost::gregorian::from_simple_string(daysList[i]);
                      k.limit = 5000;
                      return store->search(k).size();
                  }),
          measure(naiveRuns, [&](int i) {
              return naive(std::string(naiveCols) + " WHERE created_at LIKE ? LIMIT 5000", {"%" + daysList[i] + "%"});
          }));
    return 0;
}
