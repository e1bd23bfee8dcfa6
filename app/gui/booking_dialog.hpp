#pragma once
// Booking by keyboard while on the phone: the procedure (typed, Enter), the first free slots from
// a day (arrows, Enter), the resident (name, フリガナ, birth date, phone, applicant, language,
// notes), save — and the slip printed if asked. The same dialog moves a booking: its procedures
// stay, a slot is picked, save. A save refused (the slot was taken meanwhile at another window)
// says so and lists the free slots again; nothing typed is lost.
#include "app/gui/desk_context.hpp"
#include "core/bookings/booking.hpp"
#include "core/bookings/capacity.hpp"
#include "core/bookings/office_calendar.hpp"

#include <optional>
#include <vector>
#include <wx/dialog.h>

class wxButton;
class wxChoice;
class wxListBox;
class wxStaticText;
class wxTextCtrl;

namespace madoguchi::gui {

class ProcedurePicker;

class BookingDialog : public wxDialog {
public:
    // A new booking.
    BookingDialog(wxWindow* parent, DeskContext& desk, const bookings::OfficeCalendar& calendar);
    // Moving `moving` to another slot.
    BookingDialog(wxWindow* parent, DeskContext& desk, const bookings::OfficeCalendar& calendar,
                  const bookings::Booking& moving);

    // The booking as stored, after ShowModal() returned wxID_OK; and whether its slip was asked for.
    const std::optional<bookings::Booking>& saved() const { return saved_; }
    bool slipWanted() const { return slipWanted_; }

private:
    void build();
    std::vector<Procedure> procedures() const;
    void procedureChosen();
    void showProcedures();
    // The free slots for the procedures from the day typed (today by default).
    void refreshSlots();
    void slotChosen();
    void save(bool withSlip);
    void say(const wxString& text);

    DeskContext& desk_;
    const bookings::OfficeCalendar& calendar_;
    std::optional<bookings::Booking> moving_;
    ProcedurePicker* picker_ = nullptr;
    wxStaticText* procedureList_ = nullptr;
    wxButton* addProcedure_ = nullptr;
    std::vector<Procedure> added_;
    wxTextCtrl* from_ = nullptr;
    wxListBox* slots_ = nullptr;
    std::vector<bookings::FreeSlot> shownSlots_;
    wxTextCtrl *name_ = nullptr, *kana_ = nullptr, *birth_ = nullptr, *phone_ = nullptr, *notes_ = nullptr;
    wxChoice *applicant_ = nullptr, *language_ = nullptr;
    wxStaticText* message_ = nullptr;
    std::optional<bookings::Booking> saved_;
    bool slipWanted_ = false;
};

} // namespace madoguchi::gui
