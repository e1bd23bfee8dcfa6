#include "app/display/board_feed.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"

namespace madoguchi::display {

namespace {
constexpr auto kRetry = std::chrono::seconds(1);
constexpr auto kSlice = std::chrono::milliseconds(250);
constexpr int kSlicesBetweenReads = 20; // read at least every 5 s
} // namespace

BoardFeed::BoardFeed(std::string url, std::string office, BoardHub& hub, DisplayLog& log)
    : url_(std::move(url)), office_(std::move(office)), hub_(hub), log_(log)
{
}

BoardFeed::~BoardFeed()
{
    stop();
}

void BoardFeed::openNow()
{
    try {
        reader_ = db::openHallReader(url_, office_);
    } catch (const StorageError& e) {
        if (e.kind() != StorageError::Kind::Unreachable && e.kind() != StorageError::Kind::Busy)
            throw;
        log_.line(std::string("the case book cannot be read yet, trying again: ") + e.what());
        away_ = true;
        hub_.publishAway(now().iso);
    }
}

void BoardFeed::start()
{
    thread_ = std::thread([this] { run(); });
}

void BoardFeed::stop()
{
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

bool BoardFeed::sleepFor(std::chrono::milliseconds d)
{
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, d, [this] { return stop_; });
}

void BoardFeed::readOnce()
{
    if (!reader_)
        reader_ = db::openHallReader(url_, office_);
    Timestamp t = now();
    HallSnapshot snapshot = reader_->read(toIso(t.localDay));
    hub_.publish(hallBoard(snapshot, t.epoch), snapshot.calls, t.iso);
    if (away_ || lastProblem_.empty()) {
        log_.line("reading the queue of office " + office_ + " from " + reader_->describe());
        away_ = false;
        lastProblem_ = "-";
    }
}

void BoardFeed::run()
{
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stop_)
                return;
        }
        try {
            readOnce();
            // Until the case book changes, or a few seconds have gone by.
            for (int i = 0; i < kSlicesBetweenReads; ++i) {
                if (reader_->waitForChange(kSlice))
                    break;
                std::lock_guard lock(mutex_);
                if (stop_)
                    return;
            }
        } catch (const StorageError& e) {
            std::string problem = e.what();
            if (!away_ || problem != lastProblem_)
                log_.line("cannot read the case book: " + problem);
            away_ = true;
            lastProblem_ = problem;
            hub_.publishAway(now().iso);
            // Busy: the same connection reads again once the writer lets go; anything else
            // opens anew (the server came back, the file was replaced by a restore).
            if (e.kind() != StorageError::Kind::Busy)
                reader_.reset();
            if (!sleepFor(kRetry))
                return;
        } catch (const std::exception& e) {
            log_.line(std::string("reading the queue failed: ") + e.what());
            away_ = true;
            lastProblem_ = e.what();
            hub_.publishAway(now().iso);
            reader_.reset();
            if (!sleepFor(kRetry))
                return;
        }
    }
}

} // namespace madoguchi::display
