#include "reports/daily_summary.hpp"

#include "core/common/clock.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace madoguchi::reports {

namespace {

// Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string isoAt(std::int64_t epoch, int offsetMinutes)
{
    std::int64_t local = epoch + offsetMinutes * 60;
    std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    std::int64_t secs = local - days * 86400;
    auto d = boost::gregorian::date(1970, 1, 1) + boost::gregorian::days(days);
    char buf[40];
    int off = std::abs(offsetMinutes);
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", toIso(d).c_str(), static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60), offsetMinutes < 0 ? '-' : '+',
                  off / 60, off % 60);
    return buf;
}

int offsetMinutesOf(const std::string& iso)
{
    if (iso.size() >= 25 && (iso[19] == '+' || iso[19] == '-'))
        return (iso[19] == '-' ? -1 : 1) * (std::stoi(iso.substr(20, 2)) * 60 + std::stoi(iso.substr(23, 2)));
    return 9 * 60; // the office's zone when a timestamp has none (JST)
}

} // namespace

std::optional<std::int64_t> epochSeconds(const std::string& iso)
{
    int y, mo, d, h, mi, s;
    char sign = 'Z';
    int oh = 0, om = 0;
    if (iso.size() < 19 || std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6)
        return std::nullopt;
    std::size_t p = 19;
    if (p < iso.size() && iso[p] == '.')
        while (p < iso.size() && iso[p] != '+' && iso[p] != '-' && iso[p] != 'Z')
            ++p; // fractions of a second do not matter here
    if (p < iso.size() && (iso[p] == '+' || iso[p] == '-')) {
        sign = iso[p];
        if (std::sscanf(iso.c_str() + p + 1, "%2d:%2d", &oh, &om) != 2)
            return std::nullopt;
    }
    std::int64_t t =
        daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + s;
    std::int64_t off = (oh * 60 + om) * 60;
    return sign == '-' ? t + off : t - off;
}

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
    s.referenceTime = isoAt(reference, cases.empty() ? 9 * 60 : offsetMinutesOf(cases.front().createdAt));
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
                if (h.kind != HistoryKind::Edit)
                    line.lastReason = h.reason;
            }
            if (l.status == CaseStatus::Done && line.doneAt)
                line.handlingMinutes = minutesTo(*line.doneAt);
            dc.lines.push_back(std::move(line));
        }
        for (const auto& h : c.history)
            if (h.to == CaseStatus::Done && h.from)
                dc.doneAt = h.at;
        if (!c.history.empty())
            dc.lastReason = c.history.back().reason;
        if (c.status == CaseStatus::Done && dc.doneAt)
            if (auto minutes = minutesTo(*dc.doneAt)) {
                dc.handlingMinutes = minutes;
                ++s.timedCases;
                sum += *minutes;
                if (!s.longestMinutes || *minutes > *s.longestMinutes) {
                    s.longestMinutes = minutes;
                    s.longestReception = c.receptionNumber;
                }
            }
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
    return s;
}

DailySummary loadDailySummary(db::CaseStore& store, const boost::gregorian::date& day, int overdueAfterMinutes)
{
    db::CaseQuery q;
    q.day = day;
    q.limit = 1'000'000;
    std::vector<Case> cases;
    for (const auto& row : store.search(q))
        cases.push_back(store.get(row.id));
    auto nowEpoch =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    int offset = cases.empty() ? offsetMinutesOf(now().iso) : offsetMinutesOf(cases.front().createdAt);
    std::int64_t endOfDay =
        (daysFromCivil(day.year(), day.month(), day.day()) + 1) * 86400 - static_cast<std::int64_t>(offset) * 60;
    return summarizeDay(std::move(cases), day, std::min<std::int64_t>(nowEpoch, endOfDay), overdueAfterMinutes);
}

std::string formatMinutes(double minutes)
{
    long m = std::lround(minutes);
    if (m < 60)
        return std::to_string(m) + "分";
    return std::to_string(m / 60) + "時間" + (m % 60 ? std::to_string(m % 60) + "分" : std::string());
}

} // namespace madoguchi::reports
