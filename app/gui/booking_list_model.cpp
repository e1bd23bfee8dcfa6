#include "app/gui/booking_list_model.hpp"

#include "app/gui/list_model_rows.hpp"
#include "app/gui/wx_text.hpp"

namespace madoguchi::gui {

void BookingListModel::setRows(std::vector<BookingRow> rows)
{
    auto old = static_cast<unsigned int>(rows_.size());
    rows_ = std::move(rows);
    announceRowCount(*this, old, static_cast<unsigned int>(rows_.size())); // list_model_rows.hpp
}

void BookingListModel::GetValueByRow(wxVariant& variant, unsigned int row, unsigned int col) const
{
    if (row >= rows_.size()) {
        variant = wxString();
        return;
    }
    const BookingRow& r = rows_[row];
    switch (col) {
    case BookingColTime:
        variant = u8(r.time);
        break;
    case BookingColProcedure:
        variant = u8(r.procedures);
        break;
    case BookingColResident:
        variant = u8(r.resident);
        break;
    case BookingColState:
        variant = u8(r.state);
        break;
    case BookingColNumber:
        variant = u8(r.number);
        break;
    default:
        variant = wxString();
    }
}

bool BookingListModel::GetAttrByRow(unsigned int row, unsigned int col, wxDataViewItemAttr& attr) const
{
    if (row >= rows_.size())
        return false;
    switch (rows_[row].look) {
    case BookingLook::Late:
        if (col == BookingColState || col == BookingColTime) {
            attr.SetColour(wxColour(0xB0, 0x50, 0x00));
            attr.SetBold(true);
            return true;
        }
        return false;
    case BookingLook::Missed:
        attr.SetColour(wxColour(0xC0, 0x00, 0x00));
        return true;
    case BookingLook::Cancelled:
        attr.SetColour(wxColour(0x80, 0x80, 0x80));
        attr.SetStrikethrough(true);
        return true;
    case BookingLook::Arrived:
        attr.SetColour(wxColour(0x1B, 0x5E, 0x20));
        return true;
    case BookingLook::Booked:
        break;
    }
    return false;
}

} // namespace madoguchi::gui
