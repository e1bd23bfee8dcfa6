#pragma once
// What the waiting hall's screen shows, made from what it may read of the queue: the numbers now
// called and at which window, the next numbers, today's average wait per procedure, and the
// calls themselves (for the chime). Reception numbers, windows, counts and minutes only: nothing
// here can name a resident, and the types cannot carry it.
#include "core/queue/call_settings.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi {

// A visit of today as the hall may see it.
struct HallVisit {
    std::string receptionNumber;
    std::string receivedAt; // ISO
    CaseStatus status = CaseStatus::Received;
    std::vector<ProcedureLine> lines;
    std::optional<CallState> call;
    std::optional<std::string> bookedAt; // a checked-in booking's start (ISO); none for a walk-in
};

// A call of today (a history entry of kind Called, CalledAgain or Absent).
struct HallCall {
    std::int64_t seq = 0; // increases with every call: the page chimes once per new one
    std::string receptionNumber;
    std::string window;
    std::string at; // ISO
    HistoryKind kind = HistoryKind::Called;
};

// Everything the hall reads at once (db/hall_reader.hpp).
struct HallSnapshot {
    std::string office;
    std::string day; // ISO
    std::vector<HallVisit> visits;
    std::vector<HallCall> calls; // in seq order
    CallSettings settings;
};

struct HallServing {
    std::string window;
    std::string receptionNumber;
    std::string calledAt;
    std::int64_t seq = 0; // of the call (or call again) last announced for it
};

struct HallWait {
    Procedure procedure = Procedure::CardReceipt;
    std::optional<int> averageMinutes; // today's received → called, rounded; none before the first call
    int called = 0;                    // how many were called today (the average's count)
    int waiting = 0;                   // how many wait for it now
};

struct HallBoard {
    std::string office, day;
    std::vector<HallServing> serving;  // one per window (its latest call), windows in natural order (2 before 10)
    std::vector<std::string> next;     // the next numbers, in the office's call order
    int waiting = 0;                   // visits in the queue now
    std::vector<HallWait> waits;       // procedures with a wait or a waiting visit today, in procedure order
    std::vector<HallCall> recentCalls; // the latest calls and repeats, newest first
};

inline constexpr std::size_t kHallNextCount = 8;
inline constexpr std::size_t kHallRecentCalls = 6;

// `now`: seconds since the epoch (numbers sent back come back, bookings fall due).
HallBoard hallBoard(const HallSnapshot& s, std::int64_t now, std::size_t nextCount = kHallNextCount);

// Natural order of window names: "2" < "10" < "A".
bool windowBefore(const std::string& a, const std::string& b);

} // namespace madoguchi
