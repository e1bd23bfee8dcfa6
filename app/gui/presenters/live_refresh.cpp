#include "app/gui/presenters/live_refresh.hpp"

#include "core/cases/reception_number.hpp"

#include <algorithm>

namespace madoguchi::gui {

ListOrder listOrder(const db::CaseQuery& q)
{
    // As both stores order: a day without text is "c.day, c.seq", anything else "c.id DESC".
    return q.day && !q.text ? ListOrder::Reception : ListOrder::NewestFirst;
}

namespace {

int sequenceOf(const CaseRow& r)
{
    auto n = parseReceptionNumber(r.receptionNumber);
    return n ? n->sequence : 0;
}

// True when `a` stands before `b` in the list.
bool before(const CaseRow& a, const CaseRow& b, ListOrder order)
{
    if (order == ListOrder::NewestFirst)
        return a.id > b.id;
    int sa = sequenceOf(a), sb = sequenceOf(b);
    return sa != sb ? sa < sb : a.id < b.id;
}

} // namespace

std::vector<RowEdit> planRefresh(const std::vector<CaseRow>& rows, const std::vector<CaseId>& changed,
                                 const std::vector<CaseRow>& fresh, ListOrder order)
{
    std::vector<CaseRow> list = rows; // as it will be after each edit
    std::vector<RowEdit> edits;
    auto positionOf = [&](CaseId id) {
        return std::find_if(list.begin(), list.end(), [id](const CaseRow& r) { return r.id == id; });
    };
    for (CaseId id : changed) {
        auto shown = positionOf(id);
        auto now = std::find_if(fresh.begin(), fresh.end(), [id](const CaseRow& r) { return r.id == id; });
        if (shown != list.end() && now != fresh.end()) {
            *shown = *now;
            edits.push_back({RowEdit::Replace, static_cast<std::size_t>(shown - list.begin()), *now});
        } else if (shown != list.end()) {
            edits.push_back({RowEdit::Remove, static_cast<std::size_t>(shown - list.begin()), {}});
            list.erase(shown);
        } else if (now != fresh.end()) {
            auto at = std::find_if(list.begin(), list.end(), [&](const CaseRow& r) { return before(*now, r, order); });
            edits.push_back({RowEdit::Insert, static_cast<std::size_t>(at - list.begin()), *now});
            list.insert(at, *now);
        }
    }
    return edits;
}

} // namespace madoguchi::gui
