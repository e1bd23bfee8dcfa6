#include "app/gui/booking_dialog.hpp"

#include "app/gui/error_dialog.hpp"
#include "app/gui/label_wrap.hpp"
#include "app/gui/presenters/booking_list_presenter.hpp"
#include "app/gui/presenters/date_input.hpp"
#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/presenters/translate.hpp"
#include "app/gui/procedure_picker.hpp"
#include "app/gui/wx_text.hpp"
#include "core/bookings/booking_rules.hpp"
#include "core/common/clock.hpp"
#include "core/text/search_fold.hpp"
#include "db/booking_store.hpp"

#include <algorithm>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace madoguchi::gui {

using namespace bookings;

namespace {

constexpr ApplicantType kApplicants[] = {ApplicantType::Principal, ApplicantType::Proxy,
                                         ApplicantType::LegalRepresentative};
constexpr int kSaveAndPrintId = wxID_HIGHEST + 41;
constexpr int kAnotherProcedureId = wxID_HIGHEST + 42;
// The slots listed: the next two weeks' first forty, enough to offer on the phone.
constexpr int kSlotDays = 14;
constexpr std::size_t kSlotsShown = 40;

std::string refusalText(const BookingRefused& e)
{
    return uiLanguage() == UiLanguage::Japanese ? e.text().ja : e.text().en;
}

} // namespace

BookingDialog::BookingDialog(wxWindow* parent, DeskContext& desk, const OfficeCalendar& calendar)
    : wxDialog(parent, wxID_ANY, _("New booking"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "bookingDialog"),
      desk_(desk), calendar_(calendar)
{
    build();
    picker_->focusSearch();
}

BookingDialog::BookingDialog(wxWindow* parent, DeskContext& desk, const OfficeCalendar& calendar, const Booking& moving)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Move booking %s"), u8(moving.number)), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "bookingDialog"),
      desk_(desk), calendar_(calendar), moving_(moving)
{
    added_ = moving.procedures;
    build();
    from_->ChangeValue(u8(toIso(std::max(moving.start.day, now().localDay))));
    refreshSlots();
    slots_->SetFocus();
}

void BookingDialog::build()
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* columns = new wxBoxSizer(wxHORIZONTAL);

    // Left: what for, and when.
    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* procBox = new wxStaticBoxSizer(wxVERTICAL, this, _("&Procedure"));
    if (!moving_) {
        picker_ = new ProcedurePicker(procBox->GetStaticBox());
        procBox->Add(picker_, 1, wxEXPAND | wxALL, 4);
        addProcedure_ = new wxButton(procBox->GetStaticBox(), kAnotherProcedureId, _("Ano&ther procedure (Ctrl+Enter)"),
                                     wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "anotherProcedure");
        procBox->Add(addProcedure_, 0, wxLEFT | wxBOTTOM, 4);
    }
    procedureList_ = new wxStaticText(procBox->GetStaticBox(), wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0,
                                      "bookingProcedures");
    procedureList_->SetFont(procedureList_->GetFont().Bold());
    procBox->Add(procedureList_, 0, wxALL, 4);
    left->Add(procBox, 0, wxEXPAND | wxBOTTOM, 8);

    auto* slotBox = new wxStaticBoxSizer(wxVERTICAL, this, _("Free &slots"));
    auto* fromRow = new wxBoxSizer(wxHORIZONTAL);
    fromRow->Add(new wxStaticText(slotBox->GetStaticBox(), wxID_ANY, _("From")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                 6);
    from_ = new wxTextCtrl(slotBox->GetStaticBox(), wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER,
                           wxDefaultValidator, "slotFrom");
    from_->SetHint(_("today; or a day: 12/3, 2026-12-03, R8.12.3"));
    fromRow->Add(from_, 1);
    slotBox->Add(fromRow, 0, wxEXPAND | wxALL, 4);
    slots_ = new wxListBox(slotBox->GetStaticBox(), wxID_ANY, wxDefaultPosition, FromDIP(wxSize(380, 220)), 0, nullptr,
                           wxLB_SINGLE, wxDefaultValidator, "slots");
    slotBox->Add(slots_, 1, wxEXPAND | wxALL, 4);
    left->Add(slotBox, 1, wxEXPAND);
    columns->Add(left, 0, wxEXPAND | wxALL, 8);

    // Right: who.
    auto* who = new wxStaticBoxSizer(wxVERTICAL, this, _("The resident"));
    auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
    grid->AddGrowableCol(1);
    auto text = [&](const wxString& label, const char* name, long style = 0) {
        grid->Add(new wxStaticText(who->GetStaticBox(), wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* t = new wxTextCtrl(who->GetStaticBox(), wxID_ANY, "", wxDefaultPosition,
                                 style ? FromDIP(wxSize(260, 60)) : FromDIP(wxSize(260, -1)), style, wxDefaultValidator,
                                 name);
        grid->Add(t, 1, wxEXPAND);
        return t;
    };
    name_ = text(_("&Name"), "bookingName");
    kana_ = text(_("F&urigana"), "bookingKana");
    birth_ = text(_("Date of &birth"), "bookingBirth");
    birth_->SetHint(_("optional"));
    phone_ = text(_("P&hone"), "bookingPhone");
    grid->Add(new wxStaticText(who->GetStaticBox(), wxID_ANY, _("Appli&cant")), 0, wxALIGN_CENTER_VERTICAL);
    applicant_ = new wxChoice(who->GetStaticBox(), wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                              wxDefaultValidator, "bookingApplicant");
    applicant_->Append(_("Principal (the resident)"));
    applicant_->Append(_("Proxy"));
    applicant_->Append(_("Legal representative"));
    applicant_->SetSelection(0);
    grid->Add(applicant_, 1, wxEXPAND);
    grid->Add(new wxStaticText(who->GetStaticBox(), wxID_ANY, _("Slip &language")), 0, wxALIGN_CENTER_VERTICAL);
    language_ = new wxChoice(who->GetStaticBox(), wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                             wxDefaultValidator, "bookingLanguage");
    language_->Append(u8("日本語"));
    language_->Append("English");
    language_->SetSelection(0);
    grid->Add(language_, 1, wxEXPAND);
    notes_ = text(_("N&otes"), "bookingNotes", wxTE_MULTILINE);
    who->Add(grid, 1, wxEXPAND | wxALL, 6);
    columns->Add(who, 1, wxEXPAND | wxALL, 8);
    top->Add(columns, 1, wxEXPAND);

    message_ = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "bookingMessage");
    message_->SetForegroundColour(wxColour(0xC0, 0, 0));
    top->Add(message_, 0, wxLEFT | wxRIGHT, 12);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    auto* save = new wxButton(this, wxID_SAVE, moving_ ? _("&Move (Ctrl+S)") : _("&Save (Ctrl+S)"), wxDefaultPosition,
                              wxDefaultSize, 0, wxDefaultValidator, "saveBooking");
    auto* print = new wxButton(this, kSaveAndPrintId, _("Save and print the sli&p (Ctrl+P)"), wxDefaultPosition,
                               wxDefaultSize, 0, wxDefaultValidator, "saveAndPrintSlip");
    buttons->Add(save, 0, wxRIGHT, 8);
    buttons->Add(print, 0, wxRIGHT, 8);
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Cancel")), 0);
    top->Add(buttons, 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(top);

    if (moving_) {
        // A move keeps who and what: only the slot changes.
        for (wxWindow* w :
             std::initializer_list<wxWindow*>{name_, kana_, birth_, phone_, notes_, applicant_, language_})
            w->Enable(false);
        name_->ChangeValue(u8(moving_->name));
        kana_->ChangeValue(u8(moving_->kana));
        phone_->ChangeValue(u8(moving_->phone));
        notes_->ChangeValue(u8(moving_->notes));
    }
    showProcedures();

    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->save(false); });
    print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->save(true); });
    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'S', wxID_SAVE},
                                 {wxACCEL_CTRL, 'P', kSaveAndPrintId},
                                 {wxACCEL_CTRL, WXK_RETURN, kAnotherProcedureId},
                                 {wxACCEL_CTRL, WXK_NUMPAD_ENTER, kAnotherProcedureId}};
    SetAcceleratorTable(wxAcceleratorTable(4, keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { this->save(false); }, wxID_SAVE);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { this->save(true); }, kSaveAndPrintId);
    auto another = [this] {
        if (!picker_)
            return;
        if (auto p = picker_->selected(); p && added_.empty())
            added_.push_back(*p);
        showProcedures();
        picker_->clearSearch();
        picker_->focusSearch();
    };
    Bind(
        wxEVT_MENU, [another](wxCommandEvent&) { another(); }, kAnotherProcedureId);
    if (addProcedure_)
        addProcedure_->Bind(wxEVT_BUTTON, [another](wxCommandEvent&) { another(); });
    if (picker_)
        picker_->onChosen([this] { procedureChosen(); });
    from_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { refreshSlots(); });
    from_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { slots_->SetFocus(); });
    slots_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { slotChosen(); });
    slots_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        const int count = static_cast<int>(slots_->GetCount());
        const int sel = slots_->GetSelection();
        if (e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) {
            slotChosen();
        } else if ((e.GetKeyCode() == WXK_DOWN || e.GetKeyCode() == WXK_UP) && count > 0 && !e.HasAnyModifiers()) {
            // From the slot shown chosen: GTK's own cursor starts on no row when the list got the
            // focus from code (the dialog opening on it), so its first ↓ would only reach the first.
            int next = sel == wxNOT_FOUND ? 0 : sel + (e.GetKeyCode() == WXK_DOWN ? 1 : -1);
            slots_->SetSelection(std::clamp(next, 0, count - 1));
        } else {
            e.Skip();
        }
    });
    CentreOnParent();
}

std::vector<Procedure> BookingDialog::procedures() const
{
    if (!added_.empty())
        return added_;
    if (picker_)
        if (auto p = picker_->selected())
            return {*p};
    return {};
}

void BookingDialog::procedureChosen()
{
    if (auto p = picker_->selected(); p && std::find(added_.begin(), added_.end(), *p) == added_.end())
        added_.push_back(*p);
    showProcedures();
    refreshSlots();
    slots_->SetFocus();
}

void BookingDialog::showProcedures()
{
    std::vector<ProcedureLine> lines;
    for (Procedure p : added_)
        lines.push_back({p, CaseStatus::Received});
    std::string text = lines.empty() ? std::string() : procedureNames(lines);
    if (!lines.empty())
        text += "  " + fill(tr("(%1 min)"), {std::to_string(calendar_.minutesFor(added_))});
    procedureList_->SetLabel(u8(text));
    Layout();
}

void BookingDialog::refreshSlots()
{
    slots_->Clear();
    shownSlots_.clear();
    std::vector<Procedure> procs = procedures();
    if (procs.empty()) {
        say(_("Choose the procedure first."));
        return;
    }
    StartTime current = nowAtOffice();
    StartTime from = current;
    std::string typed = trimmed(utf8(from_->GetValue()));
    if (!typed.empty()) {
        DateInput d = parseDateInput(typed);
        if (!d.date) {
            say(u8(describe(d.error)));
            return;
        }
        if (*d.date > current.day)
            from = {*d.date, 0};
    }
    try {
        auto found = desk_.store.bookings()->freeSlots(procs, from, kSlotDays, calendar_);
        if (found.size() > kSlotsShown)
            found.resize(kSlotsShown);
        int minutes = calendar_.minutesFor(procs);
        for (const auto& s : found) {
            slots_->Append(u8(slotLabel(s, minutes, current.day)));
            shownSlots_.push_back(s);
        }
        if (!shownSlots_.empty())
            slots_->SetSelection(0);
        say(shownSlots_.empty() ? _("No free slot in the two weeks from that day: try a later day.") : wxString());
    } catch (const std::exception& e) {
        say(u8(e.what()));
    }
}

void BookingDialog::slotChosen()
{
    if (slots_->GetSelection() == wxNOT_FOUND)
        return;
    if (moving_)
        save(false);
    else
        name_->SetFocus();
}

void BookingDialog::say(const wxString& text)
{
    setWrappedLabel(message_, text, FromDIP(640));
    Layout();
}

void BookingDialog::save(bool withSlip)
{
    int sel = slots_->GetSelection();
    if (procedures().empty()) {
        say(_("Choose the procedure first."));
        if (picker_)
            picker_->focusSearch();
        return;
    }
    if (sel == wxNOT_FOUND || static_cast<std::size_t>(sel) >= shownSlots_.size()) {
        say(_("Choose a free slot."));
        slots_->SetFocus();
        return;
    }
    StartTime at = shownSlots_[static_cast<std::size_t>(sel)].start;
    try {
        if (moving_) {
            saved_ = desk_.store.bookings()->moveBooking(moving_->id, at, calendar_, desk_.actor());
        } else {
            // What the phone call must give before anything is saved, said next to the field.
            if (trimmed(utf8(name_->GetValue())).empty()) {
                say(_("Type the resident's name."));
                name_->SetFocus();
                return;
            }
            if (!isKanaText(utf8(kana_->GetValue())) || trimmed(utf8(kana_->GetValue())).empty()) {
                say(_("Type the furigana in kana."));
                kana_->SetFocus();
                return;
            }
            BookingDraft d;
            d.procedures = procedures();
            d.start = at;
            d.name = utf8(name_->GetValue());
            d.kana = utf8(kana_->GetValue());
            std::string birth = trimmed(utf8(birth_->GetValue()));
            if (!birth.empty()) {
                DateInput b = parseDateInput(birth);
                if (!b.date) {
                    say(u8(describe(b.error)));
                    birth_->SetFocus();
                    return;
                }
                d.birth = b.date;
            }
            d.phone = utf8(phone_->GetValue());
            d.applicant = kApplicants[std::max(0, applicant_->GetSelection())];
            d.language = language_->GetSelection() == 1 ? BookingLanguage::En : BookingLanguage::Ja;
            d.notes = utf8(notes_->GetValue());
            d.source = BookingSource::Phone;
            saved_ = desk_.store.bookings()->addBooking(d, calendar_, desk_.actor());
        }
    } catch (const BookingRefused& e) {
        // Taken at another window meanwhile, or the day closed: the slots as they are now.
        std::string why = refusalText(e);
        refreshSlots();
        say(u8(why));
        slots_->SetFocus();
        return;
    } catch (const ValidationError& e) {
        say(u8(e.what())); // a phone with letters, a My Number in the notes: the field is named
        return;
    } catch (const std::exception& e) {
        showError(this, e, _("Saving the booking"));
        return;
    }
    slipWanted_ = withSlip;
    EndModal(wxID_OK);
}

} // namespace madoguchi::gui
