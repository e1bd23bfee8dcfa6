#include "app/gui/case_list_model.hpp"

#include "app/gui/list_model_rows.hpp"
#include "app/gui/wx_text.hpp"

namespace madoguchi::gui {

void CaseListModel::setRows(std::vector<CaseRow> rows)
{
    auto old = static_cast<unsigned int>(rows_.size());
    rows_ = std::move(rows);
    announceRowCount(*this, old, static_cast<unsigned int>(rows_.size())); // list_model_rows.hpp
}

void CaseListModel::apply(const std::vector<RowEdit>& edits)
{
    for (const auto& e : edits) {
        auto at = static_cast<unsigned int>(e.at);
        switch (e.kind) {
        case RowEdit::Insert:
            rows_.insert(rows_.begin() + static_cast<long>(e.at), e.row);
            RowInserted(at);
            break;
        case RowEdit::Replace:
            rows_[e.at] = e.row;
            RowChanged(at);
            break;
        case RowEdit::Remove:
            rows_.erase(rows_.begin() + static_cast<long>(e.at));
            RowDeleted(at);
            break;
        }
    }
}

void CaseListModel::GetValueByRow(wxVariant& variant, unsigned int row, unsigned int col) const
{
    if (row >= rows_.size()) {
        variant = wxString();
        return;
    }
    const CaseRow& r = rows_[row];
    const std::string* s = nullptr;
    switch (col) {
    case ColReception:
        s = &r.receptionNumber;
        break;
    case ColTime:
        s = &r.time;
        break;
    case ColProcedure:
        s = &r.procedure;
        break;
    case ColResident:
        s = &r.resident;
        break;
    case ColStatus:
        s = &r.status;
        break;
    case ColWindow:
        s = &r.window;
        break;
    case ColClerk:
        s = &r.clerk;
        break;
    default:
        s = &r.warningText;
        break;
    }
    variant = u8(*s);
}

bool CaseListModel::GetAttrByRow(unsigned int row, unsigned int, wxDataViewItemAttr& attr) const
{
    // A warning colours the whole row: it must be seen from across the counter.
    if (row >= rows_.size() || rows_[row].warning == RowWarning::None)
        return false;
    attr.SetColour(wxColour(0xB0, 0x00, 0x00));
    attr.SetBold(true);
    return true;
}

} // namespace madoguchi::gui
