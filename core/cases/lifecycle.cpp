#include "core/cases/lifecycle.hpp"

#include "core/cases/case.hpp"
#include "core/common/clock.hpp"
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
const std::array<TransitionRow, 4>& transitions()
{
    static const std::array<TransitionRow, 4> table{{
        // A line can wait from the start: a resident who came without a paper, or a proxy whose
        // procedure goes the two-visit route (the letter is mailed at reception). The order is the
        // window's Alt+1, Alt+2…: 照会書回答待ち comes after 完了, so that 完了 keeps its key.
        {S::Received, {S::InProgress, S::Waiting, S::AwaitingAnswer, S::Withdrawn}},
        {S::InProgress, {S::Waiting, S::Done, S::AwaitingAnswer, S::Withdrawn}},
        {S::Waiting, {S::InProgress, S::Done, S::AwaitingAnswer, S::Withdrawn}},
        // The second visit: the proxy is back with the answered letter (対応中), or done at once;
        // withdrawn when the answer never comes.
        {S::AwaitingAnswer, {S::InProgress, S::Done, S::Withdrawn}},
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

void checkTransition(CaseStatus from, CaseStatus to, const std::string& reason,
                     const std::optional<boost::gregorian::date>& mailedOn, const boost::gregorian::date& receivedOn,
                     const boost::gregorian::date& today)
{
    if (mailedOn && !statusNeedsMailingDay(to))
        throw ValidationError("a mailing day is only given for " + std::string(statusId(CaseStatus::AwaitingAnswer)) +
                              " (the inquiry letter), not for " + std::string(statusId(to)));
    checkTransition(from, to, reason);
    if (!statusNeedsMailingDay(to))
        return;
    if (!mailedOn)
        throw ValidationError("status change → " + std::string(statusId(to)) +
                              " needs the day the inquiry letter was mailed (--mailed YYYY-MM-DD)");
    if (*mailedOn < receivedOn)
        throw ValidationError("mailing day " + toIso(*mailedOn) + " is before the visit was received (" +
                              toIso(receivedOn) + ")");
    if (*mailedOn > today + boost::gregorian::days(kMailingDayAheadDays))
        throw ValidationError("mailing day " + toIso(*mailedOn) + " is more than " +
                              std::to_string(kMailingDayAheadDays) + " days ahead");
}

std::string mailingReason(const boost::gregorian::date& mailedOn, const std::string& reason)
{
    std::string out = "照会書郵送 " + toIso(mailedOn);
    if (!trimmed(reason).empty())
        out += ": " + trimmed(reason);
    return out;
}

std::optional<int> daysAwaitingAnswer(const ProcedureLine& line, const boost::gregorian::date& today)
{
    if (line.status != CaseStatus::AwaitingAnswer || !line.mailedOn)
        return std::nullopt;
    return static_cast<int>((today - *line.mailedOn).days());
}

void checkReopen(CaseStatus from, const std::string& reason)
{
    if (!isClosed(from))
        throw RuleViolation("only a closed case can be reopened; this one is " + std::string(statusId(from)));
    if (trimmed(reason).empty())
        throw RuleViolation("reopening a case needs a reason");
}

} // namespace madoguchi
