#pragma once
// The case lifecycle. One table decides which status changes are allowed, so the window shows
// exactly the buttons the store will accept.
#include "core/cases/case_status.hpp"

#include <string>
#include <vector>

namespace madoguchi {

// Status changes allowed from `from` with an ordinary status change (not reopening).
std::vector<CaseStatus> allowedTransitions(CaseStatus from);

// Throws RuleViolation saying why, when `from` → `to` is not allowed or a required reason is
// missing (保留 and 取下げ need one: the supervisor reads it later).
void checkTransition(CaseStatus from, CaseStatus to, const std::string& reason);

// Reopening a closed case is a separate, explicit action with a reason; it returns the case to
// 対応中. Throws RuleViolation when the case is open or the reason is empty.
void checkReopen(CaseStatus from, const std::string& reason);

} // namespace madoguchi
