#pragma once
// The documents for the visit, as a checklist to tick: the rule book's required documents for the
// procedure and applicant (kept as their ids in the case), and lines of free text the clerk adds.
#include "app/gui/presenters/visit_rules.hpp"
#include "core/cases/case.hpp"

#include <set>
#include <vector>
#include <wx/panel.h>

class wxCheckListBox;
class wxTextCtrl;
class wxButton;
class wxStaticText;

namespace madoguchi::gui {

class DocumentsPanel : public wxPanel {
public:
    // `listHeight`: the checklist's height in DIPs (the case detail, which shows more, keeps it lower).
    explicit DocumentsPanel(wxWindow* parent, int listHeight = 110);
    void setDocuments(const std::vector<CheckedDocument>& docs);
    std::vector<CheckedDocument> documents() const;
    // Replaces the rule book's lines (ticks kept where a line stays), keeps the clerk's own lines.
    void setRequired(const std::vector<ChecklistLine>& lines);
    // Names stored requirement ids by the rule book's labels, without changing the list.
    void setLabels(const std::vector<ChecklistLine>& lines);
    void setEditable(bool editable);
    bool modified() const { return modified_; }
    void clearModified() { modified_ = false; }

private:
    void add();
    void redraw();
    void readTicks();
    wxCheckListBox* list_;
    wxTextCtrl* entry_;
    wxButton* addButton_;
    wxStaticText* detail_;
    std::vector<CheckedDocument> items_;
    std::vector<ChecklistLine> known_;
    std::set<std::string> required_;
    bool modified_ = false;
};

} // namespace madoguchi::gui
