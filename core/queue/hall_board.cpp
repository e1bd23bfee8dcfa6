// The hall's board from a snapshot of the queue.
#include "core/queue/hall_board.hpp"

#include "core/common/clock.hpp"
#include "core/queue/wait_times.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace madoguchi {

bool windowBefore(const std::string& a, const std::string& b)
{
    auto number = [](const std::string& s) -> std::optional<long> {
        if (s.empty() || s.size() > 9 ||
            !std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); }))
            return std::nullopt;
        return std::stol(s);
    };
    auto na = number(a), nb = number(b);
    if (na && nb)
        return *na != *nb ? *na < *nb : a < b;
    if (na || nb)
        return static_cast<bool>(na); // numbers before names
    return a < b;
}

HallBoard hallBoard(const HallSnapshot& s, std::int64_t now, std::size_t nextCount)
{
    HallBoard b;
    b.office = s.office;
    b.day = s.day;

    std::map<std::string, std::vector<CallMark>> marks; // by reception number
    std::map<std::string, std::int64_t> lastAnnounced;
    for (const auto& c : s.calls) {
        if (auto at = epochSeconds(c.at))
            marks[c.receptionNumber].push_back({*at, c.kind});
        if (c.kind != HistoryKind::Absent)
            lastAnnounced[c.receptionNumber] = c.seq;
    }

    // Now serving: a standing call of an open visit that is not on hold; per window the latest.
    std::map<std::string, HallServing> byWindow;
    std::vector<QueueEntry> queue;
    std::map<Procedure, HallWait> waits;
    for (const auto& v : s.visits) {
        bool open = !isClosed(v.status);
        if (open && v.call && v.call->kind == CallState::Kind::Called && v.status != CaseStatus::Waiting) {
            HallServing serving{v.call->window, v.receptionNumber, v.call->calledAt, lastAnnounced[v.receptionNumber]};
            auto it = byWindow.find(serving.window);
            if (it == byWindow.end() || it->second.seq < serving.seq)
                byWindow[serving.window] = serving;
        }
        bool inQueue = v.status == CaseStatus::Received && (!v.call || v.call->kind == CallState::Kind::SentBack);
        std::optional<std::string> backAt;
        if (v.call && v.call->kind == CallState::Kind::SentBack)
            backAt = v.call->backAt;
        if (inQueue) {
            QueueEntry e{};
            e.receptionNumber = v.receptionNumber;
            e.receivedAt = epochSeconds(v.receivedAt).value_or(0);
            if (v.bookedAt)
                e.bookedAt = epochSeconds(*v.bookedAt);
            if (backAt)
                e.backAt = epochSeconds(*backAt);
            for (const auto& l : v.lines)
                if (!isClosed(l.status))
                    e.procedures.push_back(l.procedure);
            e.id = static_cast<CaseId>(queue.size()); // ties by the order read (reception order)
            queue.push_back(std::move(e));
        }
        for (const auto& l : v.lines) {
            HallWait& w = waits[l.procedure];
            w.procedure = l.procedure;
            if (inQueue && !isClosed(l.status))
                ++w.waiting;
        }
    }
    for (auto& [window, serving] : byWindow)
        b.serving.push_back(serving);
    std::sort(b.serving.begin(), b.serving.end(),
              [](const HallServing& x, const HallServing& y) { return windowBefore(x.window, y.window); });

    for (const QueueEntry* e : callOrder(queue, s.settings.order, now)) {
        if (b.next.size() >= nextCount)
            break;
        b.next.push_back(e->receptionNumber);
    }
    b.waiting = static_cast<int>(queue.size());

    // Averages: the same minutes for each procedure of a visit (tabulateWaits is the one owner).
    std::vector<TimedVisit> timed;
    for (const auto& v : s.visits) {
        auto received = epochSeconds(v.receivedAt);
        auto m = marks.find(v.receptionNumber);
        if (!received || m == marks.end())
            continue;
        TimedVisit t;
        for (const auto& l : v.lines)
            t.procedures.push_back(l.procedure);
        t.waits = visitWaits(*received, m->second, std::nullopt);
        timed.push_back(std::move(t));
    }
    WaitTable table = tabulateWaits(timed);
    for (auto& [procedure, w] : waits) {
        auto cell = table.byProcedure.find(procedure);
        if (cell != table.byProcedure.end() && cell->second.wait.averageMinutes()) {
            w.averageMinutes = static_cast<int>(std::lround(*cell->second.wait.averageMinutes()));
            w.called = cell->second.wait.count;
        }
        if (w.waiting > 0 || w.called > 0)
            b.waits.push_back(w);
    }

    for (auto c = s.calls.rbegin(); c != s.calls.rend() && b.recentCalls.size() < kHallRecentCalls; ++c)
        if (c->kind != HistoryKind::Absent)
            b.recentCalls.push_back(*c);
    return b;
}

} // namespace madoguchi
