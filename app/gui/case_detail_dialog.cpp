#include "app/gui/case_detail_dialog.hpp"

#include "app/gui/documents_panel.hpp"
#include "app/gui/error_dialog.hpp"
#include "app/gui/handout_printer.hpp"
#include "app/gui/presenters/case_detail_presenter.hpp"
#include "app/gui/presenters/date_input.hpp"
#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/presenters/translate.hpp"
#include "app/gui/presenters/visit_rules.hpp"
#include "app/gui/wx_text.hpp"
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/text/search_fold.hpp"
#include "db/audit_log.hpp"

#include <algorithm>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace madoguchi::gui {

namespace {
constexpr int kNextLineId = wxID_HIGHEST + 1;
constexpr int kPreviousLineId = wxID_HIGHEST + 2;
} // namespace

CaseDetailDialog::CaseDetailDialog(wxWindow* parent, DeskContext& desk, CaseId id)
    : wxDialog(parent, wxID_ANY, _("Case"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER,
               "caseDetailDialog"),
      desk_(desk), case_(desk.store.get(id))
{
    // Opening a case shows the resident's data: audited (users issue) before anything is shown.
    desk.store.audit().recordAccess(desk.actor(), audit_actions::kView, {case_.id}, "window");
    auto* top = new wxBoxSizer(wxVERTICAL);
    title_ = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "caseTitle");
    title_->SetFont(title_->GetFont().Bold().Larger());
    top->Add(title_, 0, wxALL, 8);
    resident_ = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "caseResident");
    top->Add(resident_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);

    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    auto* docBox = new wxStaticBoxSizer(wxVERTICAL, this, _("Documents brought (tick)"));
    documents_ = new DocumentsPanel(docBox->GetStaticBox(), 84);
    docBox->Add(documents_, 1, wxEXPAND | wxALL, 4);
    middle->Add(docBox, 1, wxEXPAND | wxRIGHT, 8);
    auto* notesBox = new wxStaticBoxSizer(wxVERTICAL, this, _("Notes"));
    notes_ = new wxTextCtrl(notesBox->GetStaticBox(), wxID_ANY, "", wxDefaultPosition, wxSize(260, 90), wxTE_MULTILINE,
                            wxDefaultValidator, "notes");
    notesBox->Add(notes_, 1, wxEXPAND | wxALL, 4);
    auto* saveButton = new wxButton(notesBox->GetStaticBox(), wxID_SAVE, _("&Save (Ctrl+S)"), wxDefaultPosition,
                                    wxDefaultSize, 0, wxDefaultValidator, "saveButton");
    notesBox->Add(saveButton, 0, wxALIGN_RIGHT | wxALL, 4);
    middle->Add(notesBox, 1, wxEXPAND);
    top->Add(middle, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);

    auto* statusBox = new wxStaticBoxSizer(wxVERTICAL, this, _("Status"));
    actionsParent_ = statusBox->GetStaticBox();
    // One line per procedure of the visit; the buttons below and the history are the chosen line's.
    // As many rows as the visit has procedures (two at least), so that the dialog stays low.
    int rows = std::max<int>(2, static_cast<int>(std::max<std::size_t>(1, case_.procedures.size())));
    procedures_ = new wxListCtrl(actionsParent_, wxID_ANY, wxDefaultPosition, wxSize(-1, (rows + 1) * FromDIP(24) + 4),
                                 wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "procedures");
    procedures_->AppendColumn(_("Procedure (Alt+↑↓ chooses; the buttons act on the chosen one)"), wxLIST_FORMAT_LEFT,
                              FromDIP(440));
    procedures_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(120));
    statusBox->Add(procedures_, 0, wxEXPAND | wxALL, 4);
    procedures_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        auto chosen = static_cast<std::size_t>(e.GetIndex());
        if (chosen == line_)
            return;
        line_ = chosen;
        reasonMessage_->SetLabel("");
        showLine();
    });
    auto* reasonRow = new wxBoxSizer(wxHORIZONTAL);
    reasonRow->Add(new wxStaticText(actionsParent_, wxID_ANY, _("&Reason")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    reason_ =
        new wxTextCtrl(actionsParent_, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "reason");
    reason_->SetHint(_("Needed for hold, withdrawal and reopening"));
    reasonRow->Add(reason_, 1, wxEXPAND);
    // The two-visit route: the day the inquiry letter goes out (today unless the clerk says
    // otherwise), read when the line is marked 照会書回答待ち.
    reasonRow->Add(new wxStaticText(actionsParent_, wxID_ANY, _("Letter &mailed on")), 0,
                   wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, 6);
    mailedOn_ = new wxTextCtrl(actionsParent_, wxID_ANY, u8(toIso(now().localDay)), wxDefaultPosition,
                               wxSize(FromDIP(110), -1), 0, wxDefaultValidator, "mailedOn");
    mailedOn_->SetToolTip(_("The day the inquiry letter is mailed to the resident (for Inquiry letter mailed)"));
    reasonRow->Add(mailedOn_, 0);
    statusBox->Add(reasonRow, 0, wxEXPAND | wxALL, 4);
    reasonMessage_ =
        new wxStaticText(actionsParent_, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "reasonMessage");
    reasonMessage_->SetForegroundColour(wxColour(0xC0, 0, 0));
    statusBox->Add(reasonMessage_, 0, wxLEFT, 4);
    actions_ = new wxBoxSizer(wxHORIZONTAL);
    statusBox->Add(actions_, 0, wxALL, 4);
    top->Add(statusBox, 0, wxEXPAND | wxALL, 8);

    top->Add(new wxStaticText(this, wxID_ANY, _("History")), 0, wxLEFT, 8);
    history_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(640, 96), wxLC_REPORT | wxLC_SINGLE_SEL,
                              wxDefaultValidator, "history");
    history_->AppendColumn(_("When"), wxLIST_FORMAT_LEFT, 130);
    history_->AppendColumn(_("Who"), wxLIST_FORMAT_LEFT, 100);
    history_->AppendColumn(_("Change"), wxLIST_FORMAT_LEFT, 180);
    history_->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, 220);
    top->Add(history_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);

    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    auto* print = new wxButton(this, wxID_PRINT, _("&Print the handout (Ctrl+P)"), wxDefaultPosition, wxDefaultSize, 0,
                               wxDefaultValidator, "printButton");
    bottom->Add(print, 0, wxRIGHT, 6);
    auto* printEn = new wxButton(this, wxID_ANY, _("English hando&ut"), wxDefaultPosition, wxDefaultSize, 0,
                                 wxDefaultValidator, "printEnglishButton");
    bottom->Add(printEn, 0);
    bottom->AddStretchSpacer();
    auto* close = new wxButton(this, wxID_CANCEL, _("&Close"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                               "closeButton");
    bottom->Add(close, 0);
    top->Add(bottom, 0, wxEXPAND | wxALL, 8);
    print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { printHandout(false); });
    printEn->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { printHandout(true); });
    SetSizer(top);

    saveButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (saveEdits())
            show(case_);
    });
    // Alt+↓ / Alt+↑ choose the next or previous procedure line from anywhere in the dialog.
    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'S', wxID_SAVE},
                                 {wxACCEL_CTRL, 'P', wxID_PRINT},
                                 {wxACCEL_ALT, WXK_DOWN, kNextLineId},
                                 {wxACCEL_ALT, WXK_UP, kPreviousLineId}};
    SetAcceleratorTable(wxAcceleratorTable(4, keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { chooseLine(+1); }, kNextLineId);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { chooseLine(-1); }, kPreviousLineId);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { printHandout(false); }, wxID_PRINT);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (saveEdits())
                show(case_);
        },
        wxID_SAVE);
    notes_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { notesModified_ = true; });
    // Closing with unsaved ticks or notes saves them: nothing typed may be lost.
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent& e) {
            // After a conflict the clerk was told to close and redo their change on the case as it now
            // is: closing must not try the stale save again (it would fail again and never close).
            if (conflicted_ || saveEdits())
                e.Skip();
        },
        wxID_CANCEL);

    show(case_);
    Fit();
    SetMinSize(GetSize());
    CentreOnParent();
}

void CaseDetailDialog::show(const Case& c)
{
    case_ = c;
    SetTitle(u8(c.receptionNumber));
    title_->SetLabel(u8(detailTitle(c)));
    std::string who = c.resident.name + "（" + c.resident.kana + "）  " + formatBothCalendars(c.resident.birth);
    if (!c.resident.address.empty())
        who += "\n" + c.resident.address;
    if (c.applicant.type != ApplicantType::Principal)
        who += "\n" + utf8(_("Applicant: ")) + std::string(applicantNameJa(c.applicant.type)) + " " +
               c.applicant.proxyName + " " + c.applicant.proxyRelation;
    documents_->setDocuments(c.documents);
    if (desk_.rules) {
        VisitFacts facts;
        facts.procedure = c.procedure;
        facts.procedures = proceduresOf(c);
        facts.applicant = c.applicant.type;
        facts.birth = c.resident.birth;
        facts.foreignResident = c.resident.foreignResident;
        // The rules of the day the case was received name its documents.
        auto received = readTimestamp(c.createdAt);
        documents_->setLabels(
            visitRules(*desk_.rules, facts, received ? received->localDay : now().localDay).documents);
    }
    if (c.feeYen > 0)
        who += "\n" + fill(tr("Fee: %1"), {formatYen(c.feeYen)});
    resident_->SetLabel(u8(who));
    notes_->ChangeValue(u8(c.notes));
    notesModified_ = false;

    auto rows = procedureRows(c);
    line_ = std::min(line_, rows.size() - 1);
    procedures_->DeleteAllItems();
    for (const auto& r : rows) {
        long i = procedures_->InsertItem(procedures_->GetItemCount(), u8(r.name));
        procedures_->SetItem(i, 1, u8(r.status));
    }
    procedures_->SetItemState(static_cast<long>(line_), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                              wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    showLine();
}

void CaseDetailDialog::chooseLine(int step)
{
    long n = procedures_->GetItemCount();
    long next = static_cast<long>(line_) + step;
    if (next < 0 || next >= n)
        return;
    // Selecting the row runs the selection handler, which shows the line.
    procedures_->SetItemState(next, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                              wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    procedures_->EnsureVisible(next);
}

Procedure CaseDetailDialog::lineProcedure() const
{
    return procedureRows(case_).at(line_).procedure;
}

void CaseDetailDialog::showLine()
{
    const Case& c = case_;
    DetailActions actions = actionsFor(c, line_, desk_.role);
    documents_->setEditable(actions.canEdit);
    notes_->SetEditable(actions.canEdit);
    // The keyboard stays in the list while the clerk moves through it; otherwise it goes where the
    // next step is (the old focus may be a button about to be replaced).
    bool inList = FindFocus() == procedures_;
    actions_->Clear(true);
    int n = 1;
    for (const auto& t : actions.transitions) {
        // Alt+1, Alt+2...: every change is a keystroke away.
        auto* b =
            new wxButton(actionsParent_, wxID_ANY, u8("&" + std::to_string(n++) + " " + t.label), wxDefaultPosition,
                         wxDefaultSize, 0, wxDefaultValidator, u8("to-" + std::string(statusId(t.to))));
        b->Bind(wxEVT_BUTTON, [this, to = t.to, r = t.needsReason, m = t.needsMailingDay](wxCommandEvent&) {
            changeStatus(to, r, m);
        });
        actions_->Add(b, 0, wxRIGHT, 6);
    }
    if (actions.canReopen) {
        auto* b = new wxButton(actionsParent_, wxID_ANY, _("Re&open (supervisor)"), wxDefaultPosition, wxDefaultSize, 0,
                               wxDefaultValidator, "reopen");
        b->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reopen(); });
        actions_->Add(b, 0, wxRIGHT, 6);
    }
    if (actions.transitions.empty() && !actions.canReopen)
        actions_->Add(new wxStaticText(actionsParent_, wxID_ANY,
                                       c.procedures.size() > 1
                                           ? _("This procedure is closed; a supervisor can reopen it.")
                                           : _("The case is closed; a supervisor can reopen it.")));
    // The keyboard starts where the next step is: the first status change, the reason for a
    // reopening, or the close button. (The old focus may have been a button just replaced.)
    if (inList)
        procedures_->SetFocus();
    else if (!actions.transitions.empty())
        actions_->GetItem(static_cast<size_t>(0))->GetWindow()->SetFocus();
    else if (actions.canReopen)
        reason_->SetFocus();
    else if (auto* close = FindWindow(wxID_CANCEL))
        close->SetFocus();

    history_->DeleteAllItems();
    for (const auto& h : historyRows(c, line_)) {
        long i = history_->InsertItem(history_->GetItemCount(), u8(h.at));
        history_->SetItem(i, 1, u8(h.actor));
        history_->SetItem(i, 2, u8(h.change));
        history_->SetItem(i, 3, u8(h.reason));
    }
    Layout();
}

bool CaseDetailDialog::saveEdits()
{
    if (!documents_->modified() && !notesModified_)
        return true;
    Case edited = case_;
    edited.documents = documents_->documents();
    edited.notes = utf8(notes_->GetValue());
    try {
        case_ = desk_.store.update(edited, desk_.actor());
    } catch (const ConflictError& e) {
        conflicted_ = true;
        showError(this, e, _("Saving the case"));
        return false;
    } catch (const std::exception& e) {
        showError(this, e, _("Saving the case"));
        return false; // the ticks and notes stay on screen as they were
    }
    documents_->clearModified();
    notesModified_ = false;
    changed_ = true;
    return true;
}

bool CaseDetailDialog::reasonGiven()
{
    if (!trimmed(utf8(reason_->GetValue())).empty())
        return true;
    reasonMessage_->SetLabel(_("Write the reason first: the supervisor reads it later."));
    reason_->SetFocus();
    Layout();
    return false;
}

void CaseDetailDialog::changeStatus(CaseStatus to, bool needsReason, bool needsMailingDay)
{
    reasonMessage_->SetLabel("");
    if (needsReason && !reasonGiven())
        return;
    std::optional<boost::gregorian::date> mailed;
    if (needsMailingDay) {
        DateInput in = parseDateInput(utf8(mailedOn_->GetValue()));
        if (!in.date) {
            reasonMessage_->SetLabel(u8(tr("The day the letter was mailed: ") + describe(in.error)));
            mailedOn_->SetFocus();
            Layout();
            return;
        }
        mailed = in.date;
    }
    if (!saveEdits())
        return;
    applyChange(_("Changing the status"), [&](const std::string& reason) {
        db::StatusChange change{to, reason, lineProcedure(), case_.version};
        change.mailedOn = mailed;
        return desk_.store.changeStatus(case_.id, change, desk_.actor());
    });
}

void CaseDetailDialog::reopen()
{
    reasonMessage_->SetLabel("");
    if (!reasonGiven())
        return;
    applyChange(_("Reopening the case"), [&](const std::string& reason) {
        return desk_.store.reopen(case_.id, reason, desk_.actor(), lineProcedure());
    });
}

void CaseDetailDialog::applyChange(const wxString& action, const std::function<Case(const std::string& reason)>& change)
{
    try {
        Case c = change(utf8(reason_->GetValue()));
        reason_->Clear();
        changed_ = true;
        case_ = c;
        // The button that was pressed is among those show() replaces: rebuild after its handler.
        CallAfter([this, c] { show(c); });
    } catch (const std::exception& e) {
        showError(this, e, action); // the reason typed stays in its field
    }
}

void CaseDetailDialog::printHandout(bool english)
{
    // The handout shows what was ticked: unsaved ticks are saved first.
    if (!saveEdits())
        return;
    if (auto path = gui::printHandout(this, desk_, case_, english))
        lastHandout_ = *path;
}

void CaseDetailDialog::changedElsewhere()
{
    std::optional<Case> stored;
    try {
        stored = desk_.store.find(case_.id);
    } catch (const std::exception&) {
        return; // the main window's banner or the next save says what is wrong
    }
    // Our own saves come back through the feed as well: the same version, nothing to do.
    if (!stored || stored->version <= case_.version)
        return;
    if (documents_->modified() || notesModified_ || !trimmed(utf8(reason_->GetValue())).empty()) {
        reasonMessage_->SetLabel(_("Someone at another window changed this case meanwhile. What you typed is kept; "
                                   "saving tells you whether it still fits."));
        Layout();
        return;
    }
    // Nothing typed here: show the case as it now is, keeping the keyboard where it was if that
    // field is still there (the status buttons are rebuilt).
    wxWindow* focus = FindFocus();
    bool keep = focus == notes_ || focus == reason_;
    show(*stored);
    reasonMessage_->SetLabel(_("Updated: someone at another window changed this case."));
    if (keep)
        focus->SetFocus();
    Layout();
}

void CaseDetailDialog::setPrivacyLocked(bool locked)
{
    resident_->Show(!locked);
    Layout();
}

} // namespace madoguchi::gui
