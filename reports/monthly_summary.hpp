#pragma once
// The monthly statistics (月次統計, issue #18): one month's visits and procedures, as the
// prefecture's and the city's own statistics ask for them — procedures by applicant type and by
// status, visits, the average and 90th-percentile waiting and handling times, express issuances
// and the two-visit (照会書) cases still waiting. Computed once, printed as PDF and CSV.
#include "core/cases/applicant.hpp"
#include "core/cases/case.hpp"
#include "reports/daily_summary.hpp"

#include <array>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::reports {

// Minutes measured over the month's visits: how many had the time, its average and its 90th
// percentile (nearest rank: the smallest time at least 90 % of the visits are within).
struct TimeFigures {
    int measured = 0;
    std::optional<double> averageMinutes;
    std::optional<double> p90Minutes;
};
TimeFigures timeFigures(std::vector<double> minutes);

struct MonthlySummary {
    boost::gregorian::date first, last; // the month
    int visits = 0;
    std::array<int, kStatusCount> visitsByStatus{}; // by the visit's status
    int procedures = 0;                             // lines, over every visit
    std::array<int, kStatusCount> proceduresByStatus{};
    // Lines by the applicant type of their visit × the line's status.
    std::map<ApplicantType, std::array<int, kStatusCount>> byApplicant;
    std::map<Procedure, std::array<int, kStatusCount>> byProcedure;
    // Waiting: reception → the first line taken up (対応中). Handling: taken up → the visit done
    // (its last line 完了). Visits without those entries (imported as done) are not measured.
    TimeFigures waiting, handling;
    // Lines of the express issuance (特急発行, docs/rules.md §9), by status; none while the program
    // has no such procedure.
    std::optional<int> expressIssuances;
    // Visits with a line awaiting the inquiry letter's answer (照会書回答待ち) now; none while the
    // program has no such status.
    std::optional<int> twoVisitWaiting;
    std::vector<int> visitsByDay; // index 0 = the 1st
};

// `cases`: the visits received in the month of `anyDay` (others are ignored), each with its
// history — the callers read them from the case book (app::casesReceivedInMonthOf).
MonthlySummary summarizeMonth(const std::vector<Case>& cases, const boost::gregorian::date& anyDay);

} // namespace madoguchi::reports
