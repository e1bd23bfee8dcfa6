#pragma once
// The lifecycle of one procedure line. One table (lifecycle.cpp) decides which status changes
// are allowed, so the window shows exactly the buttons the store will accept. Each line of a
// visit moves on its own; the visit's status follows from its lines (visit.hpp). How a change
// asked for the whole visit, or a reopening, is applied to its lines is decided in
// db/case_rules.hpp.
#include "core/cases/case_status.hpp"

#include <string>
#include <vector>

namespace madoguchi {

// Status changes allowed from `from` with an ordinary status change (not reopening).
std::vector<CaseStatus> allowedTransitions(CaseStatus from);

// Throws RuleViolation saying why, when `from` → `to` is not allowed or a required reason is
// missing (statusNeedsReason: 保留 and 取下げ need one, the supervisor reads it later).
void checkTransition(CaseStatus from, CaseStatus to, const std::string& reason);

// Reopening a closed line is a separate, explicit action with a reason; it returns the line to
// `reopenedStatus()` (対応中). Throws RuleViolation when the line is open or the reason is empty.
void checkReopen(CaseStatus from, const std::string& reason);
CaseStatus reopenedStatus();

} // namespace madoguchi
