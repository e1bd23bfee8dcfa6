#pragma once
// A new case (a visit): its procedures — one, or a second and third added by keyboard —, the
// applicant, the resident, the documents brought for all of them, notes; saved in one go. A save
// that fails leaves everything as typed. Opened for a booking (arrival), it starts filled from it
// and saving checks the booking in: the visit is linked to it. Opened after a card triage, it
// shows what the card says the visit needs; Enter accepts it all, or the clerk changes it.
#include "app/gui/desk_context.hpp"
#include "core/bookings/booking.hpp"
#include "core/triage/card_triage.hpp"

#include <optional>
#include <wx/dialog.h>

class wxButton;
class wxListBox;
class wxRadioBox;
class wxTextCtrl;
class wxStaticText;

namespace madoguchi::gui {

class ProcedurePicker;
class ResidentFormPanel;
class DocumentsPanel;

class NewCaseDialog : public wxDialog {
public:
    // `fromCard`: the triage of the card the resident handed over (none: the clerk picks).
    NewCaseDialog(wxWindow* parent, DeskContext& desk, const triage::Triage* fromCard = nullptr);
    // The case as stored, after ShowModal() returned wxID_OK.
    const std::optional<Case>& created() const { return created_; }
    void setPrivacyLocked(bool locked);
    // Arrival: the booking's procedures, name, フリガナ, birth date, applicant and notes in the
    // form (the card, if read, fills in the rest), and saving checks the booking in.
    void fillFromBooking(const bookings::Booking& b);

private:
    void save();
    // The visit's procedures: those added to its list, or the one chosen in the picker.
    std::vector<Procedure> procedures() const;
    // Enter in the picker: the procedure chosen joins the visit (once); the form moves on.
    void addChosenProcedure();
    // "Add another procedure": the picker is cleared for the next one.
    void startAnotherProcedure();
    void removeProcedure();
    void showProcedures();
    // The "read card" button: the card's facts into the form, or an error and the form untouched.
    void readCard();
    // The card's proposals (already the visit's procedures) accepted: the locked PIN noted, the
    // focus on to the resident.
    void acceptCardProposals();
    // The box with what the card says; the accept button has the focus while it has proposals.
    void addCardBox(wxSizer* column, const triage::Triage& fromCard);
    // Documents, fees and deadlines for what is typed so far.
    void refreshRules();
    DeskContext& desk_;
    ProcedurePicker* picker_;
    wxListBox* visitProcedures_;
    wxButton *addProcedure_, *removeProcedure_;
    std::vector<Procedure> added_; // the visit's procedures, in the order taken
    wxStaticText* procedureMessage_;
    wxRadioBox* applicant_;
    wxTextCtrl *proxyName_, *proxyRelation_, *notes_, *cardIssued_, *rulesSummary_;
    int feeYen_ = 0;
    wxButton* readCard_;
    wxButton* acceptCard_ = nullptr;
    std::vector<Procedure> cardProposals_;
    std::string cardNotes_;
    std::string cardReasons_;      // the triage's reasons, at the top of the rules summary
    bool cardInfoReadable_ = true; // false when the triage found the card-info PIN blocked
    wxStaticText* cardNote_;
    ResidentFormPanel* resident_;
    DocumentsPanel* documents_;
    std::optional<Case> created_;
    std::optional<bookings::BookingId> booking_; // the booking checked in on save
};

} // namespace madoguchi::gui
