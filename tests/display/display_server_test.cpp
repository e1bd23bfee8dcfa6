// madoguchi-display on a SQLite case book, through HTTP as a screen and a stranger see it: every
// route, the methods and bad requests refused, the limits, the live stream carrying each call,
// no personal data in any answer or in the log, the file locked by a writer (the page says so and
// recovers), and a case book it cannot read at all.
#include "core/cases/visit.hpp"
#include "db/case_store.hpp"
#include "tests/db/store_fixture.hpp"
#include "tests/display/display_rig.hpp"
#include "tests/support/run_process.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <thread>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

const db::Actor kAdmin{"admin", Role::Admin};
const db::Actor kSuzuki{"suzuki-clerk"};

// Residents whose data must never reach the hall.
struct Resident {
    const char* name;
    const char* kana;
    const char* address;
};
constexpr Resident kResidents[] = {
    {"山田 太郎", "ヤマダ タロウ", "小平市小川町二丁目1333番地"},
    {"佐藤 花子", "サトウ ハナコ", "小平市学園東町一丁目19番"},
    {"Smith Johnathan", "スミス ジョナサン", "Kodaira Ogawa 5-5-5"},
};

} // namespace

class DisplayOnSqlite : public ::testing::Test {
protected:
    TempDir dir;
    std::string db = (dir / "book.db").string();
    std::unique_ptr<db::CaseStore> store = db::openStore(db);
    std::vector<Case> cases;
    void SetUp() override
    {
        for (const auto& r : kResidents) {
            CaseDraft d = draft(r.name, r.kana, 1961, 2, 3);
            d.resident.address = r.address;
            d.notes = "メモ: 電話 042-555-0101";
            const Procedure ps[] = {Procedure::PinReset, Procedure::CertRenewal};
            setProcedures(d, ps);
            cases.push_back(store->add(d, kSuzuki));
        }
    }
    std::unique_ptr<DisplayServer> start(const std::vector<std::string>& extra = {})
    {
        return std::make_unique<DisplayServer>(db, dir / "display.log", extra);
    }
    // Nothing of a resident or a clerk in `text`.
    static void expectNoPersonalData(const std::string& text, const std::string& where)
    {
        for (const auto& r : kResidents)
            for (const char* secret : {r.name, r.kana, r.address}) {
                std::string s(secret);
                EXPECT_EQ(text.find(s), std::string::npos) << where << " holds \"" << s << "\"";
                auto family = s.substr(0, s.find(' '));
                EXPECT_EQ(text.find(family), std::string::npos) << where << " holds \"" << family << "\"";
            }
        for (const char* secret : {"1961-02-03", "042-555-0101", "suzuki-clerk", "メモ"})
            EXPECT_EQ(text.find(secret), std::string::npos) << where << " holds \"" << secret << "\"";
    }
};

TEST_F(DisplayOnSqlite, EveryRouteAnswersWithItsTypeAndThePolicy)
{
    auto server = start();
    ASSERT_TRUE(server->started());
    auto c = server->client();
    struct Route {
        const char* path;
        const char* type;
        const char* holds;
    } routes[] = {{"/", "text/html", "/hall.js"},
                  {"/hall.js", "text/javascript", "EventSource('/events')"},
                  {"/hall.css", "text/css", ".announce"},
                  {"/board.json", "application/json", "\"serving\""},
                  {"/health", "text/plain", "ok"}};
    for (const auto& r : routes) {
        auto res = c.Get(r.path);
        ASSERT_TRUE(res) << r.path;
        EXPECT_EQ(res->status, 200) << r.path;
        EXPECT_EQ(res->get_header_value("Content-Type").rfind(r.type, 0), 0u) << r.path;
        EXPECT_NE(res->body.find(r.holds), std::string::npos) << r.path;
        EXPECT_EQ(res->get_header_value("Content-Security-Policy").rfind("default-src 'none'", 0), 0u) << r.path;
        EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << r.path;
        auto head = c.Head(r.path);
        ASSERT_TRUE(head) << r.path;
        EXPECT_EQ(head->status, 200) << r.path;
        EXPECT_TRUE(head->body.empty()) << r.path;
    }
    auto board = nlohmann::json::parse(c.Get("/board.json")->body);
    EXPECT_TRUE(board["source"]["ok"].get<bool>());
    EXPECT_EQ(board["waiting"], 3);
    EXPECT_EQ(board["next"], (nlohmann::json{"A-001", "A-002", "A-003"}));
    EXPECT_TRUE(board["serving"].empty());
    ASSERT_EQ(board["waits"].size(), 2u);
    EXPECT_EQ(board["waits"][0]["procedure"], "pin-reset");
    EXPECT_EQ(board["waits"][0]["waiting"], 3);
    EXPECT_TRUE(board["waits"][0]["average_minutes"].is_null());
    // The stream opens with the board.
    SseReader sse(server->port());
    EXPECT_TRUE(sse.waitFor([](const SseEvent& e) { return e.event == "board"; }, std::chrono::seconds(5)));
    EXPECT_EQ(sse.raw().rfind("retry: 2000", 0), 0u) << sse.raw();
}

TEST_F(DisplayOnSqlite, OnlyGetAndHeadOnKnownPathsEverythingElseIsRefused)
{
    auto server = start();
    ASSERT_TRUE(server->started());
    auto c = server->client();
    for (const char* path : {"/admin", "/hall.html", "/../book.db", "/board.json/x", "/index.html", "/favicon.ico"}) {
        auto res = c.Get(path);
        ASSERT_TRUE(res) << path;
        EXPECT_EQ(res->status, 404) << path;
        EXPECT_FALSE(res->get_header_value("Content-Security-Policy").empty()) << path;
    }
    for (const char* path : {"/", "/board.json", "/events", "/health"}) {
        auto post = c.Post(path, "{\"call\": \"A-001\"}", "application/json");
        ASSERT_TRUE(post) << path;
        EXPECT_EQ(post->status, 405) << path;
        EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD") << path;
        auto put = c.Put(path, "x", "text/plain");
        ASSERT_TRUE(put);
        EXPECT_EQ(put->status, 405) << path;
        auto del = c.Delete(path);
        ASSERT_TRUE(del);
        EXPECT_EQ(del->status, 405) << path;
    }
    EXPECT_EQ(c.Post("/admin/call", "x", "text/plain")->status, 404);
    auto options = rawRequest(server->port(), "OPTIONS / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(options.rfind("HTTP/1.1 405", 0), 0u) << options;
    // Bad requests: not HTTP, an unknown method (cpp-httplib answers 400 before routing), a body
    // on a GET, an overlong address or header.
    EXPECT_EQ(rawRequest(server->port(), "HELLO\r\n\r\n").rfind("HTTP/1.1 400", 0), 0u);
    EXPECT_EQ(rawRequest(server->port(), "BREW / HTTP/1.1\r\nHost: x\r\n\r\n").rfind("HTTP/1.1 400", 0), 0u);
    auto body =
        rawRequest(server->port(), "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 64\r\n\r\n" + std::string(64, 'x'));
    EXPECT_EQ(body.rfind("HTTP/1.1 413", 0), 0u) << body.substr(0, 40);
    auto longUri = rawRequest(server->port(), "GET /" + std::string(10000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(longUri.rfind("HTTP/1.1 414", 0), 0u) << longUri.substr(0, 40);
    auto longHeader =
        rawRequest(server->port(), "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(10000, 'b') + "\r\n\r\n");
    EXPECT_EQ(longHeader.rfind("HTTP/1.1 400", 0), 0u) << longHeader.substr(0, 40);
    // It still serves.
    EXPECT_EQ(c.Get("/health")->status, 200);
}

TEST_F(DisplayOnSqlite, ACallReachesTheStreamAsACallAndABoard)
{
    auto server = start();
    ASSERT_TRUE(server->started());
    SseReader sse(server->port());
    ASSERT_TRUE(sse.waitFor([](const SseEvent& e) { return e.event == "board"; }, std::chrono::seconds(5)));
    Case called = *store->callNext({"3", {}}, kSuzuki);
    ASSERT_TRUE(sse.waitFor(
        [](const SseEvent& e) {
            if (e.event != "call")
                return false;
            auto j = nlohmann::json::parse(e.data);
            return j["number"] == "A-001" && j["window"] == "3" && j["kind"] == "called";
        },
        std::chrono::seconds(5)));
    ASSERT_TRUE(sse.waitFor(
        [](const SseEvent& e) {
            if (e.event != "board")
                return false;
            auto j = nlohmann::json::parse(e.data);
            return !j["serving"].empty() && j["serving"][0]["number"] == "A-001" && j["serving"][0]["window"] == "3";
        },
        std::chrono::seconds(5)));
    // Call again chimes again; "not here" is no chime, and the number leaves the screen.
    store->callAgain(called.id, kSuzuki);
    ASSERT_TRUE(sse.waitFor(
        [](const SseEvent& e) { return e.event == "call" && e.data.find("called-again") != std::string::npos; },
        std::chrono::seconds(5)));
    store->markAbsent(called.id, kSuzuki);
    ASSERT_TRUE(sse.waitFor(
        [](const SseEvent& e) {
            return e.event == "board" && nlohmann::json::parse(e.data)["serving"].empty() &&
                   nlohmann::json::parse(e.data)["next"] == nlohmann::json{"A-002", "A-003"};
        },
        std::chrono::seconds(5)));
    // Each call event has the history entry's id, so a screen that reconnects says where it was.
    std::vector<std::string> ids;
    for (const auto& e : sse.events())
        if (e.event == "call")
            ids.push_back(e.id);
    ASSERT_EQ(ids.size(), 3u); // called, called again, absent
    EXPECT_LT(std::stoll(ids[0]), std::stoll(ids[1]));
    // A screen that was away for a moment gets what it missed; a new screen does not replay.
    SseReader back(server->port(), ids[0]);
    EXPECT_TRUE(
        back.waitFor([&](const SseEvent& e) { return e.event == "call" && e.id == ids[1]; }, std::chrono::seconds(5)));
    SseReader fresh(server->port());
    ASSERT_TRUE(fresh.waitFor([](const SseEvent& e) { return e.event == "board"; }, std::chrono::seconds(5)));
    for (const auto& e : fresh.events())
        EXPECT_NE(e.event, "call");
}

TEST_F(DisplayOnSqlite, NoAnswerAndNoLogLineHoldsPersonalData)
{
    auto server = start();
    ASSERT_TRUE(server->started());
    SseReader sse(server->port());
    store->callNext({"3", {}}, kSuzuki);
    store->callNumber("A-003", "5", kSuzuki);
    store->changeStatus(cases[0].id, CaseStatus::InProgress, "", kSuzuki);
    store->changeStatus(cases[0].id, CaseStatus::Done, "", kSuzuki);
    ASSERT_TRUE(
        sse.waitFor([](const SseEvent& e) { return e.event == "call" && e.data.find("A-003") != std::string::npos; },
                    std::chrono::seconds(5)));
    auto c = server->client();
    std::string everything = sse.raw();
    for (const char* path : {"/", "/hall.js", "/hall.css", "/board.json", "/health", "/nothing"}) {
        auto res = c.Get(path);
        ASSERT_TRUE(res);
        everything += res->body;
        for (const auto& [k, v] : res->headers)
            everything += k + ": " + v + "\n";
    }
    auto board = nlohmann::json::parse(c.Get("/board.json")->body);
    EXPECT_EQ(board["serving"].size(), 1u); // A-001 is done: only A-003 at window 5
    ASSERT_FALSE(board["waits"].empty());
    EXPECT_FALSE(board["waits"][0]["average_minutes"].is_null());
    expectNoPersonalData(everything, "the server's answers");
    expectNoPersonalData(server->log(), "the server's log");
    EXPECT_NE(server->log().find("GET /board.json 200"), std::string::npos) << server->log();
}

// In WAL mode (the case book's) a writer never blocks a reader: a window or the console writing
// while the hall reads changes nothing on the screen until it commits.
TEST_F(DisplayOnSqlite, AWriterInTheMiddleOfATransactionDoesNotStopTheBoard)
{
    auto server = start();
    ASSERT_TRUE(server->started());
    auto c = server->client();
    SseReader sse(server->port());
    ASSERT_TRUE(sse.waitFor([](const SseEvent& e) { return e.event == "board"; }, std::chrono::seconds(5)));
    {
        SQLite::Database writer(db, SQLite::OPEN_READWRITE, 5000);
        writer.exec("BEGIN IMMEDIATE");
        writer.exec("INSERT INTO settings (key, value) VALUES ('test.lock', '1')");
        // Held for longer than the feed's slices: the board is still read and served.
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        EXPECT_EQ(c.Get("/health")->status, 200);
        EXPECT_EQ(nlohmann::json::parse(c.Get("/board.json")->body)["waiting"], 3);
        writer.exec("ROLLBACK");
    }
    store->callNext({"2", {}}, kSuzuki);
    EXPECT_TRUE(sse.waitFor(
        [](const SseEvent& e) { return e.event == "board" && !nlohmann::json::parse(e.data)["serving"].empty(); },
        std::chrono::seconds(5)))
        << server->log();
    EXPECT_EQ(server->log().find("cannot read"), std::string::npos) << server->log();
}

// A writer that holds the whole file (exclusive locking mode: a restore, a repair by hand) before
// the display opens it: the display starts anyway, says the case book cannot be read (the page's
// strip, /health 503), and reads the board once the writer lets go.
TEST_F(DisplayOnSqlite, TheFileLockedByAWriterIsSaidAndTheBoardRecovers)
{
    store.reset(); // every connection in WAL mode keeps a shared lock: only the writer may hold the file
    auto writer = std::make_unique<SQLite::Database>(db, SQLite::OPEN_READWRITE, 5000);
    writer->exec("PRAGMA locking_mode = EXCLUSIVE");
    writer->exec("BEGIN EXCLUSIVE");
    writer->exec("INSERT INTO settings (key, value) VALUES ('test.lock', '1')");
    writer->exec("COMMIT"); // still held: exclusive locking mode keeps the lock after commit
    auto server = start();
    ASSERT_TRUE(server->started()) << server->log();
    auto c = server->client();
    SseReader sse(server->port());
    ASSERT_TRUE(sse.waitFor(
        [](const SseEvent& e) {
            return e.event == "board" && !nlohmann::json::parse(e.data)["source"]["ok"].get<bool>();
        },
        std::chrono::seconds(10)))
        << server->log();
    EXPECT_EQ(c.Get("/health")->status, 503);
    writer.reset(); // released
    store = db::openStore(db);
    ASSERT_TRUE(sse.waitFor(
        [](const SseEvent& e) {
            if (e.event != "board")
                return false;
            auto j = nlohmann::json::parse(e.data);
            return j["source"]["ok"].get<bool>() && j["waiting"] == 3;
        },
        std::chrono::seconds(10)))
        << server->log();
    // A call made now shows.
    store->callNext({"2", {}}, kSuzuki);
    ASSERT_TRUE(sse.waitFor(
        [](const SseEvent& e) { return e.event == "board" && !nlohmann::json::parse(e.data)["serving"].empty(); },
        std::chrono::seconds(5)))
        << server->log();
    EXPECT_EQ(c.Get("/health")->status, 200);
    EXPECT_NE(server->log().find("locked"), std::string::npos) << server->log();
}

TEST_F(DisplayOnSqlite, BeyondItsConnectionsItAnswers503AndTheScreensKeepTheirUpdates)
{
    auto server = start({"--max-connections", "2"});
    ASSERT_TRUE(server->started());
    SseReader one(server->port()), two(server->port());
    ASSERT_TRUE(one.waitFor([](const SseEvent& e) { return e.event == "board"; }, std::chrono::seconds(5)));
    ASSERT_TRUE(two.waitFor([](const SseEvent& e) { return e.event == "board"; }, std::chrono::seconds(5)));
    auto refused = rawRequest(server->port(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(refused.rfind("HTTP/1.1 503", 0), 0u) << refused;
    EXPECT_NE(refused.find("Retry-After: 5"), std::string::npos) << refused;
    store->callNext({"1", {}}, kSuzuki);
    EXPECT_TRUE(one.waitFor([](const SseEvent& e) { return e.event == "call"; }, std::chrono::seconds(5)));
    EXPECT_TRUE(two.waitFor([](const SseEvent& e) { return e.event == "call"; }, std::chrono::seconds(5)));
}

TEST_F(DisplayOnSqlite, ItStopsOnSigtermAndNeverCreatesOrWritesTheFile)
{
    auto missing = (dir / "none.db").string();
    auto r = runProcess({MADOGUCHI_DISPLAY_PATH, "--db", missing, "--listen", "127.0.0.1:0"});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_FALSE(std::filesystem::exists(missing));
    auto before = SQLite::Database(db).execAndGet("SELECT count(*) FROM audit_log").getInt();
    {
        auto server = start();
        ASSERT_TRUE(server->started());
        server->client().Get("/board.json");
        EXPECT_EQ(server->stop(), 0);
    }
    EXPECT_EQ(SQLite::Database(db).execAndGet("SELECT count(*) FROM audit_log").getInt(), before);
}

TEST(DisplayOptions, BadOptionsAreOneLineAndExitTwo)
{
    for (std::vector<std::string> args : {std::vector<std::string>{"--listen", "127.0.0.1:0"},
                                          {"--db", "x.db", "--listen", "localhost"},
                                          {"--db", "x.db", "--listen", "127.0.0.1:99999"},
                                          {"--db", "x.db", "--listen", "::1:80"},
                                          {"--db", "x.db", "--office-code", "東口"},
                                          {"--db", "x.db", "--max-connections", "0"},
                                          {"--db", "x.db", "--colour", "red"}}) {
        args.insert(args.begin(), MADOGUCHI_DISPLAY_PATH);
        auto r = runProcess(args);
        EXPECT_EQ(r.exitCode, 2) << args[1] << " " << r.err;
        EXPECT_EQ(r.err.rfind("madoguchi-display: ", 0), 0u) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
    auto help = runProcess({MADOGUCHI_DISPLAY_PATH, "--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("--listen"), std::string::npos);
    EXPECT_NE(help.out.find("127.0.0.1:8080"), std::string::npos); // the default: loopback only
}
