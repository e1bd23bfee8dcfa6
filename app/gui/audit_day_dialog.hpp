#pragma once
// A day's audit trail for the supervisor: who looked at, changed, printed or exported which case
// (ids only: the trail holds no names), and its export as CSV (itself audited, audit.export).
#include "app/gui/desk_context.hpp"
#include "core/security/audit_chain.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <vector>
#include <wx/dialog.h>

namespace madoguchi::gui {

class AuditDayDialog : public wxDialog {
public:
    // Throws AccessDenied for a clerk (the store checks it) and StorageError.
    AuditDayDialog(wxWindow* parent, DeskContext& desk, boost::gregorian::date day);

private:
    void exportCsv();
    DeskContext& desk_;
    boost::gregorian::date day_;
    std::vector<AuditEntry> entries_;
};

} // namespace madoguchi::gui
