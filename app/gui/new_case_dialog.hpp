#pragma once
// A new case (a visit): its procedures — one, or a second and third added by keyboard —, the
// applicant, the resident, the documents brought for all of them, notes; saved in one go. A save
// that fails leaves everything as typed. Opened for a booking (arrival), it starts filled from it
// and saving checks the booking in: the visit is linked to it.
#include "app/gui/desk_context.hpp"
#include "core/bookings/booking.hpp"

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
    NewCaseDialog(wxWindow* parent, DeskContext& desk);
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
    wxStaticText* cardNote_;
    ResidentFormPanel* resident_;
    DocumentsPanel* documents_;
    std::optional<Case> created_;
    std::optional<bookings::BookingId> booking_; // the booking checked in on save
};

} // namespace madoguchi::gui
