#pragma once
// The bookings view's model: a virtual list over the presenter's rows (booking_list_presenter.hpp),
// late and missed bookings coloured, cancelled ones greyed.
#include "app/gui/presenters/booking_list_presenter.hpp"

#include <vector>
#include <wx/dataview.h>

namespace madoguchi::gui {

enum BookingColumn {
    BookingColTime,
    BookingColProcedure,
    BookingColResident,
    BookingColState,
    BookingColNumber,
    BookingColCount
};

class BookingListModel : public wxDataViewVirtualListModel {
public:
    BookingListModel() : wxDataViewVirtualListModel(0) {}
    // The control must be refreshed afterwards: rows that stayed changed their values silently.
    void setRows(std::vector<BookingRow> rows);
    const std::vector<BookingRow>& rows() const { return rows_; }
    unsigned int GetColumnCount() const override { return BookingColCount; }
    wxString GetColumnType(unsigned int) const override { return "string"; }
    void GetValueByRow(wxVariant& variant, unsigned int row, unsigned int col) const override;
    bool GetAttrByRow(unsigned int row, unsigned int col, wxDataViewItemAttr& attr) const override;
    bool SetValueByRow(const wxVariant&, unsigned int, unsigned int) override { return false; }

private:
    std::vector<BookingRow> rows_;
};

} // namespace madoguchi::gui
