#pragma once
// WaitingStore::call: a call of the case book on the worker, waited for without freezing the window
// (waiting_store.hpp). Its own header so that the forwarding calls may live in more than one file
// (waiting_store.cpp, waiting_booking_store.cpp).
#include "app/gui/waiting_store.hpp"
#include "core/common/errors.hpp"

#include <chrono>
#include <future>
#include <wx/thread.h>

namespace madoguchi::gui {

// Below this nothing is shown: a flicker of a window at every save would be worse than a pause.
inline constexpr auto kQuietWait = std::chrono::seconds(1);

template <typename F> std::invoke_result_t<F&> WaitingStore::call(F&& f)
{
    using Result = std::invoke_result_t<F&>;
    std::packaged_task<Result()> task(std::ref(f));
    std::future<Result> result = task.get_future();
    worker_.post([&task] { task(); });
    // A call made from an event handled during another call's wait (a live refresh, the idle
    // lock) runs after that one on the worker, and waits the same way: its wait window comes over
    // the first and both go in turn, so the window never blocks on a silent server. A call from
    // another thread queues the same way and just blocks: only the window's thread shows a wait.
    if (wxIsMainThread() && result.wait_for(kQuietWait) != std::future_status::ready)
        waitVisibly([&result] { return result.wait_for(std::chrono::seconds(0)) == std::future_status::ready; });
    try {
        return result.get(); // the value, or the call's exception, here on the window's thread
    } catch (const StorageError& e) {
        if (e.kind() == StorageError::Kind::Unreachable && unreachable_ && wxIsMainThread())
            unreachable_(e.what());
        throw;
    }
}

} // namespace madoguchi::gui
