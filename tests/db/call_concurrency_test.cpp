// Two windows never get the same resident: two programs call the next resident on one case book
// at the same moment, as fast as they can, until nobody waits — on SQLite (one write transaction
// per call) and on PostgreSQL (FOR UPDATE SKIP LOCKED). Every visit is called exactly once.
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "db/case_store.hpp"
#include "tests/db/store_fixture.hpp"
#include "tests/support/run_process.hpp"

#include <chrono>
#include <future>
#include <gtest/gtest.h>
#include <map>
#include <sstream>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

constexpr int kVisits = 120;

} // namespace

class CallRace : public BackendTest {};
MADOGUCHI_ON_BOTH_BACKENDS(CallRace);

TEST_P(CallRace, TwoWindowsCallingAtOnceNeverGetTheSameVisit)
{
    std::vector<db::ImportedCase> cases(kVisits);
    std::string today = toIso(now().localDay);
    for (int i = 0; i < kVisits; ++i) {
        cases[i].draft = draft("住民 " + std::to_string(i), "ジュウミン");
        char at[64];
        std::snprintf(at, sizeof at, "%sT%02d:%02d:00%s", today.c_str(), i / 60, i % 60, now().iso.substr(19).c_str());
        cases[i].receivedAt = at;
    }
    store->importCases(cases, kClerk);

    // Both programs begin calling at one instant, well after either has opened the case book.
    auto startAt = std::chrono::duration_cast<std::chrono::milliseconds>(
                       (std::chrono::system_clock::now() + std::chrono::seconds(2)).time_since_epoch())
                       .count();
    std::vector<std::future<ProcessResult>> windows;
    for (const char* w : {"1", "2"})
        windows.push_back(std::async(std::launch::async, [&, w] {
            return runProcess({CONCURRENT_CALLER_PATH, book->url(), w, std::to_string(startAt)});
        }));
    std::map<CaseId, std::string> calledBy;
    std::map<std::string, int> perWindow;
    for (std::size_t k = 0; k < windows.size(); ++k) {
        ProcessResult r = windows[k].get();
        ASSERT_EQ(r.exitCode, 0) << r.err;
        std::istringstream lines(r.out);
        std::string word, number;
        CaseId id = 0;
        bool done = false;
        while (lines >> word) {
            if (word == "done") {
                done = true;
                continue;
            }
            lines >> id >> number;
            std::string window = k == 0 ? "1" : "2";
            auto [it, fresh] = calledBy.emplace(id, window);
            EXPECT_TRUE(fresh) << number << " was called by window " << it->second << " and window " << window;
            ++perWindow[window];
        }
        EXPECT_TRUE(done);
    }
    EXPECT_EQ(static_cast<int>(calledBy.size()), kVisits) << "a visit was never called";
    // Both windows took part (else the race did not happen).
    EXPECT_GT(perWindow["1"], 0);
    EXPECT_GT(perWindow["2"], 0);
    std::cout << "window 1 called " << perWindow["1"] << ", window 2 " << perWindow["2"] << '\n';
    // The book agrees: one call entry per visit, at the window that printed it.
    for (const auto& [id, window] : calledBy) {
        Case c = store->get(id);
        int calls = 0;
        for (const auto& h : c.history)
            calls += h.kind == HistoryKind::Called;
        EXPECT_EQ(calls, 1) << c.receptionNumber;
        ASSERT_TRUE(c.call);
        EXPECT_EQ(c.call->window, window) << c.receptionNumber;
    }
    EXPECT_TRUE(store->check().ok);
}
