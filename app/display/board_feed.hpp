#pragma once
// The one thread that reads the case book for the hall: it reads the queue (db/hall_reader.hpp)
// as soon as the case book changes — SQLite's data_version, PostgreSQL's notifications — and at
// least every few seconds (numbers sent back come back, bookings fall due), makes the board
// (core/queue/hall_board.hpp) and publishes it. While the case book cannot be read (locked by a
// writer, the server away) it says so on the board and in the log, and tries again every second.
#include "app/display/board_hub.hpp"
#include "app/display/display_log.hpp"
#include "db/hall_reader.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace madoguchi::display {

class BoardFeed {
public:
    BoardFeed(std::string url, std::string office, BoardHub& hub, DisplayLog& log);
    ~BoardFeed(); // stops and joins
    // Opens the reader once, now: a case book that can never be read (no such file, not a case
    // book, a role without the display grants) is a StorageError for the caller; one that is only
    // away for now (locked, the server down) is not — the feed keeps trying.
    void openNow();
    void start();
    void stop();

private:
    void run();
    void readOnce();
    bool sleepFor(std::chrono::milliseconds d); // false once stopped

    std::string url_, office_;
    BoardHub& hub_;
    DisplayLog& log_;
    std::unique_ptr<db::HallReader> reader_;
    bool away_ = false;
    std::string lastProblem_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    std::thread thread_;
};

} // namespace madoguchi::display
