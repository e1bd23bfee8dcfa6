#pragma once
// The documents the resident brought, as a checklist to tick. The clerk can add a line of free
// text (CheckedDocument allows it); the rules engine's required documents will fill the list.
#include "core/cases/case.hpp"

#include <vector>
#include <wx/panel.h>

class wxCheckListBox;
class wxTextCtrl;
class wxButton;

namespace madoguchi::gui {

class DocumentsPanel : public wxPanel {
public:
    explicit DocumentsPanel(wxWindow* parent);
    void setDocuments(const std::vector<CheckedDocument>& docs);
    std::vector<CheckedDocument> documents() const;
    void setEditable(bool editable);
    bool modified() const { return modified_; }
    void clearModified() { modified_ = false; }

private:
    void add();
    wxCheckListBox* list_;
    wxTextCtrl* entry_;
    wxButton* addButton_;
    bool modified_ = false;
};

} // namespace madoguchi::gui
