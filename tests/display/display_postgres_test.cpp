// madoguchi-display on PostgreSQL, as the admin guide deploys it: a display role granted the hall
// views only (db/postgresql/display_role_grants.sql, this very file) reads the queue and nothing
// else; the server away (the relay cut) is said on the page and in /health, and the board comes
// back by itself with the calls made meanwhile.
#include "core/cases/visit.hpp"
#include "db/case_store.hpp"
#include "tests/db/store_fixture.hpp"
#include "tests/display/display_rig.hpp"
#include "tests/postgresql/tcp_proxy.hpp"
#include "tests/support/run_process.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <pqxx/pqxx>
#include <regex>
#include <unistd.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

const db::Actor kSuzuki{"suzuki-clerk"};

std::string asRole(const std::string& url, const std::string& role)
{
    return std::regex_replace(url, std::regex("://[^@/]*@"), "://" + role + "@");
}

std::string viaPort(const std::string& url, int port)
{
    return std::regex_replace(url, std::regex(":[0-9]+/"), ":" + std::to_string(port) + "/");
}

bool boardWith(const SseEvent& e, bool ok)
{
    return e.event == "board" && nlohmann::json::parse(e.data)["source"]["ok"].get<bool>() == ok;
}

} // namespace

class DisplayOnPostgres : public ::testing::Test {
protected:
    void SetUp() override
    {
        book = makeTestBook("postgresql");
        if (!book)
            GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
        store = db::openStore(book->url()); // the owner migrates
        role = "hall_test_" + std::to_string(::getpid());
        pqxx::connection c(book->url());
        pqxx::work tx(c);
        tx.exec("DROP ROLE IF EXISTS " + tx.quote_name(role));
        tx.exec("CREATE ROLE " + tx.quote_name(role) + " LOGIN");
        std::ifstream grants(MADOGUCHI_TEST_SOURCE_DIR "/../db/postgresql/display_role_grants.sql");
        std::string sql((std::istreambuf_iterator<char>(grants)), std::istreambuf_iterator<char>());
        ASSERT_FALSE(sql.empty());
        tx.exec(std::regex_replace(sql, std::regex(":\"display_role\""), tx.quote_name(role)));
        tx.exec("REVOKE ALL ON SCHEMA public FROM PUBLIC");
        tx.exec("GRANT USAGE ON SCHEMA public TO " + tx.quote_name(role));
        tx.commit();
        for (const char* name : {"山田 太郎", "佐藤 花子"})
            store->add(draft(name, "ヤマダ タロウ"), kSuzuki);
    }
    void TearDown() override
    {
        if (!book)
            return;
        store.reset();
        pqxx::connection c(book->url());
        pqxx::work tx(c);
        tx.exec("DROP OWNED BY " + tx.quote_name(role));
        tx.exec("DROP ROLE " + tx.quote_name(role));
        tx.commit();
    }
    std::unique_ptr<TestBook> book;
    std::unique_ptr<db::CaseStore> store;
    std::string role;
    TempDir dir;
};

TEST_F(DisplayOnPostgres, TheDisplayRoleReadsTheQueueAndNothingElse)
{
    pqxx::connection asDisplay(asRole(book->url(), role));
    for (const char* forbidden :
         {"SELECT name FROM cases", "SELECT actor FROM case_history", "SELECT * FROM audit_log",
          "SELECT password_hash FROM users", "INSERT INTO settings (key, value) VALUES ('call.order', 'arrival')",
          "UPDATE cases SET status = 'done'", "DELETE FROM case_history", "CREATE TABLE x (y int)"}) {
        pqxx::work tx(asDisplay);
        EXPECT_THROW(tx.exec(forbidden), pqxx::sql_error) << forbidden;
    }
    pqxx::work tx(asDisplay);
    auto visits = tx.exec("SELECT * FROM hall_visits ORDER BY reception_number");
    EXPECT_EQ(visits.size(), 2u);
    // The views have no column that could name a resident (booked_start, migration 007: the start
    // of the booking a visit was checked in for, a time).
    std::vector<std::string> columns;
    for (pqxx::row::size_type i = 0; i < visits.columns(); ++i)
        columns.push_back(visits.column_name(i));
    EXPECT_EQ(columns, (std::vector<std::string>{"office", "day", "reception_number", "received_at", "status",
                                                 "called_at", "call_window", "back_at", "lines", "booked_start"}));
    auto calls = tx.exec("SELECT * FROM hall_calls");
    std::vector<std::string> callColumns;
    for (pqxx::row::size_type i = 0; i < calls.columns(); ++i)
        callColumns.push_back(calls.column_name(i));
    EXPECT_EQ(callColumns,
              (std::vector<std::string>{"seq", "office", "day", "reception_number", "window", "at", "kind"}));
}

TEST_F(DisplayOnPostgres, AwayServerIsSaidAndTheBoardComesBackWithTheCallsMadeMeanwhile)
{
    std::smatch m;
    std::string url = book->url();
    ASSERT_TRUE(std::regex_search(url, m, std::regex(":([0-9]+)/")));
    TcpProxy relay(std::stoi(m[1]));
    DisplayServer server(viaPort(asRole(url, role), relay.port()), dir / "display.log");
    ASSERT_TRUE(server.started());
    SseReader sse(server.port());
    ASSERT_TRUE(sse.waitFor([](const SseEvent& e) { return boardWith(e, true); }, std::chrono::seconds(5)))
        << server.log();
    // A call through LISTEN/NOTIFY: at once.
    store->callNext({"2", {}}, kSuzuki);
    ASSERT_TRUE(
        sse.waitFor([](const SseEvent& e) { return e.event == "call" && e.data.find("A-001") != std::string::npos; },
                    std::chrono::seconds(5)));
    relay.cut();
    ASSERT_TRUE(sse.waitFor([](const SseEvent& e) { return boardWith(e, false); }, std::chrono::seconds(15)))
        << server.log();
    auto away = server.client().Get("/health");
    ASSERT_TRUE(away) << httplib::to_string(away.error());
    EXPECT_EQ(away->status, 503);
    store->callNext({"4", {}}, kSuzuki); // made while the display cannot see the server
    relay.restore();
    ASSERT_TRUE(sse.waitFor(
        [](const SseEvent& e) {
            if (!boardWith(e, true))
                return false;
            auto j = nlohmann::json::parse(e.data);
            return j["serving"].size() == 2u;
        },
        std::chrono::seconds(15)))
        << server.log();
    EXPECT_TRUE(
        sse.waitFor([](const SseEvent& e) { return e.event == "call" && e.data.find("A-002") != std::string::npos; },
                    std::chrono::seconds(5)));
    auto back = server.client().Get("/health");
    ASSERT_TRUE(back) << httplib::to_string(back.error());
    EXPECT_EQ(back->status, 200);
    EXPECT_NE(server.log().find("cannot read the case book"), std::string::npos) << server.log();
    EXPECT_EQ(server.log().find("山田"), std::string::npos);
}

TEST_F(DisplayOnPostgres, ARoleWithoutTheGrantsIsRefusedAtStart)
{
    std::string stranger = role + "_x";
    {
        pqxx::connection c(book->url());
        pqxx::work tx(c);
        tx.exec("CREATE ROLE " + tx.quote_name(stranger) + " LOGIN");
        tx.commit();
    }
    auto r = runProcess({MADOGUCHI_DISPLAY_PATH, "--db", asRole(book->url(), stranger), "--listen", "127.0.0.1:0"});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find("display_role_grants.sql"), std::string::npos) << r.err;
    pqxx::connection c(book->url());
    pqxx::work tx(c);
    tx.exec("DROP ROLE " + tx.quote_name(stranger));
    tx.commit();
}
