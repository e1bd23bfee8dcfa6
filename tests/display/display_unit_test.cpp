// The display server's parts without a network: the listen address, the board hub's versions
// and calls, the board's JSON.
#include "app/display/board_hub.hpp"
#include "app/display/board_json.hpp"
#include "app/display/display_options.hpp"
#include "app/display/hall_server.hpp"
#include "core/common/errors.hpp"

#include <gtest/gtest.h>
#include <thread>

using namespace madoguchi;
using namespace madoguchi::display;

TEST(ListenAddress, LoopbackUnlessToldAndEveryFormOfAddress)
{
    ListenAddress dflt;
    EXPECT_EQ(dflt.host, "127.0.0.1");
    auto a = parseListenAddress("0.0.0.0:8080");
    EXPECT_EQ(a.host, "0.0.0.0");
    EXPECT_EQ(a.port, 8080);
    auto v6 = parseListenAddress("[::1]:9000");
    EXPECT_EQ(v6.host, "::1");
    EXPECT_EQ(urlOf(v6), "http://[::1]:9000/");
    EXPECT_EQ(urlOf(parseListenAddress("hall-pc.local:0")), "http://hall-pc.local:0/");
    for (const char* bad : {"", "8080", ":8080", "host:", "host:http", "::1:80", "[::1]", "a b:80", "h:123456"})
        EXPECT_THROW(parseListenAddress(bad), ValidationError) << bad;
    EXPECT_TRUE(isHallPath("/events"));
    EXPECT_FALSE(isHallPath("/hall.html"));
}

TEST(DisplayOptions, TheContract)
{
    auto o = parseDisplayOptions({"--db", "book.db", "--office-code", "east"});
    EXPECT_EQ(o.db, "book.db");
    EXPECT_EQ(o.listen.host, "127.0.0.1");
    EXPECT_EQ(o.listen.port, 8080);
    EXPECT_EQ(o.office, "east");
    EXPECT_THROW(parseDisplayOptions({"--listen", "127.0.0.1:80"}), ValidationError); // no --db
}

namespace {

HallBoard board(const std::string& next)
{
    HallBoard b;
    b.office = "main";
    b.day = "2026-12-02";
    b.next = {next};
    return b;
}

HallCall call(std::int64_t seq, const std::string& number)
{
    return {seq, number, "3", "2026-12-02T10:00:00+09:00", HistoryKind::Called};
}

} // namespace

TEST(BoardHub, TheFirstBoardAnnouncesNoOldCallAndLaterCallsOnce)
{
    BoardHub hub;
    EXPECT_FALSE(hub.published());
    hub.publish(board("A-002"), {call(5, "A-001")}, "t");
    auto first = hub.now(0);
    EXPECT_TRUE(first.calls.empty()); // A-001 was called before the display started
    EXPECT_EQ(first.lastSeq, 5);
    EXPECT_NE(first.board.find("\"ok\":true"), std::string::npos);
    hub.publish(board("A-003"), {call(5, "A-001"), call(9, "A-002")}, "t");
    auto v = hub.waitAfter(first.version, first.lastSeq, std::chrono::milliseconds(0));
    ASSERT_TRUE(v);
    ASSERT_EQ(v->calls.size(), 1u);
    EXPECT_EQ(v->calls[0].seq, 9);
    EXPECT_NE(v->calls[0].json.find("A-002"), std::string::npos);
    // The same board again is no news.
    hub.publish(board("A-003"), {call(5, "A-001"), call(9, "A-002")}, "t");
    EXPECT_FALSE(hub.waitAfter(v->version, v->lastSeq, std::chrono::milliseconds(10)));
}

TEST(BoardHub, AwayKeepsTheBoardAndStopWakesEveryone)
{
    BoardHub hub;
    hub.publish(board("A-007"), {}, "t");
    auto before = hub.now(0);
    hub.publishAway("2026-12-02T10:00:00+09:00");
    auto away = hub.now(0);
    EXPECT_GT(away.version, before.version);
    EXPECT_NE(away.board.find("A-007"), std::string::npos);
    EXPECT_NE(away.board.find("\"ok\":false"), std::string::npos);
    EXPECT_FALSE(hub.sourceOk());
    hub.publishAway("later"); // said once
    EXPECT_EQ(hub.now(0).version, away.version);
    std::thread waiter([&] {
        auto v = hub.waitAfter(away.version, 0, std::chrono::seconds(30));
        EXPECT_TRUE(v && v->stopped);
    });
    hub.stop();
    waiter.join();
}

TEST(BoardJson, NumbersWindowsCountsAndMinutes)
{
    HallBoard b = board("A-004");
    b.serving.push_back({"3", "A-001", "2026-12-02T10:00:00+09:00", 7});
    b.waits.push_back({Procedure::PinReset, 12, 4, 2});
    auto j = boardJson(b);
    EXPECT_EQ(j["serving"][0]["number"], "A-001");
    EXPECT_EQ(j["serving"][0]["window"], "3");
    EXPECT_EQ(j["waits"][0]["procedure"], "pin-reset");
    EXPECT_EQ(j["waits"][0]["name_ja"], "暗証番号の再設定");
    EXPECT_EQ(j["waits"][0]["average_minutes"], 12);
    EXPECT_EQ(j["waits"][0]["waiting"], 2);
    for (const char* key : {"office", "day", "serving", "next", "waiting", "waits", "recent_calls"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_EQ(j.size(), 7u); // nothing else
}
