#pragma once
// One thread that makes the window's calls to the case book, one after the other, so that the
// window keeps painting (and says that it waits) while a server that stopped answering holds a
// call for seconds. The calls keep their order and never overlap: a connection is used by one
// thread at a time. wx-free; the waiting itself is waiting_store.cpp's.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace madoguchi::gui {

class StoreWorker {
public:
    StoreWorker();
    ~StoreWorker(); // finishes the calls already posted, then joins
    StoreWorker(const StoreWorker&) = delete;
    StoreWorker& operator=(const StoreWorker&) = delete;

    // Runs `task` on the worker after the tasks posted before it.
    void post(std::function<void()> task);

private:
    void run();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
    bool stopping_ = false;
    std::thread thread_; // last: starts once the members above exist
};

} // namespace madoguchi::gui
