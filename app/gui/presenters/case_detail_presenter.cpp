#include "app/gui/presenters/case_detail_presenter.hpp"

#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/presenters/translate.hpp"
#include "core/cases/lifecycle.hpp"

namespace madoguchi::gui {

namespace {
std::string verb(CaseStatus to)
{
    switch (to) {
    case CaseStatus::InProgress:
        return tr("Start");
    case CaseStatus::Waiting:
        return tr("Put on hold");
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

DetailActions actionsFor(CaseStatus status, UserRole role)
{
    DetailActions a;
    for (CaseStatus to : allowedTransitions(status)) {
        bool needsReason = to == CaseStatus::Waiting || to == CaseStatus::Withdrawn;
        a.transitions.push_back({to, verb(to) + " (" + statusName(to) + ")", needsReason});
    }
    a.canReopen = isClosed(status) && role != UserRole::Clerk;
    a.canEdit = !isClosed(status);
    return a;
}

std::vector<HistoryRow> historyRows(const Case& c)
{
    std::vector<HistoryRow> rows;
    for (const auto& h : c.history) {
        HistoryRow r;
        r.at = h.at.size() >= 16 ? h.at.substr(0, 10) + " " + h.at.substr(11, 5) : h.at;
        r.actor = h.actor;
        r.change =
            h.from ? statusName(*h.from) + " → " + statusName(h.to) : fill(tr("Received as %1"), {statusName(h.to)});
        r.reason = h.reason;
        rows.push_back(std::move(r));
    }
    return rows;
}

std::string detailTitle(const Case& c)
{
    return c.receptionNumber + " · " + procedureName(c.procedure) + " · " + statusName(c.status);
}

} // namespace madoguchi::gui
