#pragma once
// A bulk import's pure work (checking each case, folding its names for search, formatting its
// dates) done on a second thread while the first writes the cases already prepared: on a
// two-core counter PC the write no longer waits for ICU between rows.
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <stop_token>
#include <thread>
#include <vector>

namespace madoguchi::db {

template <typename In, typename Out> class PreparedAhead {
public:
    // Starts preparing in[0], in[1], ... in order; `in` must outlive this object.
    PreparedAhead(const std::vector<In>& in, std::function<Out(const In&)> prepare)
        : in_(in), prepare_(std::move(prepare)), out_(in.size()), worker_([this](std::stop_token stop) { run(stop); })
    {
    }
    PreparedAhead(const PreparedAhead&) = delete;
    PreparedAhead& operator=(const PreparedAhead&) = delete;
    ~PreparedAhead() = default; // std::jthread asks the worker to stop and joins it

    // Item i once prepared (waits for it). Rethrows what preparing it threw: items are taken in
    // order, so the caller sees the first bad input exactly where a one-thread loop would.
    Out& take(std::size_t i)
    {
        std::size_t ready;
        while ((ready = ready_.load(std::memory_order_acquire)) <= i)
            ready_.wait(ready, std::memory_order_acquire);
        if (error_ && i == failedAt_)
            std::rethrow_exception(error_);
        return out_[i];
    }

private:
    void run(std::stop_token stop)
    {
        for (std::size_t i = 0; i < in_.size() && !stop.stop_requested(); ++i) {
            bool failed = false;
            try {
                out_[i] = prepare_(in_[i]);
            } catch (...) {
                error_ = std::current_exception();
                failedAt_ = i;
                failed = true;
            }
            ready_.store(i + 1, std::memory_order_release); // publishes out_[i] (or the error)
            // Waking the writer costs a system call: do it every few rows, and at the end.
            if (failed || i % 64 == 63 || i + 1 == in_.size())
                ready_.notify_all();
            if (failed)
                return;
        }
    }

    const std::vector<In>& in_;
    std::function<Out(const In&)> prepare_;
    std::vector<Out> out_;
    std::exception_ptr error_;
    std::size_t failedAt_ = 0;
    std::atomic<std::size_t> ready_{0};
    std::jthread worker_; // last: starts after every member above is built
};

} // namespace madoguchi::db
