#include "app/gui/procedure_picker.hpp"

#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/presenters/translate.hpp"
#include "app/gui/wx_text.hpp"

#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

namespace madoguchi::gui {

ProcedurePicker::ProcedurePicker(wxWindow* parent, int listHeight)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "procedurePicker")
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    search_ =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "procedureSearch");
    search_->SetHint(_("Part of the name or reading, e.g. saikoufu"));
    sizer->Add(search_, 0, wxEXPAND | wxBOTTOM, 4);
    // Typing narrows the list: a few rows suffice, and the new-case dialog fits a 1366×768 screen
    // with a visit's second and third procedure below.
    list_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(420, listHeight)), 0, nullptr, wxLB_SINGLE,
                          wxDefaultValidator, "procedureList");
    sizer->Add(list_, 1, wxEXPAND);
    SetSizer(sizer);

    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { refilter(); });
    // Arrow keys in the search box move the selection, so the hands never leave the keyboard.
    search_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        int n = static_cast<int>(list_->GetCount());
        int sel = list_->GetSelection();
        if (e.GetKeyCode() == WXK_DOWN && n > 0) {
            list_->SetSelection(std::min(sel + 1, n - 1));
            if (changed_)
                changed_();
        } else if (e.GetKeyCode() == WXK_UP && n > 0) {
            list_->SetSelection(std::max(sel - 1, 0));
            if (changed_)
                changed_();
        } else if ((e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) && selected() && chosen_)
            chosen_();
        else
            e.Skip();
    });
    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) {
        if (changed_)
            changed_();
    });
    list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) {
        if (chosen_)
            chosen_();
    });
    refilter();
}

void ProcedurePicker::refilter()
{
    std::optional<Procedure> keep = selected();
    shown_ = matchProcedures(utf8(search_->GetValue()));
    list_->Clear();
    int select = shown_.empty() ? wxNOT_FOUND : 0;
    for (std::size_t i = 0; i < shown_.size(); ++i) {
        const auto& p = info(shown_[i]);
        // The name as clerks read it; the reading only finds it (typed さいこうふ or saikoufu).
        std::string label = uiLanguage() == UiLanguage::Japanese
                                ? std::string(p.nameJa)
                                : std::string(p.nameEn) + " — " + std::string(p.nameJa);
        list_->Append(u8(label));
        if (keep && *keep == shown_[i])
            select = static_cast<int>(i);
    }
    if (select != wxNOT_FOUND)
        list_->SetSelection(select);
    if (changed_)
        changed_();
}

std::optional<Procedure> ProcedurePicker::selected() const
{
    int sel = list_->GetSelection();
    if (sel == wxNOT_FOUND || sel >= static_cast<int>(shown_.size()))
        return std::nullopt;
    return shown_[static_cast<std::size_t>(sel)];
}

void ProcedurePicker::focusSearch()
{
    search_->SetFocus();
}

void ProcedurePicker::clearSearch()
{
    search_->Clear(); // refilters through the text event
}

} // namespace madoguchi::gui
