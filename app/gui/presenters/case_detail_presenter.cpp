#include "app/gui/presenters/case_detail_presenter.hpp"

#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/presenters/translate.hpp"
#include "core/cases/lifecycle.hpp"
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"

namespace madoguchi::gui {

namespace {
std::string verb(CaseStatus to)
{
    switch (to) {
    case CaseStatus::InProgress:
        return tr("Start");
    case CaseStatus::Waiting:
        return tr("Put on hold");
    case CaseStatus::AwaitingAnswer:
        return tr("Inquiry letter mailed");
    case CaseStatus::Done:
        return tr("Complete");
    case CaseStatus::Withdrawn:
        return tr("Withdraw");
    case CaseStatus::Received:
        break;
    }
    return statusName(to);
}
} // namespace

DetailActions actionsFor(CaseStatus status, Role role)
{
    DetailActions a;
    for (CaseStatus to : allowedTransitions(status))
        a.transitions.push_back(
            {to, verb(to) + " (" + statusName(to) + ")", statusNeedsReason(to), statusNeedsMailingDay(to)});
    a.canReopen = isClosed(status) && allows(role, Permission::ReopenCase);
    a.canEdit = !isClosed(status);
    return a;
}

DetailActions actionsFor(const Case& c, std::size_t line, Role role)
{
    auto lines = c.procedures.empty() ? std::vector<ProcedureLine>{{c.procedure, c.status}} : c.procedures;
    DetailActions a = actionsFor(lines.at(std::min(line, lines.size() - 1)).status, role);
    a.canEdit = !isClosed(c.status);
    return a;
}

std::vector<ProcedureRow> procedureRows(const Case& c, const boost::gregorian::date& today)
{
    std::vector<ProcedureRow> rows;
    auto lines = c.procedures.empty() ? std::vector<ProcedureLine>{{c.procedure, c.status}} : c.procedures;
    for (const auto& l : lines) {
        std::string status = statusName(l.status);
        if (auto days = daysAwaitingAnswer(l, today))
            status = fill(tr("%1 (mailed %2, %3 days)"), {status, toIso(*l.mailedOn), std::to_string(*days)});
        rows.push_back({l.procedure, procedureName(l.procedure), status});
    }
    return rows;
}

std::vector<ProcedureRow> procedureRows(const Case& c)
{
    return procedureRows(c, now().localDay);
}

namespace {

std::vector<HistoryRow> rowsOf(const std::vector<HistoryEntry>& entries)
{
    std::vector<HistoryRow> rows;
    for (const auto& h : entries) {
        HistoryRow r;
        auto at = readTimestamp(h.at);
        r.at = at ? at->dayAndClock() : h.at;
        r.actor = h.actor;
        r.change =
            h.from ? statusName(*h.from) + " → " + statusName(h.to) : fill(tr("Received as %1"), {statusName(h.to)});
        r.reason = h.reason;
        rows.push_back(std::move(r));
    }
    return rows;
}

} // namespace

std::vector<HistoryRow> historyRows(const Case& c)
{
    return rowsOf(c.history);
}

std::vector<HistoryRow> historyRows(const Case& c, std::size_t line)
{
    if (c.procedures.size() < 2)
        return rowsOf(c.history);
    return rowsOf(historyOf(c, c.procedures.at(std::min(line, c.procedures.size() - 1)).procedure));
}

std::string detailTitle(const Case& c)
{
    std::string procedures = c.procedures.empty() ? procedureName(c.procedure) : procedureNames(c.procedures);
    return c.receptionNumber + " · " + procedures + " · " + statusName(c.status);
}

} // namespace madoguchi::gui
