#include "app/gui/documents_panel.hpp"

#include "app/gui/wx_text.hpp"
#include "core/text/search_fold.hpp"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

namespace madoguchi::gui {

DocumentsPanel::DocumentsPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "documentsPanel")
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    list_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 90), 0, nullptr, 0,
                               wxDefaultValidator, "documents");
    sizer->Add(list_, 1, wxEXPAND);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    entry_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER,
                            wxDefaultValidator, "newDocument");
    entry_->SetHint(_("Another document (e.g. passport)"));
    row->Add(entry_, 1, wxEXPAND | wxRIGHT, 4);
    addButton_ = new wxButton(this, wxID_ANY, _("A&dd"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                              "addDocument");
    row->Add(addButton_);
    sizer->Add(row, 0, wxEXPAND | wxTOP, 4);
    SetSizer(sizer);

    addButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add(); });
    // Enter in the entry adds the line rather than pressing the dialog's default button.
    entry_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { add(); });
    list_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) { modified_ = true; });
}

void DocumentsPanel::add()
{
    std::string text = trimmed(utf8(entry_->GetValue()));
    if (text.empty())
        return;
    list_->Append(u8(text));
    entry_->Clear();
    modified_ = true;
}

void DocumentsPanel::setDocuments(const std::vector<CheckedDocument>& docs)
{
    list_->Clear();
    for (const auto& d : docs) {
        int i = list_->Append(u8(d.document));
        list_->Check(i, d.checked);
    }
    modified_ = false;
}

std::vector<CheckedDocument> DocumentsPanel::documents() const
{
    std::vector<CheckedDocument> out;
    for (unsigned i = 0; i < list_->GetCount(); ++i)
        out.push_back({utf8(list_->GetString(i)), list_->IsChecked(i)});
    return out;
}

void DocumentsPanel::setEditable(bool editable)
{
    list_->Enable(editable);
    entry_->Enable(editable);
    addButton_->Enable(editable);
}

} // namespace madoguchi::gui
