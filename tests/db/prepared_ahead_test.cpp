#include "db/prepared_ahead.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <stdexcept>
#include <string>
#include <thread>

using madoguchi::db::PreparedAhead;

TEST(PreparedAhead, GivesEveryItemInOrderWhateverTheTwoThreadsSpeeds)
{
    std::vector<int> in(20000);
    for (int i = 0; i < static_cast<int>(in.size()); ++i)
        in[i] = i;
    PreparedAhead<int, std::string> prepared(in, [](const int& i) { return std::to_string(i * 3); });
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (i % 5000 == 0) // let the worker run ahead, then catch up with it
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        ASSERT_EQ(prepared.take(i), std::to_string(i * 3));
    }
}

TEST(PreparedAhead, AFailureIsThrownAtItsItemAndTheItemsBeforeItAreIntact)
{
    std::vector<int> in{1, 2, 3, -4, 5};
    PreparedAhead<int, int> prepared(in, [](const int& i) {
        if (i < 0)
            throw std::invalid_argument("negative: " + std::to_string(i));
        return i * 10;
    });
    EXPECT_EQ(prepared.take(0), 10);
    EXPECT_EQ(prepared.take(2), 30);
    try {
        prepared.take(3);
        FAIL() << "the bad item was handed out";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "negative: -4");
    }
    EXPECT_EQ(prepared.take(1), 20); // what was prepared stays available
}

TEST(PreparedAhead, LeavingEarlyStopsTheWorker)
{
    std::vector<int> in(1'000'000, 1);
    std::atomic<int> done{0};
    {
        PreparedAhead<int, int> prepared(in, [&](const int& i) {
            std::this_thread::sleep_for(std::chrono::microseconds(20));
            ++done;
            return i;
        });
        EXPECT_EQ(prepared.take(10), 1);
    } // a write that failed at item 10 leaves here: the destructor must not prepare the rest
    EXPECT_LT(done.load(), 100'000);
}

TEST(PreparedAhead, NothingToPrepare)
{
    std::vector<int> in;
    PreparedAhead<int, int> prepared(in, [](const int& i) { return i; });
}
