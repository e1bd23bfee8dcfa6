#pragma once
// How long residents wait: from arrival to the call they answered, and from that call until the
// visit is done; per visit, and for a day by procedure and by the hour of arrival. One owner for
// these figures: the daily report, the supervisor view and the hall's "average wait" all ask it.
#include "core/cases/case.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace madoguchi {

// One call entry of a visit's history: when, and which kind (Called, CalledAgain, Absent).
struct CallMark {
    std::int64_t at = 0; // seconds since the epoch
    HistoryKind kind = HistoryKind::Called;
};

// The call the resident answered. A call round begins with `called` (the next in the queue, or a
// number chosen by the clerk), `called-again` announces the same round once more, and `absent`
// ends it unanswered (the number goes back to the queue). The answer is the beginning of the last
// round that `absent` did not end; none when every round was (or there was no call).
std::optional<std::int64_t> answeredCallAt(std::span<const CallMark> calls);

struct VisitWaits {
    std::optional<double> waitMinutes;    // received → called (the answered call)
    std::optional<double> serviceMinutes; // called → done; none until the visit is done
};

VisitWaits visitWaits(std::int64_t receivedAt, std::span<const CallMark> calls, std::optional<std::int64_t> doneAt);
// The call entries of a stored visit's history, in order.
std::vector<CallMark> callMarks(const Case& c);
// From a stored visit: received at createdAt, its call entries, done at visitDoneAt().
VisitWaits visitWaits(const Case& c);

// The local hour (0–23) of an ISO timestamp with offset, as the clock in the hall showed it.
int localHourOf(const std::string& iso);

// Minutes counted: how many, their sum and the longest.
struct WaitFigure {
    int count = 0;
    double totalMinutes = 0;
    double longestMinutes = 0;
    void add(double minutes);
    std::optional<double> averageMinutes() const; // none when nothing was counted
};

struct WaitCell {
    WaitFigure wait;    // received → called
    WaitFigure service; // called → done
};

// A visit as the tables count it.
struct TimedVisit {
    std::vector<Procedure> procedures; // every procedure of the visit
    int hour = 0;                      // the local hour it arrived
    VisitWaits waits;
};
TimedVisit timedVisit(const Case& c);

struct WaitTable {
    WaitCell all;
    std::map<Procedure, WaitCell> byProcedure; // a visit of two procedures counts under each
    std::map<int, WaitCell> byHour;            // by the hour of arrival
    std::map<std::pair<Procedure, int>, WaitCell> byProcedureHour;
};
WaitTable tabulateWaits(std::span<const TimedVisit> visits);

} // namespace madoguchi
