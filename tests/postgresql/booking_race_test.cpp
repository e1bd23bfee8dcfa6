// Clerks at several windows booking the last slot at the same moment, each on a connection of its
// own to one PostgreSQL book: for every slot exactly one wins and every other is told the slot is
// full — never two bookings in one window.
#include "core/bookings/booking_rules.hpp"
#include "core/common/clock.hpp"
#include "db/booking_store.hpp"
#include "tests/db/test_books.hpp"

#include <atomic>
#include <barrier>
#include <gtest/gtest.h>
#include <pqxx/pqxx>
#include <thread>

using namespace madoguchi;
using namespace madoguchi::bookings;
using namespace madoguchi::test;
using boost::gregorian::date;
using boost::gregorian::days;

TEST(PostgresBookingRace, OfTwoClerksBookingTheLastSlotAtOnceOneWinsAndTheOtherIsTold)
{
    auto book = makeTestBook("postgresql");
    if (!book)
        GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
    // One window: every slot is the last slot.
    const OfficeCalendar calendar = OfficeCalendar::read(nlohmann::json::parse(R"({
      "hours": [{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "open": "08:00", "close": "18:00"}],
      "closed_on_national_holidays": false, "closed_at_year_end": false,
      "kinds": [{"id": "one", "name": {"ja": "窓口", "en": "Counter"}, "windows": 1, "procedures": "rest"}]})"),
                                                         "race", OfficeCalendar::defaults());
    db::openStore(book->url()); // migrate once, before the clerks arrive
    constexpr int kClerks = 4;
    constexpr int kSlots = 25;
    const date day = now().localDay + days(1);

    std::barrier start(kClerks);
    std::atomic<int> won{0}, toldFull{0}, other{0};
    std::vector<std::thread> clerks;
    for (int k = 0; k < kClerks; ++k)
        clerks.emplace_back([&, k] {
            auto store = db::openStore(book->url());
            db::Actor clerk{"clerk" + std::to_string(k + 1)};
            for (int slot = 0; slot < kSlots; ++slot) {
                BookingDraft d;
                d.procedures = {Procedure::PinReset};
                d.start = {day, 8 * 60 + slot * 15};
                d.name = "窓口" + std::to_string(k + 1) + " の予約";
                d.kana = "マドグチ";
                start.arrive_and_wait(); // every clerk presses save at once
                try {
                    store->bookings()->addBooking(d, calendar, clerk);
                    ++won;
                } catch (const BookingRefused& e) {
                    (e.why() == BookingRefused::Why::Full ? toldFull : other)++;
                } catch (const std::exception&) {
                    ++other;
                }
            }
        });
    for (auto& t : clerks)
        t.join();
    EXPECT_EQ(won.load(), kSlots);
    EXPECT_EQ(toldFull.load(), kSlots * (kClerks - 1));
    EXPECT_EQ(other.load(), 0);

    pqxx::connection c(book->url());
    pqxx::work tx(c);
    auto perSlot = tx.exec("SELECT start_minute, count(*) FROM bookings GROUP BY start_minute");
    EXPECT_EQ(static_cast<int>(perSlot.size()), kSlots);
    for (const auto& row : perSlot)
        EXPECT_EQ(row[1].as<int>(), 1) << "two bookings in the one window at minute " << row[0].as<int>();
    // Booking numbers: each handed out once, without gaps.
    auto numbers = tx.exec1("SELECT count(DISTINCT booking_number), max(seq) FROM bookings");
    EXPECT_EQ(numbers[0].as<int>(), kSlots);
    EXPECT_EQ(numbers[1].as<int>(), kSlots);
}
