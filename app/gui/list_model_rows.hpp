#pragma once
// How a virtual list model tells GTK that its rows were replaced: the difference in count as rows
// removed at the end or appended, never Reset() — on GTK that rebuilds the whole tree view (60-100 ms
// for 500 rows, measured by bench_gui). Rows that stay are redrawn by the caller. The case list and
// the bookings view both do it this way.
#include <wx/dataview.h>

namespace madoguchi::gui {

inline void announceRowCount(wxDataViewVirtualListModel& model, unsigned int before, unsigned int after)
{
    if (after < before) {
        wxArrayInt gone;
        for (unsigned int i = after; i < before; ++i)
            gone.push_back(static_cast<int>(i));
        model.RowsDeleted(gone);
    }
    for (unsigned int i = before; i < after; ++i)
        model.RowAppended();
}

} // namespace madoguchi::gui
