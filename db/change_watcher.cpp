#include "db/change_watcher.hpp"

#include "core/common/errors.hpp"

namespace madoguchi::db {

namespace {

constexpr auto kWait = std::chrono::milliseconds(500); // how long a stop may take
constexpr auto kRetry = std::chrono::seconds(1);

} // namespace

ChangeWatcher::ChangeWatcher(std::function<std::unique_ptr<ChangeFeed>()> subscribe, Changes onChanges,
                             Problem onProblem)
    : subscribe_(std::move(subscribe)), onChanges_(std::move(onChanges)), onProblem_(std::move(onProblem))
{
    thread_ = std::thread([this] { run(); });
}

ChangeWatcher::~ChangeWatcher()
{
    stop_ = true;
    thread_.join();
}

void ChangeWatcher::run()
{
    std::unique_ptr<ChangeFeed> feed;
    bool failing = false;
    while (!stop_) {
        try {
            if (!feed) {
                feed = subscribe_();
                if (failing)
                    onChanges_({ChangeEvent{0, ChangeKind::Resync}}); // missed while away
            }
            auto events = feed->poll(kWait);
            failing = false;
            if (!events.empty())
                onChanges_(events);
        } catch (const StorageError& e) {
            // The feed reconnects by itself on its next poll; a feed that could not even be
            // opened is opened again.
            failing = true;
            onProblem_(e.what());
            for (auto slept = std::chrono::milliseconds(0); !stop_ && slept < kRetry; slept += kWait / 5)
                std::this_thread::sleep_for(kWait / 5);
        }
    }
}

} // namespace madoguchi::db
