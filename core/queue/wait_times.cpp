// Waiting times from the call entries of visits' histories.
#include "core/queue/wait_times.hpp"

#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"

#include <algorithm>
#include <cctype>

namespace madoguchi {

std::optional<std::int64_t> answeredCallAt(std::span<const CallMark> calls)
{
    std::optional<std::int64_t> roundStart, answered;
    for (const auto& c : calls) {
        switch (c.kind) {
        case HistoryKind::Called:
            roundStart = c.at;
            break;
        case HistoryKind::CalledAgain:
            if (!roundStart)
                roundStart = c.at; // a repeat without its call (never written, but read kindly)
            break;
        case HistoryKind::Absent:
            roundStart.reset();
            break;
        default:
            break;
        }
        answered = roundStart;
    }
    return answered;
}

VisitWaits visitWaits(std::int64_t receivedAt, std::span<const CallMark> calls, std::optional<std::int64_t> doneAt)
{
    VisitWaits w;
    auto called = answeredCallAt(calls);
    if (!called)
        return w;
    w.waitMinutes = std::max<double>(0, static_cast<double>(*called - receivedAt) / 60.0);
    if (doneAt)
        w.serviceMinutes = std::max<double>(0, static_cast<double>(*doneAt - *called) / 60.0);
    return w;
}

std::vector<CallMark> callMarks(const Case& c)
{
    std::vector<CallMark> marks;
    for (const auto& h : c.history)
        if (isCallKind(h.kind))
            if (auto at = epochSeconds(h.at))
                marks.push_back({*at, h.kind});
    return marks;
}

VisitWaits visitWaits(const Case& c)
{
    auto received = epochSeconds(c.createdAt);
    if (!received)
        return {};
    std::optional<std::int64_t> done;
    if (auto at = visitDoneAt(c))
        done = epochSeconds(*at);
    auto marks = callMarks(c);
    return visitWaits(*received, marks, done);
}

int localHourOf(const std::string& iso)
{
    if (iso.size() >= 13 && iso[10] == 'T' && std::isdigit(static_cast<unsigned char>(iso[11])) &&
        std::isdigit(static_cast<unsigned char>(iso[12])))
        return std::min((iso[11] - '0') * 10 + (iso[12] - '0'), 23);
    return 0;
}

void WaitFigure::add(double minutes)
{
    ++count;
    totalMinutes += minutes;
    longestMinutes = std::max(longestMinutes, minutes);
}

std::optional<double> WaitFigure::averageMinutes() const
{
    if (count == 0)
        return std::nullopt;
    return totalMinutes / count;
}

TimedVisit timedVisit(const Case& c)
{
    return {proceduresOf(c), localHourOf(c.createdAt), visitWaits(c)};
}

namespace {

void count(WaitCell& cell, const VisitWaits& w)
{
    if (w.waitMinutes)
        cell.wait.add(*w.waitMinutes);
    if (w.serviceMinutes)
        cell.service.add(*w.serviceMinutes);
}

} // namespace

WaitTable tabulateWaits(std::span<const TimedVisit> visits)
{
    WaitTable t;
    for (const auto& v : visits) {
        if (!v.waits.waitMinutes)
            continue; // never answered a call: nothing to count
        count(t.all, v.waits);
        count(t.byHour[v.hour], v.waits);
        for (Procedure p : v.procedures) {
            count(t.byProcedure[p], v.waits);
            count(t.byProcedureHour[{p, v.hour}], v.waits);
        }
    }
    return t;
}

} // namespace madoguchi
