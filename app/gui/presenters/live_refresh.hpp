#pragma once
// Live refresh of the main list: another window saved something, and only the rows of the cases
// that changed are touched, so that the list does not jump, the selection stays and nothing the
// clerk is doing is interrupted. The window asks its own query again for just those cases
// (CaseQuery::ids); what comes back decides each row.
#include "app/gui/presenters/case_list_presenter.hpp"

#include <vector>

namespace madoguchi::gui {

// The order the store gives the query's rows in: a day's list in reception order, a search in the
// case book newest first.
enum class ListOrder { Reception, NewestFirst };
ListOrder listOrder(const db::CaseQuery& query);

// One change to the list, at a position valid once the edits before it are done.
struct RowEdit {
    enum Kind { Insert, Replace, Remove } kind;
    std::size_t at;
    CaseRow row; // for Insert and Replace
};

// `changed`: the cases named by the change feed; `fresh`: those of them the query still matches,
// as rows. A changed case the query no longer matches leaves the list (its status moved out of the
// filter); one it now matches comes in where the store would have put it.
std::vector<RowEdit> planRefresh(const std::vector<CaseRow>& rows, const std::vector<CaseId>& changed,
                                 const std::vector<CaseRow>& fresh, ListOrder order);

} // namespace madoguchi::gui
