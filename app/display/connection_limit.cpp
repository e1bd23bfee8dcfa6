#include "app/display/connection_limit.hpp"

namespace madoguchi::display {

namespace {
thread_local bool tRefusing = false;
} // namespace

ConnectionLimit::ConnectionLimit(std::size_t workers, std::size_t refusalsQueued)
    : workers_(workers), refusalsQueued_(refusalsQueued)
{
    for (std::size_t i = 0; i < workers_; ++i)
        threads_.emplace_back([this] { work(); });
    threads_.emplace_back([this] { refuse(); });
}

ConnectionLimit::~ConnectionLimit()
{
    shutdown();
}

bool ConnectionLimit::refusingHere()
{
    return tRefusing;
}

std::size_t ConnectionLimit::busy() const
{
    std::lock_guard lock(mutex_);
    return active_ + jobs_.size();
}

void ConnectionLimit::enqueue(std::function<void()> fn)
{
    std::unique_lock lock(mutex_);
    if (active_ + jobs_.size() < workers_) {
        jobs_.push_back(std::move(fn));
        jobReady_.notify_one();
        return;
    }
    room_.wait(lock, [this] { return shutdown_ || refusals_.size() < refusalsQueued_; });
    if (shutdown_)
        return; // the server is going: the socket goes with the process
    refusals_.push_back(std::move(fn));
    refusalReady_.notify_one();
}

void ConnectionLimit::shutdown()
{
    {
        std::lock_guard lock(mutex_);
        if (shutdown_ && threads_.empty())
            return;
        shutdown_ = true;
    }
    jobReady_.notify_all();
    refusalReady_.notify_all();
    room_.notify_all();
    for (auto& t : threads_)
        if (t.joinable())
            t.join();
    threads_.clear();
}

void ConnectionLimit::work()
{
    for (;;) {
        std::function<void()> fn;
        {
            std::unique_lock lock(mutex_);
            jobReady_.wait(lock, [this] { return shutdown_ || !jobs_.empty(); });
            if (jobs_.empty())
                return;
            fn = std::move(jobs_.front());
            jobs_.pop_front();
            ++active_;
        }
        fn();
        std::lock_guard lock(mutex_);
        --active_;
    }
}

void ConnectionLimit::refuse()
{
    tRefusing = true;
    for (;;) {
        std::function<void()> fn;
        {
            std::unique_lock lock(mutex_);
            refusalReady_.wait(lock, [this] { return shutdown_ || !refusals_.empty(); });
            if (refusals_.empty())
                return;
            fn = std::move(refusals_.front());
            refusals_.pop_front();
        }
        room_.notify_one();
        fn();
    }
}

} // namespace madoguchi::display
