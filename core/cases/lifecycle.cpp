#include "core/cases/lifecycle.hpp"

#include "core/common/errors.hpp"
#include "core/text/search_fold.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace madoguchi {

namespace {
using S = CaseStatus;
struct TransitionRow {
    CaseStatus from;
    std::vector<CaseStatus> to;
};
// A closed status has no row: only reopening leaves it.
const std::array<TransitionRow, 3>& transitions()
{
    static const std::array<TransitionRow, 3> table{{
        // A line can wait from the start: a resident who came without the inquiry letter.
        {S::Received, {S::InProgress, S::Waiting, S::Withdrawn}},
        {S::InProgress, {S::Waiting, S::Done, S::Withdrawn}},
        {S::Waiting, {S::InProgress, S::Done, S::Withdrawn}},
    }};
    return table;
}
} // namespace

std::vector<CaseStatus> allowedTransitions(CaseStatus from)
{
    for (const auto& row : transitions())
        if (row.from == from)
            return row.to;
    return {};
}

CaseStatus reopenedStatus()
{
    return S::InProgress;
}

void checkTransition(CaseStatus from, CaseStatus to, const std::string& reason)
{
    std::string change = std::string(statusId(from)) + " → " + std::string(statusId(to));
    if (from == to)
        throw RuleViolation("the case is already " + std::string(statusId(to)));
    if (isClosed(from))
        throw RuleViolation("the case is closed (" + std::string(statusId(from)) +
                            "); reopen it first (a supervisor's action, with a reason)");
    auto allowed = allowedTransitions(from);
    if (std::find(allowed.begin(), allowed.end(), to) == allowed.end()) {
        std::string list;
        for (auto s : allowed)
            list += (list.empty() ? "" : ", ") + std::string(statusId(s));
        throw RuleViolation("status change " + change + " is not allowed (from " + std::string(statusId(from)) + ": " +
                            list + ")");
    }
    if (statusNeedsReason(to) && trimmed(reason).empty())
        throw RuleViolation("status change " + change + " needs a reason");
}

void checkReopen(CaseStatus from, const std::string& reason)
{
    if (!isClosed(from))
        throw RuleViolation("only a closed case can be reopened; this one is " + std::string(statusId(from)));
    if (trimmed(reason).empty())
        throw RuleViolation("reopening a case needs a reason");
}

} // namespace madoguchi
