#include "reports/daily_summary.hpp"

#include "core/cases/lifecycle.hpp"
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace madoguchi::reports {

namespace {

// The offset the office's timestamps carry (they all come from one clock).
int officeOffsetMinutes(const std::vector<Case>& cases)
{
    return offsetMinutesOf(cases.empty() ? now().iso : cases.front().createdAt);
}

} // namespace

void Tally::add(CaseStatus s)
{
    ++total;
    switch (statusStage(s)) {
    case StatusStage::NotStarted:
    case StatusStage::Active:
        ++open;
        break;
    case StatusStage::OnHold:
        ++waiting;
        break;
    case StatusStage::Closed:
        ++(s == CaseStatus::Done ? done : withdrawn);
        break;
    }
}

std::size_t statusIndex(CaseStatus s)
{
    return static_cast<std::size_t>(s);
}

std::vector<const DayCase*> DailySummary::select(bool (*keep)(const DayCase&)) const
{
    std::vector<const DayCase*> v;
    for (const auto& c : cases)
        if (keep(c))
            v.push_back(&c);
    return v;
}

namespace {

// 受付 or 対応中: not closed, not held up.
bool isOpen(CaseStatus s)
{
    return statusStage(s) == StatusStage::NotStarted || statusStage(s) == StatusStage::Active;
}

} // namespace

std::vector<const DayCase*> DailySummary::open() const
{
    return select([](const DayCase& c) { return isOpen(c.c.status); });
}

std::vector<const DayCase*> DailySummary::waiting() const
{
    return select([](const DayCase& c) {
        return std::any_of(c.lines.begin(), c.lines.end(),
                           [](const DayLine& l) { return statusStage(l.line.status) == StatusStage::OnHold; });
    });
}

std::vector<const DayCase*> DailySummary::overdue() const
{
    return select([](const DayCase& c) { return c.overdue; });
}

DailySummary summarizeDay(std::vector<Case> cases, const boost::gregorian::date& day, std::int64_t reference,
                          int overdueAfterMinutes)
{
    DailySummary s;
    s.day = day;
    s.overdueAfterMinutes = overdueAfterMinutes;
    s.referenceTime = timestampAt(reference, officeOffsetMinutes(cases));
    std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) {
        return a.receptionNumber.size() != b.receptionNumber.size()
                   ? a.receptionNumber.size() < b.receptionNumber.size()
                   : a.receptionNumber < b.receptionNumber;
    });
    double sum = 0;
    for (auto& c : cases) {
        DayCase dc;
        auto created = epochSeconds(c.createdAt);
        if (created)
            dc.ageMinutes = std::max(0.0, static_cast<double>(reference - *created) / 60.0);
        auto minutesTo = [&](const std::string& at) -> std::optional<double> {
            auto t = epochSeconds(at);
            if (!t || !created)
                return std::nullopt;
            return std::max(0.0, static_cast<double>(*t - *created) / 60.0);
        };
        // Handling time: from the reception to the last change into 完了, of each line and of
        // the visit (its last line done). A case imported as already done has no such change
        // (its only entry is the reception) and is left out.
        // A case built without its lines (by hand, in a test) is the one line of its procedure.
        std::vector<ProcedureLine> lines =
            c.procedures.empty() ? std::vector<ProcedureLine>{{c.procedure, c.status}} : c.procedures;
        for (const auto& l : lines) {
            DayLine line{l, std::nullopt, std::nullopt, ""};
            for (const auto& h : c.history) {
                // A visit of one procedure: everything concerns it. Of several: the line's own
                // entries (the visit's reception and edits are nobody's doing in particular).
                if (lines.size() > 1 && h.procedure != l.procedure)
                    continue;
                if (h.to == CaseStatus::Done && h.from)
                    line.doneAt = h.at;
                // Edits and calls say nothing of why the work waits.
                if (h.kind != HistoryKind::Edit && !isCallKind(h.kind))
                    line.lastReason = h.reason;
            }
            if (l.status == CaseStatus::Done && line.doneAt)
                line.handlingMinutes = minutesTo(*line.doneAt);
            dc.lines.push_back(std::move(line));
        }
        dc.doneAt = visitDoneAt(c);
        for (auto h = c.history.rbegin(); h != c.history.rend(); ++h)
            if (!isCallKind(h->kind)) {
                dc.lastReason = h->reason;
                break;
            }
        if (dc.doneAt)
            if (auto minutes = minutesTo(*dc.doneAt)) {
                dc.handlingMinutes = minutes;
                ++s.timedCases;
                sum += *minutes;
                if (!s.longestMinutes || *minutes > *s.longestMinutes) {
                    s.longestMinutes = minutes;
                    s.longestReception = c.receptionNumber;
                }
            }
        std::vector<CallMark> marks = callMarks(c);
        if (auto at = answeredCallAt(marks))
            dc.calledAt = timestampAt(*at, offsetMinutesOf(c.createdAt));
        dc.waits = visitWaits(c);
        dc.overdue = isOpen(c.status) && dc.ageMinutes > overdueAfterMinutes;
        ++s.total;
        ++s.byStatus[statusIndex(c.status)];
        for (const auto& l : dc.lines) {
            ++s.procedureLines;
            ++s.linesByStatus[statusIndex(l.line.status)];
            ++s.byProcedure[l.line.procedure][statusIndex(l.line.status)];
        }
        s.byWindow[c.window].add(c.status);
        s.byClerk[c.clerk].add(c.status);
        dc.c = std::move(c);
        s.cases.push_back(std::move(dc));
    }
    if (s.timedCases > 0)
        s.averageMinutes = sum / s.timedCases;
    std::vector<TimedVisit> timed;
    timed.reserve(s.cases.size());
    for (const auto& dc : s.cases)
        timed.push_back(timedVisit(dc.c));
    s.waits = tabulateWaits(timed);
    return s;
}

DailySummary summarizeDayAsOfNow(std::vector<Case> cases, const boost::gregorian::date& day, int overdueAfterMinutes,
                                 const std::optional<std::vector<bookings::Booking>>& dayBookings,
                                 const bookings::OfficeCalendar* calendar)
{
    auto nowEpoch =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    std::int64_t endOfDay = startOfDay(day + boost::gregorian::days(1), officeOffsetMinutes(cases));
    DailySummary s =
        summarizeDay(std::move(cases), day, std::min<std::int64_t>(nowEpoch, endOfDay), overdueAfterMinutes);
    if (dayBookings) {
        // Judged at the day's end, or now while it lasts.
        bookings::StartTime current = bookings::nowAtOffice();
        bookings::StartTime reference =
            current.day > day ? bookings::StartTime{day + boost::gregorian::days(1), 0} : current;
        s.bookings =
            summarizeBookings(*dayBookings, reference, calendar ? *calendar : bookings::OfficeCalendar::defaults());
    }
    return s;
}

std::vector<AwaitingLetter> awaitingLetters(const std::vector<Case>& cases, const boost::gregorian::date& day)
{
    std::vector<AwaitingLetter> out;
    for (const Case& c : cases)
        for (const auto& l : c.procedures)
            if (auto days = daysAwaitingAnswer(l, day); days && *days >= 0)
                out.push_back({c, l, *days});
    std::stable_sort(out.begin(), out.end(), [](const AwaitingLetter& a, const AwaitingLetter& b) {
        if (a.days != b.days)
            return a.days > b.days;
        return a.c.createdAt < b.c.createdAt;
    });
    return out;
}

std::string formatMinutes(double minutes)
{
    long m = std::lround(minutes);
    if (m < 60)
        return std::to_string(m) + "分";
    return std::to_string(m / 60) + "時間" + (m % 60 ? std::to_string(m % 60) + "分" : std::string());
}

} // namespace madoguchi::reports
