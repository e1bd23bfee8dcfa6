#include "core/cases/lifecycle.hpp"

#include "core/common/errors.hpp"
#include "core/text/search_fold.hpp"

#include <algorithm>
#include <string>

namespace madoguchi {

std::vector<CaseStatus> allowedTransitions(CaseStatus from)
{
    using S = CaseStatus;
    switch (from) {
    // A case can wait from the start: a resident who came without the inquiry letter.
    case S::Received:
        return {S::InProgress, S::Waiting, S::Withdrawn};
    case S::InProgress:
        return {S::Waiting, S::Done, S::Withdrawn};
    case S::Waiting:
        return {S::InProgress, S::Done, S::Withdrawn};
    case S::Done:
    case S::Withdrawn:
        return {};
    }
    return {};
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
    if ((to == CaseStatus::Waiting || to == CaseStatus::Withdrawn) && trimmed(reason).empty())
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
