#include "app/gui/new_case_dialog.hpp"

#include "app/gui/card_read_flow.hpp"
#include "app/gui/documents_panel.hpp"
#include "app/gui/error_dialog.hpp"
#include "app/gui/label_wrap.hpp"
#include "app/gui/presenters/card_facts.hpp"
#include "app/gui/presenters/card_proposals.hpp"
#include "app/gui/presenters/date_input.hpp"
#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/presenters/translate.hpp"
#include "app/gui/presenters/visit_rules.hpp"
#include "app/gui/procedure_picker.hpp"
#include "app/gui/resident_form_panel.hpp"
#include "app/gui/wx_text.hpp"
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/security/audit_chain.hpp"
#include "db/audit_log.hpp"
#include "db/booking_store.hpp"

#include <algorithm>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace madoguchi::gui {

namespace {
// In the order of the applicant choice (core/cases/applicant: every type the rules know).
constexpr ApplicantType kApplicants[] = {ApplicantType::Principal, ApplicantType::Proxy,
                                         ApplicantType::LegalRepresentative, ApplicantType::HouseholdMember,
                                         ApplicantType::Curator};
constexpr int kReadCardId = wxID_HIGHEST + 1;
constexpr int kAddProcedureId = wxID_HIGHEST + 2;
// Alt+P and Alt+C, the mnemonics the procedure box and the applicant box show: on GTK a box's
// frame label has no widget for its mnemonic to go to ("Couldn't find a target for a mnemonic
// activation"), so the dialog takes the keys itself.
constexpr int kFocusProcedureId = wxID_HIGHEST + 3;
constexpr int kFocusApplicantId = wxID_HIGHEST + 4;
// The width the card's reasons wrap to: the left column's.
constexpr int kCardTextWidth = 400;
} // namespace

NewCaseDialog::NewCaseDialog(wxWindow* parent, DeskContext& desk, const triage::Triage* fromCard)
    : wxDialog(parent, wxID_ANY, _("New case"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "newCaseDialog"),
      desk_(desk)
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* columns = new wxBoxSizer(wxHORIZONTAL);

    // Left: what the resident came for and who stands at the counter.
    auto* left = new wxBoxSizer(wxVERTICAL);
    if (fromCard)
        addCardBox(left, *fromCard);
    auto* procBox = new wxStaticBoxSizer(wxVERTICAL, this, _("&Procedure"));
    // From the card, the procedures are proposed: the list is there to change them, three rows do.
    picker_ = new ProcedurePicker(procBox->GetStaticBox(), fromCard ? 60 : 84);
    procBox->Add(picker_, 1, wxEXPAND | wxALL, 4);
    procedureMessage_ = new wxStaticText(procBox->GetStaticBox(), wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0,
                                         "procedureMessage");
    procedureMessage_->SetForegroundColour(wxColour(0xC0, 0, 0));
    procBox->Add(procedureMessage_, 0, wxLEFT, 4);
    // The visit's procedures: Enter in the picker adds the one chosen; "another" starts the next.
    // The list and its two buttons side by side: the dialog must not grow taller for them.
    procBox->Add(new wxStaticText(procBox->GetStaticBox(), wxID_ANY, _("This visit's procedures")), 0, wxLEFT | wxTOP,
                 4);
    auto* visitRow = new wxBoxSizer(wxHORIZONTAL);
    visitProcedures_ = new wxListBox(procBox->GetStaticBox(), wxID_ANY, wxDefaultPosition, FromDIP(wxSize(200, 56)), 0,
                                     nullptr, wxLB_SINGLE, wxDefaultValidator, "visitProcedures");
    visitRow->Add(visitProcedures_, 1, wxEXPAND | wxRIGHT, 6);
    auto* procButtons = new wxBoxSizer(wxVERTICAL);
    addProcedure_ = new wxButton(procBox->GetStaticBox(), kAddProcedureId, _("Ano&ther procedure (Ctrl+Enter)"),
                                 wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "addProcedure");
    removeProcedure_ = new wxButton(procBox->GetStaticBox(), wxID_ANY, _("Remove (Del)"), wxDefaultPosition,
                                    wxDefaultSize, 0, wxDefaultValidator, "removeProcedure");
    procButtons->Add(addProcedure_, 0, wxEXPAND | wxBOTTOM, 2);
    procButtons->Add(removeProcedure_, 0, wxEXPAND);
    visitRow->Add(procButtons, 0);
    procBox->Add(visitRow, 0, wxEXPAND | wxALL, 4);
    left->Add(procBox, 1, wxEXPAND | wxBOTTOM, 8);

    wxString applicantChoices[] = {_("Principal (the resident)"), _("Proxy"), _("Legal representative"),
                                   _("Household member"), _("Curator or assistant")};
    static_assert(std::size(applicantChoices) == std::size(kApplicants));
    // The applicant's choices in rows of three and the proxy's two fields in one row: the left
    // column sets the dialog's height, which must leave room for what the card says on 1366×768.
    applicant_ = new wxRadioBox(this, wxID_ANY, _("Appli&cant"), wxDefaultPosition, wxDefaultSize,
                                static_cast<int>(std::size(applicantChoices)), applicantChoices, 3, wxRA_SPECIFY_COLS,
                                wxDefaultValidator, "applicant");
    left->Add(applicant_, 0, wxEXPAND | wxBOTTOM, 4);
    auto* proxyGrid = new wxFlexGridSizer(4, wxSize(6, 4));
    proxyGrid->AddGrowableCol(1, 3);
    proxyGrid->AddGrowableCol(3, 2);
    proxyGrid->Add(new wxStaticText(this, wxID_ANY, _("Proxy's name")), 0, wxALIGN_CENTER_VERTICAL);
    proxyName_ =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "proxyName");
    proxyGrid->Add(proxyName_, 1, wxEXPAND);
    proxyGrid->Add(new wxStaticText(this, wxID_ANY, _("Relation")), 0, wxALIGN_CENTER_VERTICAL);
    proxyRelation_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(80, -1)), 0,
                                    wxDefaultValidator, "proxyRelation");
    proxyGrid->Add(proxyRelation_, 1, wxEXPAND);
    left->Add(proxyGrid, 0, wxEXPAND | wxBOTTOM, 8);
    proxyName_->Enable(false);
    proxyRelation_->Enable(false);
    applicant_->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) {
        bool proxy = applicant_->GetSelection() != 0;
        proxyName_->Enable(proxy);
        proxyRelation_->Enable(proxy);
        refreshRules();
    });

    // What the rules say: fees, deadlines (in both calendars once the card's issue day is known).
    auto* rulesBox = new wxStaticBoxSizer(wxVERTICAL, this, _("Fees and deadlines"));
    auto* issuedRow = new wxBoxSizer(wxHORIZONTAL);
    issuedRow->Add(new wxStaticText(rulesBox->GetStaticBox(), wxID_ANY, _("Card issue date (printed on the card)")), 0,
                   wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    cardIssued_ = new wxTextCtrl(rulesBox->GetStaticBox(), wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0,
                                 wxDefaultValidator, "cardIssued");
    cardIssued_->SetHint(_("optional: for the card's deadlines"));
    issuedRow->Add(cardIssued_, 1);
    rulesBox->Add(issuedRow, 0, wxEXPAND | wxALL, 4);
    rulesSummary_ = new wxTextCtrl(rulesBox->GetStaticBox(), wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(-1, 84)),
                                   wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP, wxDefaultValidator, "rulesSummary");
    rulesBox->Add(rulesSummary_, 1, wxEXPAND | wxALL, 4);
    left->Add(rulesBox, 1, wxEXPAND);
    cardIssued_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { refreshRules(); });
    columns->Add(left, 0, wxEXPAND | wxALL, 8);

    // Right: the resident, the documents, notes.
    auto* right = new wxBoxSizer(wxVERTICAL);
    auto* resBox = new wxStaticBoxSizer(wxVERTICAL, this, _("The resident"));
    // Before the form: Shift+Tab from the name reaches it, and it is the first thing in the box.
    auto* cardRow = new wxBoxSizer(wxHORIZONTAL);
    readCard_ = new wxButton(resBox->GetStaticBox(), kReadCardId, _("&Read card (Ctrl+R)"), wxDefaultPosition,
                             wxDefaultSize, 0, wxDefaultValidator, "readCard");
    cardRow->Add(readCard_, 0, wxRIGHT, 8);
    cardNote_ = new wxStaticText(resBox->GetStaticBox(), wxID_ANY,
                                 _("Fills name, address, date of birth and sex from the My Number card."),
                                 wxDefaultPosition, wxDefaultSize, 0, "cardNote");
    cardRow->Add(cardNote_, 1, wxALIGN_CENTER_VERTICAL);
    resBox->Add(cardRow, 0, wxEXPAND | wxALL, 4);
    resident_ = new ResidentFormPanel(resBox->GetStaticBox());
    resBox->Add(resident_, 0, wxEXPAND | wxALL, 4);
    right->Add(resBox, 0, wxEXPAND | wxBOTTOM, 8);
    auto* docBox = new wxStaticBoxSizer(wxVERTICAL, this, _("Documents brought (tick)"));
    documents_ = new DocumentsPanel(docBox->GetStaticBox());
    docBox->Add(documents_, 1, wxEXPAND | wxALL, 4);
    right->Add(docBox, 1, wxEXPAND | wxBOTTOM, 8);
    right->Add(new wxStaticText(this, wxID_ANY, _("N&otes")), 0);
    notes_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 50), wxTE_MULTILINE, wxDefaultValidator,
                            "notes");
    right->Add(notes_, 0, wxEXPAND);
    columns->Add(right, 1, wxEXPAND | wxALL, 8);
    top->Add(columns, 1, wxEXPAND);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    // Accepting what the card says sits with the dialog's own buttons: the columns have no height
    // to spare on 1366×768.
    if (fromCard && !cardProposals_.empty()) {
        acceptCard_ = new wxButton(this, wxID_ANY, _("&Accept what the card says (Enter)"), wxDefaultPosition,
                                   wxDefaultSize, 0, wxDefaultValidator, "acceptProposals");
        acceptCard_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { acceptCardProposals(); });
        buttons->Add(acceptCard_, 0);
    }
    buttons->AddStretchSpacer();
    auto* saveButton = new wxButton(this, wxID_SAVE, _("&Save (Ctrl+S)"), wxDefaultPosition, wxDefaultSize, 0,
                                    wxDefaultValidator, "saveButton");
    buttons->Add(saveButton, 0, wxRIGHT, 8);
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Cancel")), 0);
    top->Add(buttons, 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(top);

    saveButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    readCard_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { readCard(); });
    addProcedure_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { startAnotherProcedure(); });
    removeProcedure_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { removeProcedure(); });
    visitProcedures_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DELETE || e.GetKeyCode() == WXK_BACK)
            removeProcedure();
        else
            e.Skip();
    });
    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'S', wxID_SAVE},
                                 {wxACCEL_CTRL, 'R', kReadCardId},
                                 {wxACCEL_CTRL, WXK_RETURN, kAddProcedureId},
                                 {wxACCEL_CTRL, WXK_NUMPAD_ENTER, kAddProcedureId},
                                 {wxACCEL_ALT, 'P', kFocusProcedureId},
                                 {wxACCEL_ALT, 'C', kFocusApplicantId}};
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { picker_->focusSearch(); }, kFocusProcedureId);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { applicant_->SetFocus(); }, kFocusApplicantId);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { startAnotherProcedure(); }, kAddProcedureId);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { save(); }, wxID_SAVE);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { readCard(); }, kReadCardId);
    picker_->onChosen([this] { addChosenProcedure(); });
    picker_->onChanged([this] { refreshRules(); });
    resident_->onChanged([this] { refreshRules(); });
    showProcedures();
    refreshRules();
    if (acceptCard_)
        acceptCard_->SetFocus();
    else
        picker_->focusSearch();
    CentreOnParent();
}

void NewCaseDialog::addCardBox(wxSizer* column, const triage::Triage& fromCard)
{
    CardProposals shown = cardProposals(fromCard);
    cardProposals_ = shown.procedures;
    cardNotes_ = shown.notes;
    cardReasons_ = shown.reasons;
    added_ = cardProposals_; // shown in the visit's list, its checklist and fees, until changed
    for (const auto& pin : fromCard.reading.pins)
        if (pin.id == "card-info" && pin.blocked())
            cardInfoReadable_ = false;
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("What the card says"));
    auto* text =
        new wxStaticText(box->GetStaticBox(), wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "cardProposals");
    setWrappedLabel(text, u8(shown.text), FromDIP(kCardTextWidth));
    text->SetMinSize(text->GetBestSize()); // its lines as wrapped, not GTK's height for any width
    box->Add(text, 0, wxALL, 4);
    column->Add(box, 0, wxEXPAND | wxBOTTOM, 8);
}

void NewCaseDialog::acceptCardProposals()
{
    // The visit's list is what the card proposed, as the clerk may have changed it: kept as it is.
    const bool pinReset = std::find(added_.begin(), added_.end(), Procedure::PinReset) != added_.end();
    if (pinReset && !cardNotes_.empty() && !notes_->GetValue().Contains(u8(cardNotes_)))
        notes_->AppendText((notes_->IsEmpty() ? wxString() : wxString("\n")) + u8(cardNotes_));
    acceptCard_->Disable();
    showProcedures();
    refreshRules();
    // Next the resident: from the card (the resident types the card-info PIN) where it can be read.
    if (readCard_->IsShown() && cardInfoReadable_)
        readCard_->SetFocus();
    else
        resident_->focusName();
}

std::vector<Procedure> NewCaseDialog::procedures() const
{
    if (!added_.empty())
        return added_;
    if (auto p = picker_->selected())
        return {*p};
    return {};
}

void NewCaseDialog::addChosenProcedure()
{
    procedureMessage_->SetLabel("");
    if (auto p = picker_->selected(); p && std::find(added_.begin(), added_.end(), *p) == added_.end())
        added_.push_back(*p);
    showProcedures();
    refreshRules();
    resident_->focusName();
}

void NewCaseDialog::startAnotherProcedure()
{
    // What the picker shows now joins the visit first, if the clerk had not pressed Enter on it.
    if (auto p = picker_->selected(); added_.empty() && p)
        added_.push_back(*p);
    showProcedures();
    picker_->clearSearch();
    picker_->focusSearch();
}

void NewCaseDialog::removeProcedure()
{
    int sel = visitProcedures_->GetSelection();
    if (sel == wxNOT_FOUND || sel >= static_cast<int>(added_.size()))
        return;
    added_.erase(added_.begin() + sel);
    showProcedures();
    refreshRules();
    if (!added_.empty())
        visitProcedures_->SetSelection(std::min<int>(sel, static_cast<int>(added_.size()) - 1));
}

void NewCaseDialog::showProcedures()
{
    visitProcedures_->Clear();
    int n = 1;
    for (Procedure p : added_)
        visitProcedures_->Append(u8(std::to_string(n++) + ". " + procedureName(p)));
    removeProcedure_->Enable(!added_.empty());
}

void NewCaseDialog::save()
{
    procedureMessage_->SetLabel("");
    std::vector<Procedure> visit = procedures();
    std::optional<Resident> resident = resident_->finalCheck();
    if (visit.empty()) {
        procedureMessage_->SetLabel(_("Choose the procedure."));
        picker_->focusSearch();
        return;
    }
    if (!resident)
        return; // the form shows what is wrong, next to the field, and has the focus there
    CaseDraft draft;
    setProcedures(draft, visit);
    draft.resident = *resident;
    draft.applicant.type = kApplicants[std::max(0, applicant_->GetSelection())];
    if (draft.applicant.type != ApplicantType::Principal) {
        draft.applicant.proxyName = utf8(proxyName_->GetValue());
        draft.applicant.proxyRelation = utf8(proxyRelation_->GetValue());
    }
    draft.window = desk_.window;
    draft.clerk = desk_.user;
    draft.documents = documents_->documents();
    draft.notes = utf8(notes_->GetValue());
    draft.feeYen = feeYen_;
    try {
        if (booking_ && desk_.store.bookings())
            created_ = desk_.store.bookings()->checkIn(*booking_, draft, desk_.actor());
        else
            created_ = desk_.store.add(draft, desk_.actor());
    } catch (const std::exception& e) {
        // Nothing is cleared: the clerk fixes the cause and presses save again.
        showError(this, e, _("Saving the case"));
        return;
    }
    EndModal(wxID_OK);
}

void NewCaseDialog::fillFromBooking(const bookings::Booking& b)
{
    booking_ = b.id;
    SetTitle(wxString::Format(_("New case for booking %s"), u8(b.number)));
    added_ = b.procedures;
    showProcedures();
    ResidentFields fields = resident_->fields();
    fields.name = b.name;
    fields.kana = b.kana;
    if (b.birth)
        fields.birth = toIso(*b.birth);
    resident_->setFields(fields);
    for (std::size_t i = 0; i < std::size(kApplicants); ++i)
        if (kApplicants[i] == b.applicant)
            applicant_->SetSelection(static_cast<int>(i));
    bool proxy = applicant_->GetSelection() != 0;
    proxyName_->Enable(proxy);
    proxyRelation_->Enable(proxy);
    notes_->ChangeValue(u8(b.notes));
    refreshRules();
    // The card fills the address, sex and the registered spelling; the clerk starts there.
    readCard_->SetFocus();
}

void NewCaseDialog::readCard()
{
    if (!readCard_->IsShown())
        return; // the privacy lock is on: no names may appear
    std::optional<card::CardInfo> info = readCardWithPin(this);
    if (!info) {
        readCard_->SetFocus(); // the form is as it was; the clerk may try again or type
        return;
    }
    // The card gave a resident's name and address: audited (no content in the entry) before
    // anything of it is shown; if the trail cannot take the entry, nothing is shown.
    try {
        desk_.store.audit().recordAccess(desk_.actor(), audit_actions::kCardRead, {}, "window: card-info AP");
    } catch (const std::exception& e) {
        showError(this, e, _("Reading the card"));
        return;
    }
    // Only the four facts go into the form; the My Number (masked) and the PIN stay out of it.
    resident_->setFields(withCardFacts(resident_->fields(), info->facts));
    cardNote_->SetLabel(_("Read from the card. Type the furigana."));
    Layout();
    resident_->focusKana();
}

void NewCaseDialog::refreshRules()
{
    std::vector<Procedure> visit = procedures();
    if (!desk_.rules || visit.empty()) {
        rulesSummary_->ChangeValue(desk_.rules ? u8(cardReasons_)
                                               : _("The rule book could not be read: no documents or fees."));
        return;
    }
    ResidentFields typed = resident_->fields();
    VisitFacts facts;
    facts.procedure = visit.front();
    facts.procedures = visit;
    facts.applicant = kApplicants[std::max(0, applicant_->GetSelection())];
    facts.birth = parseDateInput(typed.birth).date;
    facts.foreignResident = typed.foreignResident;
    facts.stayUntil = parseDateInput(typed.stayUntil).date;
    facts.movedIn = parseDateInput(typed.movedIn).date;
    facts.cardIssued = parseDateInput(utf8(cardIssued_->GetValue())).date;
    VisitRules rules = visitRules(*desk_.rules, facts, now().localDay);
    documents_->setRequired(rules.documents);
    feeYen_ = rules.totalYen;

    std::string text = cardReasons_.empty() ? std::string() : cardReasons_ + "\n";
    if (!rules.problem.empty())
        text += rules.problem + "\n";
    text += fill(tr("Fee: %1"), {formatYen(rules.totalYen)}) + "\n";
    for (const auto& f : rules.fees)
        text += "  " + f + "\n";
    for (const auto& d : rules.deadlines)
        text += d + "\n";
    for (const auto& w : rules.warnings)
        text += "⚠ " + w + "\n";
    if (!rules.whereToGo.empty())
        text += rules.whereToGo + "\n";
    rulesSummary_->ChangeValue(u8(text));
}

void NewCaseDialog::setPrivacyLocked(bool locked)
{
    resident_->Show(!locked);
    readCard_->Show(!locked);
    cardNote_->Show(!locked);
    Layout();
}

} // namespace madoguchi::gui
