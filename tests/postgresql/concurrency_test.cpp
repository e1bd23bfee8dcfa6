// Many windows on one PostgreSQL case book at once: 8 clerk processes × 500 operations.
// Nothing acknowledged may be lost, and no reception number may be handed out twice.
#include "db/case_store.hpp"
#include "tests/db/test_books.hpp"
#include "tests/support/run_process.hpp"

#include <future>
#include <gtest/gtest.h>
#include <iostream>
#include <map>
#include <pqxx/pqxx>
#include <set>
#include <sstream>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

constexpr int kClerks = 8;
constexpr int kOperations = 500;

struct Expected {
    int statusChanges = 0;
    std::vector<std::string> editTokens;
};

} // namespace

TEST(PostgresConcurrency, EightClerksLoseNothingAndNeverShareAReceptionNumber)
{
    auto book = makeTestBook("postgresql");
    if (!book)
        GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
    db::openStore(book->url()); // migrate once, before the crowd arrives

    std::vector<std::future<ProcessResult>> clerks;
    for (int k = 0; k < kClerks; ++k)
        clerks.push_back(std::async(std::launch::async, [&, k] {
            return runProcess({CONCURRENT_CLERK_PATH, book->url(), std::to_string(k + 1), std::to_string(kOperations),
                               std::to_string(1000 + k)});
        }));

    std::map<CaseId, Expected> expected;
    std::set<std::string> numbersHandedOut;
    int adds = 0, conflicts = 0, refused = 0, acknowledged = 0;
    for (auto& f : clerks) {
        ProcessResult r = f.get();
        ASSERT_EQ(r.exitCode, 0) << r.err;
        std::istringstream lines(r.out);
        std::string kind;
        while (lines >> kind) {
            CaseId id = 0;
            if (kind == "done")
                continue;
            lines >> id;
            if (kind == "add") {
                std::string number;
                lines >> number;
                EXPECT_TRUE(numbersHandedOut.insert(number).second) << number << " handed out twice";
                expected[id];
                ++adds;
                ++acknowledged;
            } else if (kind == "status") {
                ++expected[id].statusChanges;
                ++acknowledged;
            } else if (kind == "edit") {
                std::string token;
                lines >> token;
                expected[id].editTokens.push_back(token);
                ++acknowledged;
            } else if (kind == "refused") {
                ++refused;
            } else {
                ++conflicts;
            }
        }
    }
    // Every operation ended in a save, or in a conflict the clerk was told about.
    EXPECT_EQ(acknowledged + refused, kClerks * kOperations);
    EXPECT_GT(conflicts + refused, 0) << "the test did not make clerks collide";
    std::cout << adds << " adds, " << acknowledged - adds << " status changes and edits saved, " << refused
              << " stale status changes refused, " << conflicts << " edits merged after a conflict\n";

    pqxx::connection c(book->url());
    pqxx::work tx(c);
    // Reception numbers: 1..N for the day's N cases, each once (the UNIQUE constraint aside).
    auto seqs = tx.exec("SELECT seq, reception_number FROM cases ORDER BY seq");
    ASSERT_EQ(static_cast<int>(seqs.size()), adds);
    for (int i = 0; i < adds; ++i)
        EXPECT_EQ(seqs[i][0].as<int>(), i + 1);
    // No lost update: every acknowledged change is in the case, its version and its history.
    for (const auto& [id, want] : expected) {
        auto row = tx.exec_params1("SELECT version, notes, (SELECT count(*) FROM case_history h WHERE h.case_id = c.id)"
                                   " FROM cases c WHERE id = $1",
                                   id);
        int changes = want.statusChanges + static_cast<int>(want.editTokens.size());
        EXPECT_EQ(row[0].as<int>(), 1 + changes) << "case " << id;
        EXPECT_EQ(row[2].as<int>(), 1 + changes) << "case " << id;
        std::string notes = row[1].as<std::string>();
        for (const auto& token : want.editTokens)
            EXPECT_NE(notes.find(" " + token), std::string::npos) << "edit " << token << " of case " << id << " lost";
    }
    tx.commit();
    EXPECT_TRUE(db::openStore(book->url())->check().ok);
}
