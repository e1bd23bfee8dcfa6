// The PostgreSQL case book under load, beside SQLite:
//  1. throughput of 8 writers at once (each its own connection, as 8 windows): adds, status
//     changes and edits with optimistic locking, on PostgreSQL and on one SQLite file;
//  2. p50/p95 of the searches a counter makes on N cases (default 1,000,000) on PostgreSQL
//     (bench_case_book gives SQLite's on the same generated residents).
//   bench_pg [--server URL] [--cases N] [--reuse] [--writers W] [--ops K] [--two-procedures-every K]
// (--two-procedures-every: one visit in K has two procedures; default 10, 0 for none)
// --server: a URL with the right to create databases (default $MADOGUCHI_TEST_PG_URL); the bench
// works in the databases madoguchi_bench_search and madoguchi_bench_writers.
#include "bench/case_book_load.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "db/case_store.hpp"

#include <atomic>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <pqxx/pqxx>
#include <thread>

using namespace madoguchi;
using bench::Clock;

namespace {

std::string withDatabase(const std::string& url, const std::string& database)
{
    auto query = url.find('?');
    std::string base = url.substr(0, query), rest = query == std::string::npos ? "" : url.substr(query);
    auto slash = base.find('/', base.find("://") + 3);
    return (slash == std::string::npos ? base : base.substr(0, slash)) + "/" + database + rest;
}

bool databaseExists(const std::string& server, const std::string& name)
{
    pqxx::connection c(server);
    pqxx::nontransaction n(c);
    return !n.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", name).empty();
}

void freshDatabase(const std::string& server, const std::string& name)
{
    pqxx::connection c(server);
    pqxx::nontransaction n(c);
    n.exec("DROP DATABASE IF EXISTS " + n.quote_name(name) + " WITH (FORCE)");
    n.exec("CREATE DATABASE " + n.quote_name(name) + " TEMPLATE template0 ENCODING 'UTF8'");
}

struct WriterTotals {
    std::atomic<int> adds{0}, statusChanges{0}, edits{0}, conflicts{0}, busy{0};
};

// One window's clerk: 30 % new cases, 30 % status changes, 40 % edits of the recent cases that
// all windows share, every save with the version read; an edit that meets a conflict is merged
// and saved again.
void clerk(const std::string& url, int index, int operations, WriterTotals& totals)
{
    auto store = db::openStore(url);
    std::mt19937_64 rng(static_cast<std::uint64_t>(index) * 7919);
    db::Actor actor{"clerk" + std::to_string(index)};
    for (int op = 0; op < operations; ++op) {
        try {
            db::CaseQuery recentQuery;
            recentQuery.limit = 20;
            auto recent = store->search(recentQuery);
            int r = static_cast<int>(rng() % 100);
            if (r < 30 || recent.empty()) {
                store->add(bench::randomResident(rng), actor);
                ++totals.adds;
                continue;
            }
            Case c = store->get(recent[rng() % recent.size()].id);
            if (r < 60) {
                CaseStatus to = c.status == CaseStatus::InProgress ? CaseStatus::Waiting : CaseStatus::InProgress;
                try {
                    store->changeStatus(c.id, to, "照会中", actor, c.version);
                    ++totals.statusChanges;
                } catch (const ConflictError&) {
                    ++totals.conflicts;
                }
                continue;
            }
            for (;;) {
                c.notes += "*";
                try {
                    store->update(c, actor);
                    ++totals.edits;
                    break;
                } catch (const ConflictError&) {
                    ++totals.conflicts;
                    c = store->get(c.id);
                }
            }
        } catch (const StorageError& e) {
            // SQLite's busy timeout (5 s) ran out: the clerk is told to try again.
            if (e.kind() != StorageError::Kind::Busy)
                throw;
            ++totals.busy;
        }
    }
}

void writers(const char* label, const std::string& url, int count, int operations)
{
    db::openStore(url); // schema first
    WriterTotals totals;
    auto t0 = Clock::now();
    std::vector<std::thread> threads;
    for (int i = 0; i < count; ++i)
        threads.emplace_back([&, i] { clerk(url, i + 1, operations, totals); });
    for (auto& t : threads)
        t.join();
    double s = std::chrono::duration<double>(Clock::now() - t0).count();
    int saved = totals.adds + totals.statusChanges + totals.edits;
    std::printf("%-10s %d writers x %d operations: %.1f s, %.0f saves/s (%d adds, %d status changes, %d edits; "
                "%d conflicts, %d refused as busy)\n",
                label, count, operations, s, saved / s, totals.adds.load(), totals.statusChanges.load(),
                totals.edits.load(), totals.conflicts.load(), totals.busy.load());
}

} // namespace

int main(int argc, char** argv)
{
    const char* env = std::getenv("MADOGUCHI_TEST_PG_URL");
    std::string server = env ? env : "";
    std::size_t cases = 1'000'000;
    bool reuse = false;
    int writerCount = 8, operations = 500, twoEvery = 10;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--server") && i + 1 < argc)
            server = argv[++i];
        else if (!std::strcmp(argv[i], "--cases") && i + 1 < argc)
            cases = std::stoul(argv[++i]);
        else if (!std::strcmp(argv[i], "--reuse"))
            reuse = true;
        else if (!std::strcmp(argv[i], "--writers") && i + 1 < argc)
            writerCount = std::stoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--ops") && i + 1 < argc)
            operations = std::stoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--two-procedures-every") && i + 1 < argc)
            twoEvery = std::stoi(argv[++i]);
    }
    if (server.empty()) {
        std::fprintf(stderr, "bench_pg: give --server postgresql://… (or set MADOGUCHI_TEST_PG_URL)\n");
        return 2;
    }

    freshDatabase(server, "madoguchi_bench_writers");
    writers("postgresql", withDatabase(server, "madoguchi_bench_writers"), writerCount, operations);
    auto sqliteFile = std::filesystem::temp_directory_path() / "madoguchi-bench-writers.db";
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(sqliteFile.string() + suffix);
    writers("sqlite", sqliteFile.string(), writerCount, operations);

    std::string url = withDatabase(server, "madoguchi_bench_search");
    bench::BookShape shape = bench::shapeFor(cases);
    shape.twoProcedureEvery = twoEvery;
    std::mt19937_64 rng(20261129); // the same residents as bench_case_book
    if (!reuse || !databaseExists(server, "madoguchi_bench_search")) {
        freshDatabase(server, "madoguchi_bench_search");
        double s = bench::loadCases(*db::openStore(url), shape, rng);
        std::printf("bulk insert: %zu cases in %.1f s = %.0f cases/s (50,000 per transaction)\n", cases, s, cases / s);
        pqxx::connection c(url);
        pqxx::nontransaction n(c);
        n.exec("VACUUM ANALYZE");
    }
    auto store = db::openStore(url);
    {
        pqxx::connection c(url);
        pqxx::nontransaction n(c);
        std::printf("database: %s\n",
                    n.exec("SELECT pg_size_pretty(pg_database_size(current_database()))")[0][0].c_str());
    }

    const int runs = 300;
    const auto [prefixes, substrings, births, daysList] = bench::searchInputs(shape, rng, runs);
    auto print = [](const char* what, const bench::Figures& f) {
        std::printf("%-28s p50 %8.3f ms  p95 %8.3f ms  (%5zu rows)\n", what, f.p50, f.p95, f.rows);
    };
    db::CaseQuery q;
    q.limit = 100;
    print("kana prefix (limit 100)", bench::measure(runs, [&](int i) {
              db::CaseQuery k = q;
              k.kanaPrefix = prefixes[i];
              return store->search(k).size();
          }));
    print("kanji substring (limit 100)", bench::measure(runs, [&](int i) {
              db::CaseQuery k = q;
              k.text = substrings[i];
              return store->search(k).size();
          }));
    print("birth date", bench::measure(runs, [&](int i) {
              db::CaseQuery k = q;
              k.birth = boost::gregorian::from_simple_string(births[i]);
              return store->search(k).size();
          }));
    print("one day's list", bench::measure(runs, [&](int i) {
              db::CaseQuery k;
              k.day = boost::gregorian::from_simple_string(daysList[i]);
              k.limit = 5000;
              return store->search(k).size();
          }));
    return 0;
}
