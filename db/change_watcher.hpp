#pragma once
// Live refresh on a thread of its own, for a window that would rather be called than poll: the
// watcher subscribes to the store, waits for changes and hands each batch to `onChanges`; while
// the database cannot be reached it calls `onProblem` (a line for a banner) and keeps retrying,
// and once it is back, `onChanges` gets a Resync. Both callbacks run on the watcher's thread: a
// wx window passes them on with CallAfter. Destroying the watcher stops the thread within ~0.5 s.
#include "db/case_store.hpp"

#include <atomic>
#include <functional>
#include <thread>

namespace madoguchi::db {

class ChangeWatcher {
public:
    using Changes = std::function<void(const std::vector<ChangeEvent>&)>;
    using Problem = std::function<void(const std::string&)>;

    // `subscribe` opens the feed (again, after a failure): usually [&store] { return store.subscribe(); }.
    ChangeWatcher(std::function<std::unique_ptr<ChangeFeed>()> subscribe, Changes onChanges, Problem onProblem);
    ~ChangeWatcher();
    ChangeWatcher(const ChangeWatcher&) = delete;
    ChangeWatcher& operator=(const ChangeWatcher&) = delete;

private:
    void run();

    std::function<std::unique_ptr<ChangeFeed>()> subscribe_;
    Changes onChanges_;
    Problem onProblem_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

} // namespace madoguchi::db
