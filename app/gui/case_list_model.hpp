#pragma once
// The main list's model: a virtual list over the presenter's rows, so that replacing 500 rows after
// a keystroke is one reset rather than 500 insertions.
#include "app/gui/presenters/case_list_presenter.hpp"
#include "app/gui/presenters/live_refresh.hpp"

#include <vector>
#include <wx/dataview.h>

namespace madoguchi::gui {

enum CaseColumn {
    ColReception,
    ColTime,
    ColProcedure,
    ColResident,
    ColStatus,
    ColWindow,
    ColClerk,
    ColWarning,
    ColCount
};

class CaseListModel : public wxDataViewVirtualListModel {
public:
    CaseListModel() : wxDataViewVirtualListModel(0) {}
    // The control must be refreshed afterwards: rows that stayed changed their values silently.
    void setRows(std::vector<CaseRow> rows);
    // Live refresh: row by row, told to the control as such, so that it keeps its scroll position
    // and selection (GTK moves a selected row along when one is inserted above it).
    void apply(const std::vector<RowEdit>& edits);
    const std::vector<CaseRow>& rows() const { return rows_; }
    unsigned int GetColumnCount() const override { return ColCount; }
    wxString GetColumnType(unsigned int) const override { return "string"; }
    void GetValueByRow(wxVariant& variant, unsigned int row, unsigned int col) const override;
    bool GetAttrByRow(unsigned int row, unsigned int col, wxDataViewItemAttr& attr) const override;
    bool SetValueByRow(const wxVariant&, unsigned int, unsigned int) override { return false; }

private:
    std::vector<CaseRow> rows_;
};

} // namespace madoguchi::gui
