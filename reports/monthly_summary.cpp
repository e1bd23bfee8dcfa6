// Counts one month (monthly_summary.hpp). Times come from each visit's history, the same entries
// the daily report reads.
#include "reports/monthly_summary.hpp"

#include "core/common/clock.hpp"

#include <algorithm>
#include <cmath>

namespace madoguchi::reports {

using boost::gregorian::date;

TimeFigures timeFigures(std::vector<double> minutes)
{
    TimeFigures t;
    t.measured = static_cast<int>(minutes.size());
    if (minutes.empty())
        return t;
    std::sort(minutes.begin(), minutes.end());
    double sum = 0;
    for (double m : minutes)
        sum += m;
    t.averageMinutes = sum / static_cast<double>(minutes.size());
    // Nearest rank: the ceil(0.9 n)-th smallest.
    auto rank = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(minutes.size())));
    t.p90Minutes = minutes[std::max<std::size_t>(rank, 1) - 1];
    return t;
}

namespace {

struct VisitTimes {
    std::optional<double> waiting, handling;
};

VisitTimes visitTimes(const Case& c)
{
    VisitTimes t;
    if (c.history.empty())
        return t;
    auto received = epochSeconds(c.history.front().at);
    std::optional<std::int64_t> started, done;
    for (const auto& h : c.history) {
        if (!started && h.to == CaseStatus::InProgress && h.from)
            started = epochSeconds(h.at);
        if (h.to == CaseStatus::Done)
            done = epochSeconds(h.at);
    }
    if (received && started && *started >= *received)
        t.waiting = static_cast<double>(*started - *received) / 60.0;
    if (c.status == CaseStatus::Done && started && done && *done >= *started)
        t.handling = static_cast<double>(*done - *started) / 60.0;
    return t;
}

} // namespace

MonthlySummary summarizeMonth(const std::vector<Case>& cases, const date& anyDay)
{
    MonthlySummary s;
    s.first = date(anyDay.year(), anyDay.month(), 1);
    s.last = s.first.end_of_month();
    s.visitsByDay.assign(static_cast<std::size_t>(s.last.day()), 0);
    const auto express = procedureFromId("express-reissue");
    const auto awaiting = statusFromId("awaiting-answer");
    if (express)
        s.expressIssuances = 0;
    if (awaiting)
        s.twoVisitWaiting = 0;
    std::vector<double> waiting, handling;
    for (const Case& c : cases) {
        auto created = readTimestamp(c.createdAt);
        if (!created)
            continue;
        const date day = created->localDay;
        if (day < s.first || day > s.last)
            continue;
        ++s.visits;
        ++s.visitsByStatus[statusIndex(c.status)];
        ++s.visitsByDay[static_cast<std::size_t>(day.day() - 1)];
        bool waitsForAnswer = false;
        for (const auto& l : c.procedures) {
            std::size_t st = statusIndex(l.status);
            ++s.procedures;
            ++s.proceduresByStatus[st];
            s.byApplicant[c.applicant.type][st] += 1;
            s.byProcedure[l.procedure][st] += 1;
            if (express && l.procedure == *express)
                ++*s.expressIssuances;
            if (awaiting && l.status == *awaiting)
                waitsForAnswer = true;
        }
        if (waitsForAnswer)
            ++*s.twoVisitWaiting;
        VisitTimes t = visitTimes(c);
        if (t.waiting)
            waiting.push_back(*t.waiting);
        if (t.handling)
            handling.push_back(*t.handling);
    }
    s.waiting = timeFigures(std::move(waiting));
    s.handling = timeFigures(std::move(handling));
    return s;
}

} // namespace madoguchi::reports
