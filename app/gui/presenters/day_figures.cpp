#include "app/gui/presenters/day_figures.hpp"

#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/presenters/translate.hpp"

#include <algorithm>
#include <limits>

namespace madoguchi::gui {

DayFigures dayFigures(const std::vector<db::CaseSummary>& cases)
{
    DayFigures f;
    std::map<CaseStatus, std::size_t> status;
    std::map<Procedure, std::size_t> procedure;
    std::map<std::string, std::size_t> window, clerk;
    for (const auto& c : cases) {
        ++f.total;
        f.open += isClosed(c.status) ? 0 : 1;
        ++status[c.status];
        if (c.procedures.empty())
            ++procedure[c.procedure];
        for (const auto& l : c.procedures)
            ++procedure[l.procedure];
        f.procedures += std::max<std::size_t>(1, c.procedures.size());
        ++window[c.window.empty() ? tr("(none)") : c.window];
        ++clerk[c.clerk.empty() ? tr("(none)") : c.clerk];
    }
    for (auto [s, n] : status)
        f.byStatus.emplace_back(statusName(s), n);
    for (auto [p, n] : procedure)
        f.byProcedure.emplace_back(procedureName(p), n);
    f.byWindow.assign(window.begin(), window.end());
    f.byClerk.assign(clerk.begin(), clerk.end());
    return f;
}

db::CaseQuery dayQuery(const boost::gregorian::date& day)
{
    db::CaseQuery q;
    q.day = day;
    q.limit = std::numeric_limits<std::size_t>::max() / 2;
    return q;
}

} // namespace madoguchi::gui
