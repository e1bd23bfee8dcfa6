#pragma once
// The supervisor's view of one office day, computed once and printed twice (PDF and CSV): visits
// and their procedure lines counted apart — totals, counts by procedure × status (lines), by
// window and by clerk (visits) —, handling times taken from each visit's history, and the visits
// still open, waiting or overdue.
#include "core/bookings/office_calendar.hpp"
#include "core/cases/case.hpp"
#include "core/queue/wait_times.hpp"
#include "reports/booking_day.hpp"

#include <array>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::reports {

// One procedure line of a visit, as the day's figures see it.
struct DayLine {
    ProcedureLine line;
    std::optional<std::string> doneAt;     // when the line reached 完了 (from the history)
    std::optional<double> handlingMinutes; // the visit's reception → the line done
    std::string lastReason;                // of the line's latest change (why it waits)
};

struct DayCase {
    Case c;
    std::vector<DayLine> lines;            // in the visit's order
    std::optional<std::string> doneAt;     // when the visit reached 完了: its last line done
    std::optional<double> handlingMinutes; // received → done
    double ageMinutes = 0;                 // received → the report's reference time
    bool overdue = false;
    std::string lastReason; // of the latest status change (why it waits)
    // Waiting (core/queue/wait_times.hpp): the call the resident answered, received → that call,
    // that call → done.
    std::optional<std::string> calledAt;
    VisitWaits waits;
};

// A procedure line waiting for the inquiry letter's answer (照会書回答待ち), from any day: the
// supervisor follows up the letters that do not come back.
struct AwaitingLetter {
    Case c;             // the visit (received on its own day, often before the report's)
    ProcedureLine line; // the line at 照会書回答待ち, with its mailing day
    int days = 0;       // days since the letter was mailed, on the report's day
};

// The lines of `cases` at 照会書回答待ち with a mailing day on or before `day`, the longest waiting
// first (then by reception): what the daily report lists. `cases`: the case book's visits with
// such a line (app/common/day_cases.hpp: casesAwaitingAnswer).
std::vector<AwaitingLetter> awaitingLetters(const std::vector<Case>& cases, const boost::gregorian::date& day);

struct Tally {
    int total = 0, open = 0, waiting = 0, done = 0, withdrawn = 0;
    void add(CaseStatus s);
};

constexpr std::size_t kStatusCount = kCaseStatusCount;
std::size_t statusIndex(CaseStatus s);

struct DailySummary {
    boost::gregorian::date day;
    std::string referenceTime; // ISO: the end of the day, or now for today
    int overdueAfterMinutes = 60;
    std::vector<DayCase> cases;               // visits, in reception order
    int total = 0;                            // visits
    std::array<int, kStatusCount> byStatus{}; // visits by the visit's status
    int procedureLines = 0;                   // procedures asked for, over every visit
    std::array<int, kStatusCount> linesByStatus{};
    std::map<Procedure, std::array<int, kStatusCount>> byProcedure; // lines by procedure × the line's status
    std::map<std::string, Tally> byWindow, byClerk;
    int timedCases = 0; // cases with a known handling time
    std::optional<double> averageMinutes;
    std::optional<double> longestMinutes;
    std::string longestReception;
    WaitTable waits; // received → called and called → done, by procedure and by the hour of arrival
    // The day's bookings (none where the case book keeps none).
    std::optional<BookingDay> bookings;
    // Every line in the book waiting on an inquiry letter's answer as of the day (awaitingLetters):
    // set by the caller, who reads them from the case book; empty otherwise.
    std::vector<AwaitingLetter> awaitingAnswers{};

    std::vector<const DayCase*> open() const;    // visits at 受付 or 対応中
    std::vector<const DayCase*> waiting() const; // visits with a line on hold (保留)
    std::vector<const DayCase*> overdue() const; // open longer than overdueAfterMinutes

private:
    std::vector<const DayCase*> select(bool (*keep)(const DayCase&)) const;
};

// `reference`: seconds since the epoch at which ages are measured.
DailySummary summarizeDay(std::vector<Case> cases, const boost::gregorian::date& day, std::int64_t reference,
                          int overdueAfterMinutes = 60);

// The same, ages measured at the end of the day, or now if the day is not over. `cases`: every
// case received on `day`, with its history; `dayBookings`: the day's bookings, judged with
// `calendar`'s late and missed minutes (the shipped defaults when none is given), or none where
// the case book keeps none. The callers read both from the case book (app/common/day_cases.hpp).
DailySummary summarizeDayAsOfNow(std::vector<Case> cases, const boost::gregorian::date& day,
                                 int overdueAfterMinutes = 60,
                                 const std::optional<std::vector<bookings::Booking>>& dayBookings = std::nullopt,
                                 const bookings::OfficeCalendar* calendar = nullptr);

// 1時間5分 / 12分
std::string formatMinutes(double minutes);

} // namespace madoguchi::reports
