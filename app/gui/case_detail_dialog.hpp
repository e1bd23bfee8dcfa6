#pragma once
// One case (a visit): the resident, the documents (tickable while open), notes, one line per
// procedure with its status, and for the line chosen its history and buttons for exactly the status
// changes the lifecycle allows (Alt+1, Alt+2…); reopening for supervisors.
#include "app/gui/desk_context.hpp"

#include <filesystem>
#include <functional>
#include <wx/dialog.h>

class wxListCtrl;
class wxTextCtrl;
class wxStaticText;
class wxBoxSizer;

namespace madoguchi::gui {

class DocumentsPanel;

class CaseDetailDialog : public wxDialog {
public:
    CaseDetailDialog(wxWindow* parent, DeskContext& desk, CaseId id);
    bool changed() const { return changed_; }
    void setPrivacyLocked(bool locked);
    // Live refresh: something in the case book changed. When it is this case (a newer version),
    // the dialog shows it as stored, unless the clerk has typed something here: then what they
    // typed stays and a line says the case changed meanwhile (saving then meets the conflict).
    void changedElsewhere();
    // The last handout written (for the status bar and the tests).
    const std::filesystem::path& lastHandout() const { return lastHandout_; }

private:
    void show(const Case& c);
    // The chosen procedure line's buttons and history.
    void showLine();
    void chooseLine(int step); // +1 the next procedure line, -1 the previous one
    Procedure lineProcedure() const;
    bool saveEdits(); // documents and notes; false when the save failed
    void changeStatus(CaseStatus to, bool needsReason, bool needsMailingDay);
    void reopen();
    // Runs a status change with the typed reason; on success shows the case as stored.
    void applyChange(const wxString& action, const std::function<Case(const std::string& reason)>& change);
    void printHandout(bool english);
    bool reasonGiven();

    DeskContext& desk_;
    Case case_;
    wxStaticText *title_, *resident_, *reasonMessage_;
    DocumentsPanel* documents_;
    wxTextCtrl *notes_, *reason_;
    wxTextCtrl* mailedOn_; // the inquiry letter's mailing day, for 照会書回答待ち (today by default)
    wxListCtrl *procedures_, *history_;
    std::size_t line_ = 0; // the procedure line chosen in procedures_
    wxBoxSizer* actions_;
    wxWindow* actionsParent_;
    bool changed_ = false;
    std::filesystem::path lastHandout_;
    bool notesModified_ = false;
    bool conflicted_ = false; // a save met a newer version: closing no longer saves
};

} // namespace madoguchi::gui
