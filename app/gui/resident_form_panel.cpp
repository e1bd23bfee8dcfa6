#include "app/gui/resident_form_panel.hpp"

#include "app/gui/label_wrap.hpp"
#include "app/gui/wx_text.hpp"
#include "core/common/clock.hpp"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace madoguchi::gui {

namespace {
constexpr Sex kSexes[] = {Sex::NotKnown, Sex::Male, Sex::Female, Sex::NotApplicable};
}

ResidentFormPanel::ResidentFormPanel(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "residentForm")
{
    grid_ = new wxFlexGridSizer(3, wxSize(8, 4));
    grid_->AddGrowableCol(1);
    // Created in reading order: that is also the tab order.
    name_ = addText(_("&Name"), ResidentField::Name, "name");
    kana_ = addText(_("F&urigana"), ResidentField::Kana, "kana");
    birth_ = addText(_("Date of &birth"), ResidentField::Birth, "birth");
    birth_->SetHint(u8("S45.5.20 / 昭和45年5月20日 / 1970-05-20"));
    grid_->AddSpacer(0);
    birthEcho_ = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "birthEcho");
    grid_->Add(birthEcho_);
    grid_->AddSpacer(0);

    grid_->Add(new wxStaticText(this, wxID_ANY, _("Se&x")), 0, wxALIGN_CENTER_VERTICAL);
    sex_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator, "sex");
    sex_->Append(_("Not known"));
    sex_->Append(_("Male"));
    sex_->Append(_("Female"));
    sex_->Append(_("Not applicable"));
    sex_->SetSelection(0);
    grid_->Add(sex_);
    grid_->AddSpacer(0);

    address_ = addText(_("&Address"), std::nullopt, "address");

    grid_->AddSpacer(0);
    foreign_ = new wxCheckBox(this, wxID_ANY, _("&Foreign resident (card bound to the period of stay)"),
                              wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "foreign");
    grid_->Add(foreign_);
    grid_->AddSpacer(0);
    stayUntil_ = addText(_("End of &period of stay"), ResidentField::StayUntil, "stayUntil");
    movedIn_ = addText(_("&Moved in on"), ResidentField::MovedIn, "movedIn");
    stayUntil_->Enable(false);

    foreign_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        stayUntil_->Enable(foreign_->IsChecked());
        recheck(false);
    });
    SetSizer(grid_);
}

wxTextCtrl* ResidentFormPanel::addText(const wxString& label, std::optional<ResidentField> field, const char* name)
{
    grid_->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* text = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(320, -1), 0, wxDefaultValidator, name);
    grid_->Add(text, 1, wxEXPAND);
    auto* message =
        new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, wxString(name) + "Message");
    message->SetForegroundColour(wxColour(0xC0, 0x00, 0x00));
    grid_->Add(message, 0, wxALIGN_CENTER_VERTICAL);
    if (field) {
        messages_[*field] = message;
        controls_[*field] = text;
    }
    text->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
        recheck(false);
        e.Skip();
    });
    return text;
}

ResidentFields ResidentFormPanel::fields() const
{
    ResidentFields f;
    f.name = utf8(name_->GetValue());
    f.kana = utf8(kana_->GetValue());
    f.birth = utf8(birth_->GetValue());
    f.address = utf8(address_->GetValue());
    int sel = sex_->GetSelection();
    f.sex = sel >= 0 ? kSexes[sel] : Sex::NotKnown;
    f.foreignResident = foreign_->IsChecked();
    f.stayUntil = utf8(stayUntil_->GetValue());
    f.movedIn = utf8(movedIn_->GetValue());
    return f;
}

void ResidentFormPanel::setFields(const ResidentFields& f)
{
    name_->ChangeValue(u8(f.name));
    kana_->ChangeValue(u8(f.kana));
    birth_->ChangeValue(u8(f.birth));
    address_->ChangeValue(u8(f.address));
    for (int i = 0; i < 4; ++i)
        if (kSexes[i] == f.sex)
            sex_->SetSelection(i);
    foreign_->SetValue(f.foreignResident);
    stayUntil_->Enable(f.foreignResident);
    stayUntil_->ChangeValue(u8(f.stayUntil));
    movedIn_->ChangeValue(u8(f.movedIn));
    recheck(false);
}

void ResidentFormPanel::recheck(bool finalCheck)
{
    ResidentFormCheck check = checkResidentForm(fields(), now().localDay, finalCheck);
    for (auto& [field, label] : messages_) {
        auto message = check.messageFor(field);
        setWrappedLabel(label, message ? u8(*message) : wxString(), 300);
    }
    birthEcho_->SetLabel(u8(check.birthEcho));
    Layout();
    GetParent()->Layout();
    if (changed_)
        changed_();
}

std::optional<Resident> ResidentFormPanel::finalCheck()
{
    ResidentFormCheck check = checkResidentForm(fields(), now().localDay, true);
    recheck(true);
    if (!check.problems.empty()) {
        controls_[check.problems.front().field]->SetFocus();
        return std::nullopt;
    }
    return check.resident;
}

} // namespace madoguchi::gui

namespace madoguchi::gui {
void ResidentFormPanel::focusName()
{
    name_->SetFocus();
}
void ResidentFormPanel::focusKana()
{
    kana_->SetFocus();
}
} // namespace madoguchi::gui
