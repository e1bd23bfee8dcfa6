#include "app/gui/store_worker.hpp"

#include <atomic>
#include <chrono>
#include <future>
#include <gtest/gtest.h>
#include <set>
#include <thread>
#include <vector>

using madoguchi::gui::StoreWorker;

TEST(StoreWorker, RunsTheCallsInOrderOnOneThreadNotTheCallers)
{
    std::vector<int> order;
    std::set<std::thread::id> threads;
    std::promise<void> last;
    {
        StoreWorker worker;
        for (int i = 0; i < 200; ++i)
            worker.post([&, i] {
                order.push_back(i); // no lock: only the worker touches it, one call after the other
                threads.insert(std::this_thread::get_id());
                if (i == 199)
                    last.set_value();
            });
        last.get_future().wait();
    }
    ASSERT_EQ(order.size(), 200u);
    for (int i = 0; i < 200; ++i)
        EXPECT_EQ(order[i], i);
    ASSERT_EQ(threads.size(), 1u);
    EXPECT_NE(*threads.begin(), std::this_thread::get_id());
}

TEST(StoreWorker, FinishesWhatWasPostedBeforeItGoes)
{
    std::atomic<int> done{0};
    {
        StoreWorker worker;
        for (int i = 0; i < 20; ++i)
            worker.post([&] {
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
                ++done;
            });
    } // a save posted just before the window closes still reaches the case book
    EXPECT_EQ(done.load(), 20);
}
