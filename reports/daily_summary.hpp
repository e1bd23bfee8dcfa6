#pragma once
// The supervisor's view of one office day, computed once and printed twice (PDF and CSV):
// totals, counts by procedure × status, by window and by clerk, handling times taken from each
// case's history, and the cases still open, waiting or overdue.
#include "core/cases/case.hpp"
#include "db/case_store.hpp"

#include <array>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::reports {

// Seconds since the epoch of an ISO timestamp with offset (2026-11-29T10:05:00+09:00); none when
// the text is not one.
std::optional<std::int64_t> epochSeconds(const std::string& iso);

struct DayCase {
    Case c;
    std::optional<std::string> doneAt;     // when it reached 完了 (from the history)
    std::optional<double> handlingMinutes; // received → done
    double ageMinutes = 0;                 // received → the report's reference time
    bool overdue = false;
    std::string lastReason; // of the latest status change (why it waits)
};

struct Tally {
    int total = 0, open = 0, waiting = 0, done = 0, withdrawn = 0;
    void add(CaseStatus s);
};

constexpr std::size_t kStatusCount = 5;
std::size_t statusIndex(CaseStatus s);

struct DailySummary {
    boost::gregorian::date day;
    std::string referenceTime; // ISO: the end of the day, or now for today
    int overdueAfterMinutes = 60;
    std::vector<DayCase> cases; // in reception order
    int total = 0;
    std::array<int, kStatusCount> byStatus{};
    std::map<Procedure, std::array<int, kStatusCount>> byProcedure;
    std::map<std::string, Tally> byWindow, byClerk;
    int timedCases = 0; // cases with a known handling time
    std::optional<double> averageMinutes;
    std::optional<double> longestMinutes;
    std::string longestReception;

    std::vector<const DayCase*> open() const;    // 受付 and 対応中
    std::vector<const DayCase*> waiting() const; // 保留
    std::vector<const DayCase*> overdue() const; // open longer than overdueAfterMinutes

private:
    std::vector<const DayCase*> select(bool (*keep)(const DayCase&)) const;
};

// `reference`: seconds since the epoch at which ages are measured.
DailySummary summarizeDay(std::vector<Case> cases, const boost::gregorian::date& day, std::int64_t reference,
                          int overdueAfterMinutes = 60);

// Every case received on `day`, with its history, from the store. Ages are measured at the end of
// the day, or now if the day is not over.
DailySummary loadDailySummary(db::CaseStore& store, const boost::gregorian::date& day, int overdueAfterMinutes = 60);

// 1時間5分 / 12分
std::string formatMinutes(double minutes);

} // namespace madoguchi::reports
