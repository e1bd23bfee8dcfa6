// madoguchi-cli booking … end to end: the real binary on a real SQLite file, as a script calls it;
// the contract's options, JSON keys and exit codes.
#include "core/bookings/booking_rules.hpp"
#include "core/bookings/office_calendar.hpp"
#include "core/common/clock.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <chrono>
#include <fstream>
#include <gtest/gtest.h>
#include <thread>

using namespace madoguchi;
using namespace madoguchi::test;
using boost::gregorian::date;
using boost::gregorian::days;

namespace {

// The next day the shipped defaults keep open, at least `ahead` days from today.
date openDay(int ahead = 1)
{
    date d = now().localDay + days(ahead);
    while (bookings::OfficeCalendar::defaults().hoursOn(d).empty())
        d += days(1);
    return d;
}

date nextSaturday()
{
    date d = now().localDay + days(1);
    while (d.day_of_week().as_number() != 6)
        d += days(1);
    return d;
}

} // namespace

class CliBooking : public ::testing::Test {
protected:
    TempDir dir;
    std::string db = (dir / "cli.db").string();
    std::vector<std::string> env;
    void SetUp() override
    {
        // No office file of the machine's user: the shipped defaults, unless a test gives one.
        env = cliUser("admin", "admin-pass-1");
        env.push_back("XDG_CONFIG_HOME=" + (dir / "config").string());
        auto r = runCli({"--db", db, "user", "init-admin", "--name", "admin"}, "admin-pass-1\n");
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    ProcessResult cli(std::vector<std::string> args)
    {
        args.insert(args.begin(), {"--db", db});
        return runCli(args, "", env);
    }
    nlohmann::json add(const std::string& at, const std::string& procedure = "pin-reset",
                       std::vector<std::string> more = {})
    {
        std::vector<std::string> args{"booking", "add",           "--procedure", procedure, "--at",
                                      at,        "--name",        "山田 太郎",   "--kana",  "ヤマダ タロウ",
                                      "--phone", "090-1234-5678", "--json"};
        args.insert(args.end(), more.begin(), more.end());
        auto r = cli(args);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return r.json();
    }
    // An office file open every day from 00:00 to 23:55 with one window: today always has room.
    std::string allDayOffice()
    {
        auto path = dir / "allday.json";
        std::ofstream(path) << R"({"name_ja": "テスト市役所", "appointments": {
          "hours": [{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "open": "00:00", "close": "23:55"}],
          "closed_on_national_holidays": false, "closed_at_year_end": false, "slot_minutes": 5,
          "kinds": [{"id": "one", "name": {"ja": "窓口", "en": "Counter"}, "windows": 1, "procedures": "rest"}],
          "appointment_minutes": {"pin-reset": 5}}})";
        return path.string();
    }
};

TEST_F(CliBooking, AddPrintsTheContractKeys)
{
    std::string day = toIso(openDay());
    auto b = add(day + "T10:00", "pin-reset", {"--procedure", "cert-renewal", "--birth", "1970-05-20", "--lang", "en"});
    for (const char* key : {"id", "booking_number", "start", "procedure", "procedures", "state", "name", "kana",
                            "birth", "phone", "lang", "minutes", "late"})
        EXPECT_TRUE(b.contains(key)) << key;
    EXPECT_EQ(b["booking_number"], "Y-000001");
    EXPECT_EQ(b["start"].get<std::string>().substr(0, 19), day + "T10:00:00");
    EXPECT_EQ(b["procedure"], "pin-reset");
    EXPECT_EQ(b["procedures"], nlohmann::json::parse(R"(["pin-reset", "cert-renewal"])"));
    EXPECT_EQ(b["state"], "booked");
    EXPECT_EQ(b["minutes"], 35);
    EXPECT_EQ(b["lang"], "en");
}

TEST_F(CliBooking, PastCapacityOnAClosedDayOrOutsideTheHoursIsExit2WithOneLine)
{
    std::string day = toIso(openDay());
    add(day + "T10:00");
    add(day + "T10:00"); // the second of two windows
    auto full = cli({"booking", "add", "--procedure", "pin-reset", "--at", day + "T10:05", "--name", "佐藤 花子",
                     "--kana", "サトウ ハナコ"});
    EXPECT_EQ(full.exitCode, 2);
    EXPECT_NE(full.err.find("fully booked"), std::string::npos) << full.err;
    EXPECT_EQ(std::count(full.err.begin(), full.err.end(), '\n'), 1);
    auto closed = cli({"booking", "add", "--procedure", "pin-reset", "--at", toIso(nextSaturday()) + "T10:00", "--name",
                       "佐藤 花子", "--kana", "サトウ ハナコ"});
    EXPECT_EQ(closed.exitCode, 2);
    EXPECT_NE(closed.err.find("takes no bookings"), std::string::npos) << closed.err;
    auto late = cli({"booking", "add", "--procedure", "card-receipt", "--at", day + "T17:00", "--name", "佐藤 花子",
                     "--kana", "サトウ ハナコ"});
    EXPECT_EQ(late.exitCode, 2);
    EXPECT_NE(late.err.find("outside the hours"), std::string::npos) << late.err;
    auto bad = cli({"booking", "add", "--procedure", "pin-reset", "--at", day + "T25:00", "--name", "佐藤 花子",
                    "--kana", "サトウ ハナコ"});
    EXPECT_EQ(bad.exitCode, 2);
    auto list = cli({"booking", "list", "--date", day, "--json"});
    EXPECT_EQ(list.json().size(), 2u); // nothing written by a refusal
}

TEST_F(CliBooking, SlotsAreAnArrayOfStartAndFree)
{
    std::string day = toIso(openDay());
    add(day + "T08:30");
    auto r = cli({"booking", "slots", "--procedure", "pin-reset", "--from", day, "--days", "1", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto slots = r.json();
    ASSERT_TRUE(slots.is_array());
    ASSERT_EQ(slots.size(), 35u); // 8:30 … 17:00 every 15 minutes
    EXPECT_EQ(slots[0]["start"].get<std::string>().substr(0, 16), day + "T08:30");
    EXPECT_EQ(slots[0]["free"], 1);
    EXPECT_EQ(slots[1]["free"], 2);
    auto first = cli({"booking", "slots", "--procedure", "pin-reset", "--from", day, "--first", "--json"});
    ASSERT_EQ(first.json().size(), 1u);
    auto week = cli({"booking", "slots", "--procedure", "card-receipt", "--from", day, "--days", "7", "--json"});
    for (const auto& s : week.json())
        EXPECT_FALSE(bookings::OfficeCalendar::defaults()
                         .hoursOn(parseIsoDate(s["start"].get<std::string>().substr(0, 10), "start"))
                         .empty());
    EXPECT_EQ(cli({"booking", "slots", "--procedure", "pin-reset", "--from", "2020-01-01"}).exitCode, 2);
}

TEST_F(CliBooking, ListShowMoveAndCancel)
{
    std::string day = toIso(openDay());
    auto b = add(day + "T10:00");
    std::string id = std::to_string(b["id"].get<long long>());
    auto list = cli({"booking", "list", "--date", day, "--json"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    ASSERT_EQ(list.json().size(), 1u);
    auto found = cli({"booking", "list", "--search", "やまだ", "--json"});
    EXPECT_EQ(found.json().size(), 1u);
    auto byPhone = cli({"booking", "list", "--search", "1234-5678", "--json"});
    EXPECT_EQ(byPhone.json().size(), 1u);
    auto shown = cli({"booking", "show", "Y-000001", "--json"});
    ASSERT_EQ(shown.exitCode, 0) << shown.err;
    EXPECT_EQ(shown.json()["id"], b["id"]);
    auto moved = cli({"booking", "move", id, "--at", day + "T11:30", "--json"});
    ASSERT_EQ(moved.exitCode, 0) << moved.err;
    EXPECT_EQ(moved.json()["start"].get<std::string>().substr(11, 5), "11:30");
    auto noReason = cli({"booking", "cancel", id});
    EXPECT_EQ(noReason.exitCode, 2);
    auto cancelled = cli({"booking", "cancel", id, "--reason", "本人から電話", "--json"});
    ASSERT_EQ(cancelled.exitCode, 0) << cancelled.err;
    EXPECT_EQ(cancelled.json()["state"], "cancelled");
    EXPECT_EQ(cli({"booking", "move", id, "--at", day + "T12:00"}).exitCode, 2);
    EXPECT_EQ(cli({"booking", "show", "999"}).exitCode, 2);
    EXPECT_EQ(cli({"booking", "show", "abc"}).exitCode, 2);
    // Every look is audited: a list, a show.
    auto audit = cli({"audit", "list", "--json"});
    ASSERT_EQ(audit.exitCode, 0) << audit.err;
    std::string trail = audit.out;
    for (const char* action : {"booking.create", "booking.list", "booking.view", "booking.move", "booking.cancel"})
        EXPECT_NE(trail.find(action), std::string::npos) << action;
    EXPECT_EQ(trail.find("山田"), std::string::npos);
}

TEST_F(CliBooking, CheckinPrintsTheNewCaseLinkedToTheBooking)
{
    bookings::StartTime t = bookings::nowAtOffice();
    t.minute = (t.minute / 5 + 2) * 5;
    if (t.minute + 5 > 23 * 60 + 55)
        GTEST_SKIP() << "too near midnight for a booking today";
    std::string office = allDayOffice();
    auto b = add(bookings::toIsoMinute(t), "pin-reset", {"--office", office});
    std::string id = std::to_string(b["id"].get<long long>());
    auto noBirth = cli({"booking", "checkin", id, "--json"});
    EXPECT_EQ(noBirth.exitCode, 2);
    EXPECT_NE(noBirth.err.find("--birth"), std::string::npos) << noBirth.err;
    auto c = cli({"booking", "checkin", id, "--birth", "1970-05-20", "--window", "2", "--json"});
    ASSERT_EQ(c.exitCode, 0) << c.err;
    auto visit = c.json();
    EXPECT_EQ(visit["reception_number"], "A-001");
    EXPECT_EQ(visit["booking_id"], b["id"]);
    EXPECT_EQ(visit["booked_start"], b["start"]);
    EXPECT_EQ(visit["procedure"], "pin-reset");
    EXPECT_EQ(visit["name"], "山田 太郎");
    auto after = cli({"booking", "show", id, "--json"});
    EXPECT_EQ(after.json()["state"], "arrived");
    EXPECT_EQ(after.json()["case_id"], visit["id"]);
    EXPECT_EQ(cli({"booking", "checkin", id, "--birth", "1970-05-20"}).exitCode, 2);
    // The case list shows where a visit came from.
    auto cases = cli({"case", "list", "--json"});
    EXPECT_EQ(cases.json()[0]["booking_id"], b["id"]);
    // A booking for another day is checked in on its day only.
    auto tomorrow = add(toIso(openDay()) + "T10:00");
    auto early = cli({"booking", "checkin", std::to_string(tomorrow["id"].get<long long>()), "--birth", "1970-05-20"});
    EXPECT_EQ(early.exitCode, 2);
}

// Issue #16 item 1 through `call next`: a resident checked in for a booking is called at the
// booking's time before the walk-ins who came earlier, and not before it; with the order set to
// arrival, by arrival (core/queue/queue_order.hpp, fed by cases.booked_start).
TEST_F(CliBooking, CallNextTakesTheBookedResidentFirstOnceTheBookingsTimeHasCome)
{
    std::string office = allDayOffice();
    auto walkIn = [&](const char* procedure) {
        auto c = cli({"case", "add", "--procedure", procedure, "--name", "佐藤 花子", "--kana", "サトウ ハナコ",
                      "--birth", "1980-01-02", "--window", "1"});
        ASSERT_EQ(c.exitCode, 0) << c.err;
    };
    walkIn("reissue");   // A-001
    walkIn("pin-reset"); // A-002
    walkIn("reissue");   // A-003
    // Any minute may start an appointment: the booking is for the coming minute (at least 15 s
    // away, so that the first call below is surely made before it).
    auto clock = std::chrono::system_clock::now();
    bookings::StartTime start = bookings::nowAtOffice();
    const int secondsIntoMinute =
        static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(clock.time_since_epoch()).count() % 60);
    start.minute += secondsIntoMinute < 45 ? 1 : 2;
    if (start.minute + 5 > 23 * 60 + 55)
        GTEST_SKIP() << "too near midnight for a booking today";
    auto b = add(bookings::toIsoMinute(start), "pin-reset", {"--office", office});
    auto checkin = cli({"booking", "checkin", std::to_string(b["id"].get<long long>()), "--birth", "1970-05-20",
                        "--window", "1", "--json"});
    ASSERT_EQ(checkin.exitCode, 0) << checkin.err;
    ASSERT_EQ(checkin.json()["reception_number"], "A-004");
    ASSERT_EQ(checkin.json()["booked_start"], b["start"]);

    // Before its time the booked resident waits like anyone who came early: arrival order.
    auto first = cli({"call", "next", "--window", "1", "--json"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_EQ(first.json()["reception_number"], "A-001");

    // Once the start has come (the test waits for it on the clock):
    auto startEpoch = epochSeconds(b["start"].get<std::string>());
    ASSERT_TRUE(startEpoch);
    while (now().epoch < *startEpoch)
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    // … by arrival when the office says so (A-002 came before the booked A-004) …
    ASSERT_EQ(cli({"call", "settings", "--order", "arrival"}).exitCode, 0);
    auto byArrival = cli({"call", "next", "--window", "2", "--json"});
    ASSERT_EQ(byArrival.exitCode, 0) << byArrival.err;
    EXPECT_EQ(byArrival.json()["reception_number"], "A-002");
    // … and booked first by default: A-004 before A-003, who came earlier.
    ASSERT_EQ(cli({"call", "settings", "--order", "booked-first"}).exitCode, 0);
    auto booked = cli({"call", "next", "--window", "2", "--json"});
    ASSERT_EQ(booked.exitCode, 0) << booked.err;
    EXPECT_EQ(booked.json()["reception_number"], "A-004");
    EXPECT_EQ(booked.json()["booking_id"], b["id"]);
    auto last = cli({"call", "next", "--window", "3", "--json"});
    ASSERT_EQ(last.exitCode, 0) << last.err;
    EXPECT_EQ(last.json()["reception_number"], "A-003");
}

TEST_F(CliBooking, AnOfficeFileThatIsWrongIsExit2BeforeAnythingIsWritten)
{
    auto path = dir / "bad.json";
    std::ofstream(path) << R"({"appointments": {"windows": 2}})";
    auto r = cli({"booking", "add", "--procedure", "pin-reset", "--at", toIso(openDay()) + "T10:00", "--name",
                  "山田 太郎", "--kana", "ヤマダ タロウ", "--office", path.string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("windows"), std::string::npos) << r.err;
    EXPECT_EQ(cli({"booking", "list", "--date", toIso(openDay()), "--json"}).json().size(), 0u);
}
