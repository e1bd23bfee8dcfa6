#pragma once
// The latest board and the calls, between the one thread that reads the case book (BoardFeed)
// and the thread of every connected screen (HallServer's /events): the feed publishes, each
// screen waits for what it has not had yet. A call is kept a while, so a screen that reconnects
// (Last-Event-ID) still gets the chime of a call it missed by a second.
#include "core/queue/hall_board.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::display {

struct CallEvent {
    std::int64_t seq = 0;
    std::string json; // callJson()
    std::chrono::steady_clock::time_point seen;
};

class BoardHub {
public:
    // A new board read at `at` (ISO), with every call of the day: those newer than the last
    // published become call events. The first board after start makes none (the day's earlier
    // calls are not announced again).
    void publish(const HallBoard& board, const std::vector<HallCall>& calls, const std::string& at);
    // The case book cannot be read now (since `since`, ISO): the board stays, marked so.
    void publishAway(const std::string& since);
    // Wakes every waiting screen for good.
    void stop();

    struct View {
        std::uint64_t version = 0;
        std::string board;            // the board's JSON, with `source`
        std::vector<CallEvent> calls; // after the seq asked for
        std::int64_t lastSeq = 0;
        bool stopped = false;
    };
    // The board now and the calls after `seq`, seen no longer than `maxAge` ago.
    View now(std::int64_t seq, std::chrono::seconds maxAge = std::chrono::seconds(30)) const;
    // Waits until the version passes `version` (a new board or call), stop(), or `timeout`; then
    // as now(seq). None on a timeout.
    std::optional<View> waitAfter(std::uint64_t version, std::int64_t seq, std::chrono::milliseconds timeout) const;
    std::int64_t lastSeq() const;
    bool sourceOk() const;
    bool published() const; // a board has been read at least once

private:
    View viewLocked(std::int64_t seq, std::chrono::seconds maxAge) const;
    std::string boardTextLocked() const;

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::uint64_t version_ = 0;
    std::string boardJson_; // without `source`
    bool ok_ = false;
    bool published_ = false;
    std::string since_;  // when the source went away
    std::string readAt_; // when the board was read
    std::int64_t lastSeq_ = 0;
    std::deque<CallEvent> calls_;
    bool stopped_ = false;
};

} // namespace madoguchi::display
