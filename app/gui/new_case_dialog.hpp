#pragma once
// A new case: procedure, applicant, the resident, the documents brought, notes; saved in one go.
// A save that fails leaves everything as typed.
#include "app/gui/desk_context.hpp"

#include <optional>
#include <wx/dialog.h>

class wxButton;
class wxRadioBox;
class wxTextCtrl;
class wxStaticText;

namespace madoguchi::gui {

class ProcedurePicker;
class ResidentFormPanel;
class DocumentsPanel;

class NewCaseDialog : public wxDialog {
public:
    NewCaseDialog(wxWindow* parent, DeskContext& desk);
    // The case as stored, after ShowModal() returned wxID_OK.
    const std::optional<Case>& created() const { return created_; }
    void setPrivacyLocked(bool locked);

private:
    void save();
    // The "read card" button: the card's facts into the form, or an error and the form untouched.
    void readCard();
    // Documents, fees and deadlines for what is typed so far.
    void refreshRules();
    DeskContext& desk_;
    ProcedurePicker* picker_;
    wxStaticText* procedureMessage_;
    wxRadioBox* applicant_;
    wxTextCtrl *proxyName_, *proxyRelation_, *notes_, *cardIssued_, *rulesSummary_;
    int feeYen_ = 0;
    wxButton* readCard_;
    wxStaticText* cardNote_;
    ResidentFormPanel* resident_;
    DocumentsPanel* documents_;
    std::optional<Case> created_;
};

} // namespace madoguchi::gui
