#pragma once
// The limit on connections the display server takes at once (cpp-httplib runs each connection on
// a thread of its task queue). Up to `workers` connections are served; one more is handed to a
// small refusing thread, where the server answers 503 at once; when even that one's short queue is
// full the accepting thread waits, and the kernel's listen backlog holds (or drops) the rest. So
// a flood of connections costs a bounded number of threads and bytes, and the screens already
// connected keep their updates.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <httplib.h>
#include <mutex>
#include <thread>
#include <vector>

namespace madoguchi::display {

class ConnectionLimit final : public httplib::TaskQueue {
public:
    ConnectionLimit(std::size_t workers, std::size_t refusalsQueued);
    ~ConnectionLimit() override;

    void enqueue(std::function<void()> fn) override;
    void shutdown() override;

    // True on the refusing thread: the request handler answers 503 Too Many Connections.
    static bool refusingHere();
    std::size_t busy() const; // connections being served now

private:
    void work();
    void refuse();

    const std::size_t workers_, refusalsQueued_;
    mutable std::mutex mutex_;
    std::condition_variable jobReady_, refusalReady_, room_;
    std::deque<std::function<void()>> jobs_, refusals_;
    std::size_t active_ = 0;
    bool shutdown_ = false;
    std::vector<std::thread> threads_;
};

} // namespace madoguchi::display
