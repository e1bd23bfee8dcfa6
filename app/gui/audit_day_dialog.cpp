#include "app/gui/audit_day_dialog.hpp"

#include "app/common/audited_output.hpp"
#include "app/gui/error_dialog.hpp"
#include "app/gui/output_question.hpp"
#include "app/gui/wx_text.hpp"
#include "core/common/clock.hpp"
#include "db/audit_log.hpp"
#include "reports/audit_csv.hpp"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace madoguchi::gui {

AuditDayDialog::AuditDayDialog(wxWindow* parent, DeskContext& desk, boost::gregorian::date day)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Audit trail of %s"), u8(toIso(day))), wxDefaultPosition,
               wxSize(820, 520), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "auditDayDialog"),
      desk_(desk), day_(day)
{
    entries_ = desk.store.audit().auditDay(day, desk.actor());

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(new wxStaticText(this, wxID_ANY, wxString::Format(_("%zu entries"), entries_.size()), wxDefaultPosition,
                              wxDefaultSize, 0, "auditCount"),
             0, wxALL, 8);
    auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT, wxDefaultValidator,
                                "auditEntries");
    list->AppendColumn(_("Seq."), wxLIST_FORMAT_RIGHT, 60);
    list->AppendColumn(_("When"), wxLIST_FORMAT_LEFT, 90);
    list->AppendColumn(_("Who"), wxLIST_FORMAT_LEFT, 110);
    list->AppendColumn(_("Role"), wxLIST_FORMAT_LEFT, 90);
    list->AppendColumn(_("What"), wxLIST_FORMAT_LEFT, 130);
    list->AppendColumn(_("Case"), wxLIST_FORMAT_RIGHT, 70);
    list->AppendColumn(_("Detail"), wxLIST_FORMAT_LEFT, 220);
    for (const auto& e : entries_) {
        long i = list->InsertItem(list->GetItemCount(), wxString::Format("%lld", static_cast<long long>(e.seq)));
        auto at = readTimestamp(e.at);
        list->SetItem(i, 1, u8(at ? at->clockWithSeconds() : e.at));
        list->SetItem(i, 2, u8(e.user));
        list->SetItem(i, 3, u8(e.role));
        list->SetItem(i, 4, u8(e.action));
        list->SetItem(i, 5, e.caseId ? wxString::Format("%lld", static_cast<long long>(*e.caseId)) : wxString("-"));
        list->SetItem(i, 6, u8(e.detail));
    }
    top->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* csv = new wxButton(this, wxID_ANY, _("&Export as CSV..."), wxDefaultPosition, wxDefaultSize, 0,
                             wxDefaultValidator, "exportAudit");
    buttons->Add(csv, 0);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL, _("&Close")), 0);
    top->Add(buttons, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);
    csv->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { exportCsv(); });
    list->SetFocus();
    CentreOnParent();
}

void AuditDayDialog::exportCsv()
{
    // The chooser's own overwrite prompt is off: confirmOutputTarget asks, and refuses a database.
    wxFileDialog ask(this, _("Save the audit trail"), wxEmptyString, u8("madoguchi-audit-" + toIso(day_) + ".csv"),
                     "CSV (*.csv)|*.csv", wxFD_SAVE);
    int answer = ask.ShowModal();
    // GTK hands the focus back to the main window rather than to this dialog (seen under Xvfb),
    // which would leave the keyboard in a window behind a modal one.
    Raise();
    FindWindow("auditEntries")->SetFocus();
    if (answer != wxID_OK)
        return;
    std::filesystem::path path(utf8(ask.GetPath()));
    auto overwrite = confirmOutputTarget(this, path);
    if (!overwrite)
        return;
    try {
        app::writeAudited(desk_.store.audit(), desk_.actor(), {audit_actions::kAuditExport, {}, toIso(day_) + " csv"},
                          {{path, reports::auditCsv(entries_)}}, *overwrite);
    } catch (const std::exception& e) {
        showError(this, e, _("Writing the audit trail"));
    }
}

} // namespace madoguchi::gui
