#include "app/gui/documents_panel.hpp"

#include "app/gui/label_wrap.hpp"
#include "app/gui/presenters/translate.hpp"
#include "app/gui/wx_text.hpp"
#include "core/text/search_fold.hpp"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace madoguchi::gui {

DocumentsPanel::DocumentsPanel(wxWindow* parent, int listHeight)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "documentsPanel")
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    list_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, listHeight)), 0, nullptr, 0,
                               wxDefaultValidator, "documents");
    sizer->Add(list_, 1, wxEXPAND);
    // What the selected line accepts (list A: one of…, list B: two of…).
    // Three lines kept free for it, so that the layout does not jump as the selection moves.
    detail_ =
        new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE, "documentDetail");
    detail_->SetMinSize(wxSize(-1, 3 * GetCharHeight() + 4));
    sizer->Add(detail_, 0, wxEXPAND | wxTOP, 2);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    entry_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER,
                            wxDefaultValidator, "newDocument");
    entry_->SetHint(_("Another document (e.g. passport)"));
    row->Add(entry_, 1, wxEXPAND | wxRIGHT, 4);
    addButton_ =
        new wxButton(this, wxID_ANY, _("A&dd"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "addDocument");
    row->Add(addButton_);
    sizer->Add(row, 0, wxEXPAND | wxTOP, 4);
    SetSizer(sizer);

    addButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add(); });
    // Enter in the entry adds the line rather than pressing the dialog's default button.
    entry_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { add(); });
    list_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) {
        readTicks();
        modified_ = true;
    });
    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) {
        int sel = list_->GetSelection();
        std::string detail;
        if (sel != wxNOT_FOUND)
            for (const auto& k : known_)
                if (k.id == items_[static_cast<std::size_t>(sel)].document)
                    // What the line asks for, then the rule it comes from (docs/rules.md names them).
                    detail =
                        k.detail +
                        (k.source.empty() ? "" : (k.detail.empty() ? "" : "\n") + fill(tr("Source: %1"), {k.source}));
        setWrappedLabel(detail_, u8(detail), detail_->GetClientSize().GetWidth());
        detail_->SetToolTip(u8(detail)); // the whole of a long list of alternatives
    });
}

void DocumentsPanel::readTicks()
{
    for (unsigned i = 0; i < list_->GetCount() && i < items_.size(); ++i)
        items_[i].checked = list_->IsChecked(i);
}

void DocumentsPanel::redraw()
{
    int sel = list_->GetSelection();
    list_->Clear();
    for (const auto& d : items_) {
        int i = list_->Append(u8(documentLabel(known_, d.document)));
        list_->Check(i, d.checked);
    }
    if (sel != wxNOT_FOUND && sel < static_cast<int>(list_->GetCount()))
        list_->SetSelection(sel);
}

void DocumentsPanel::add()
{
    std::string text = trimmed(utf8(entry_->GetValue()));
    if (text.empty())
        return;
    readTicks();
    items_.push_back({text, false});
    redraw();
    entry_->Clear();
    modified_ = true;
}

void DocumentsPanel::setDocuments(const std::vector<CheckedDocument>& docs)
{
    items_ = docs;
    redraw();
    modified_ = false;
}

void DocumentsPanel::setRequired(const std::vector<ChecklistLine>& lines)
{
    readTicks();
    std::vector<CheckedDocument> next;
    for (const auto& line : lines) {
        bool ticked = false;
        for (const auto& d : items_)
            ticked = ticked || (d.document == line.id && d.checked);
        next.push_back({line.id, ticked});
    }
    // The clerk's own lines stay, after the rule book's.
    for (const auto& d : items_)
        if (!required_.count(d.document))
            next.push_back(d);
    required_.clear();
    for (const auto& line : lines)
        required_.insert(line.id);
    known_ = lines;
    items_ = std::move(next);
    redraw();
}

void DocumentsPanel::setLabels(const std::vector<ChecklistLine>& lines)
{
    known_ = lines;
    readTicks();
    redraw();
}

std::vector<CheckedDocument> DocumentsPanel::documents() const
{
    std::vector<CheckedDocument> out = items_;
    for (unsigned i = 0; i < list_->GetCount() && i < out.size(); ++i)
        out[i].checked = list_->IsChecked(i);
    return out;
}

void DocumentsPanel::setEditable(bool editable)
{
    list_->Enable(editable);
    entry_->Enable(editable);
    addButton_->Enable(editable);
}

} // namespace madoguchi::gui
