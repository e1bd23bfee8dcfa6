#include "app/gui/store_worker.hpp"

namespace madoguchi::gui {

StoreWorker::StoreWorker() : thread_([this] { run(); }) {}

StoreWorker::~StoreWorker()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void StoreWorker::post(std::function<void()> task)
{
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(std::move(task));
    }
    wake_.notify_one();
}

void StoreWorker::run()
{
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
            if (tasks_.empty())
                return; // stopping, nothing left
            task = std::move(tasks_.front());
            tasks_.pop_front();
        }
        task(); // the tasks posted by WaitingStore catch everything into their futures
    }
}

} // namespace madoguchi::gui
