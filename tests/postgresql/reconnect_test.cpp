// Losing the database server: a clear StorageError (Unreachable), nothing saved lost, and the
// store and the change feed come back by themselves once the server can be reached again.
#include "core/common/errors.hpp"
#include "db/case_store.hpp"
#include "db/change_watcher.hpp"
#include "tcp_proxy.hpp"
#include "tests/db/store_fixture.hpp"

#include <arpa/inet.h>
#include <condition_variable>
#include <gtest/gtest.h>
#include <mutex>
#include <netinet/in.h>
#include <pqxx/pqxx>
#include <regex>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace madoguchi;
using namespace madoguchi::test;

class PostgresConnectionLoss : public ::testing::Test {
protected:
    void SetUp() override
    {
        book = makeTestBook("postgresql");
        if (!book)
            GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
        std::smatch m;
        std::string url = book->url();
        ASSERT_TRUE(std::regex_search(url, m, std::regex(":([0-9]+)/")));
        proxy = std::make_unique<TcpProxy>(std::stoi(m[1]));
        viaProxy = std::regex_replace(url, std::regex(":[0-9]+/"), ":" + std::to_string(proxy->port()) + "/");
    }
    std::unique_ptr<TestBook> book;
    std::unique_ptr<TcpProxy> proxy;
    std::string viaProxy;
};

TEST_F(PostgresConnectionLoss, ServerOutOfReachIsAClearErrorAndTheStoreReconnectsByItself)
{
    auto store = db::openStore(viaProxy);
    CaseId saved = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk).id;
    proxy->cut();
    CaseDraft typed = draft("佐藤 花子", "サトウ ハナコ");
    try {
        store->add(typed, kClerk);
        FAIL() << "saved without a server";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.kind(), StorageError::Kind::Unreachable);
        EXPECT_NE(std::string(e.what()).find("saving the case"), std::string::npos) << e.what();
    }
    EXPECT_THROW(store->search({}), StorageError);
    proxy->restore();
    // The same store, no reopening: the clerk presses save again with what they typed.
    Case second = store->add(typed, kClerk);
    EXPECT_EQ(second.receptionNumber, "A-002");
    EXPECT_EQ(store->get(saved).resident.name, "山田 太郎");
    EXPECT_EQ(store->check().caseCount, 2);
}

TEST_F(PostgresConnectionLoss, AnEndedBackendIsReplacedWithoutTheClerkNoticing)
{
    auto store = db::openStore(book->url());
    CaseId id = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk).id;
    {
        pqxx::connection admin(testPostgresAdminUrl());
        pqxx::work tx(admin);
        // As an administrator would, or a server restart: the store's backend is gone.
        auto r = tx.exec_params("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1",
                                book->url().substr(book->url().rfind('/') + 1));
        ASSERT_GE(r[0][0].as<int>(), 1);
        tx.commit();
    }
    Case c = store->changeStatus(id, CaseStatus::InProgress, "", kClerk); // retried on a new connection
    EXPECT_EQ(c.status, CaseStatus::InProgress);
    EXPECT_EQ(c.version, 2);
}

TEST_F(PostgresConnectionLoss, TheChangeFeedReportsTheGapAndResumes)
{
    auto store = db::openStore(book->url());
    auto feed = db::openStore(viaProxy)->subscribe();
    proxy->cut();
    EXPECT_THROW(feed->poll(std::chrono::milliseconds(500)), StorageError);
    Case during = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk); // announced while the feed is away
    proxy->restore();
    auto events = feed->poll(std::chrono::milliseconds(0));
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[0].kind, db::ChangeKind::Resync); // the window reloads: `during` is not lost
    Case after = store->add(draft("佐藤 花子", "サトウ ハナコ"), kClerk);
    bool seen = false;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!seen && std::chrono::steady_clock::now() < deadline)
        for (const auto& e : feed->poll(std::chrono::milliseconds(200)))
            seen |= e.id == after.id && e.kind == db::ChangeKind::Added;
    EXPECT_TRUE(seen);
    EXPECT_NE(during.id, after.id);
}

TEST_F(PostgresConnectionLoss, TheWatcherReportsTheOutageAndResumesWithAResync)
{
    auto store = db::openStore(book->url());
    auto windowStore = db::openStore(viaProxy);
    std::mutex m;
    std::condition_variable cv;
    std::vector<db::ChangeEvent> seen;
    std::vector<std::string> problems;
    db::ChangeWatcher watcher([&] { return windowStore->subscribe(); },
                              [&](const std::vector<db::ChangeEvent>& events) {
                                  std::lock_guard lock(m);
                                  seen.insert(seen.end(), events.begin(), events.end());
                                  cv.notify_all();
                              },
                              [&](const std::string& problem) {
                                  std::lock_guard lock(m);
                                  problems.push_back(problem);
                                  cv.notify_all();
                              });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    proxy->cut();
    {
        std::unique_lock lock(m);
        ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(3), [&] { return !problems.empty(); }));
        EXPECT_NE(problems[0].find("lost"), std::string::npos) << problems[0];
    }
    proxy->restore();
    store->add(draft("佐藤 花子", "サトウ ハナコ"), kClerk); // perhaps before the watcher is back
    // Whether the add arrives as its own event or not, the window is told to reload after the gap.
    std::unique_lock lock(m);
    EXPECT_TRUE(cv.wait_for(lock, std::chrono::seconds(5), [&] {
        for (const auto& e : seen)
            if (e.kind == db::ChangeKind::Resync)
                return true;
        return false;
    }));
}

// A server that has gone silent (a pulled cable: no refusal, no answer) must not freeze a
// counter for TCP's minutes: the connection attempt gives up after a few seconds.
TEST(PostgresSilentServer, ConnectingGivesUpWithinSecondsAsUnreachable)
{
    // Listens but never answers: the kernel completes the handshake, nobody reads the request.
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(::listen(fd, 8), 0);
    socklen_t len = sizeof addr;
    ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
    std::string url = "postgresql://clerk@127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/madoguchi";
    auto started = std::chrono::steady_clock::now();
    try {
        db::openStore(url);
        ADD_FAILURE() << "opened a case book on a server that never answered";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.kind(), StorageError::Kind::Unreachable) << e.what();
    }
    auto took = std::chrono::steady_clock::now() - started;
    EXPECT_LT(took, std::chrono::seconds(12));
    EXPECT_GE(took, std::chrono::seconds(4)); // it did wait for the server, as long as it says
    ::close(fd);
}
