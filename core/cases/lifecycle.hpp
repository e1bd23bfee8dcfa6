#pragma once
// The lifecycle of one procedure line. One table (lifecycle.cpp) decides which status changes
// are allowed, so the window shows exactly the buttons the store will accept. Each line of a
// visit moves on its own; the visit's status follows from its lines (visit.hpp). How a change
// asked for the whole visit, or a reopening, is applied to its lines is decided in
// db/case_rules.hpp.
#include "core/cases/case_status.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi {

struct ProcedureLine; // core/cases/case.hpp

// Status changes allowed from `from` with an ordinary status change (not reopening).
std::vector<CaseStatus> allowedTransitions(CaseStatus from);

// Throws RuleViolation saying why, when `from` → `to` is not allowed or a required reason is
// missing (statusNeedsReason: 保留 and 取下げ need one, the supervisor reads it later).
void checkTransition(CaseStatus from, CaseStatus to, const std::string& reason);
// The same, and the mailing day of the inquiry letter: required for 照会書回答待ち
// (statusNeedsMailingDay), refused for any other status, and a real day — not before the visit
// was received, nor more than kMailingDayAheadDays after today (a letter is mailed the same day
// or the next open days, never weeks ahead). ValidationError for a day out of that range.
void checkTransition(CaseStatus from, CaseStatus to, const std::string& reason,
                     const std::optional<boost::gregorian::date>& mailedOn, const boost::gregorian::date& receivedOn,
                     const boost::gregorian::date& today);
inline constexpr int kMailingDayAheadDays = 7;

// The history reason a move to 照会書回答待ち is written with: 「照会書郵送 2026-12-02」 and what the
// clerk typed, if anything.
std::string mailingReason(const boost::gregorian::date& mailedOn, const std::string& reason);

// Days the line has waited for the answer on `today`: today − the mailing day (0 on the day it was
// mailed); none when the line is not 照会書回答待ち or has no mailing day.
std::optional<int> daysAwaitingAnswer(const ProcedureLine& line, const boost::gregorian::date& today);

// Reopening a closed line is a separate, explicit action with a reason; it returns the line to
// `reopenedStatus()` (対応中). Throws RuleViolation when the line is open or the reason is empty.
void checkReopen(CaseStatus from, const std::string& reason);
CaseStatus reopenedStatus();

} // namespace madoguchi
