#pragma once
// The bookings view beside the queue: a day's bookings (today by default) — time, procedure,
// resident, state with late and missed as the booking rules say at this minute — or, once
// something is typed in its search box, the whole booking book searched by name or フリガナ in any
// script, phone or booking number. The window's menu acts on the selected row (check in, move,
// cancel, slip); this panel only shows and tells which row is selected. Names on screen are
// audited as the case list's are (booking.list, list_audit.hpp).
#include "app/gui/desk_context.hpp"
#include "app/gui/list_audit.hpp"
#include "app/gui/presenters/booking_list_presenter.hpp"
#include "core/bookings/office_calendar.hpp"

#include <functional>
#include <optional>
#include <wx/panel.h>
#include <wx/timer.h>

class wxDataViewCtrl;
class wxSearchCtrl;
class wxStaticText;

namespace madoguchi::gui {

class BookingListModel;

class BookingsPanel : public wxPanel {
public:
    // `activated`: Enter or a double click on a row (the window checks it in).
    BookingsPanel(wxWindow* parent, DeskContext& desk, const bookings::OfficeCalendar& calendar,
                  std::function<void(bookings::BookingId)> activated,
                  std::function<void(const std::string&)> auditFailed);

    // Reads the day (or the search) again.
    void reload();
    void focusSearch();
    // Another day; today by default.
    void showDay(const boost::gregorian::date& day);
    const boost::gregorian::date& day() const { return day_; }
    std::optional<bookings::BookingId> selected() const;
    void select(bookings::BookingId id);
    void setPrivacyLocked(bool locked);
    // Records what is on screen now (before a dialog opens, the desk locks or the user changes).
    void flushAudit() { audit_.flush(); }
    void userChanged() { audit_.userChanged(); }
    const std::vector<BookingRow>& rows() const;
    // How long the last reload took to read, build and hand the rows to the control (the bench).
    double lastReloadMs() const { return lastReloadMs_; }

private:
    DeskContext& desk_;
    const bookings::OfficeCalendar& calendar_;
    std::function<void(bookings::BookingId)> activated_;
    ListAudit audit_;
    boost::gregorian::date day_;
    bool privacyLocked_ = false;
    wxStaticText* title_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxSearchCtrl* search_ = nullptr;
    wxDataViewCtrl* list_ = nullptr;
    BookingListModel* model_ = nullptr;
    // Late and missed change with the clock: the rows are read again each minute.
    wxTimer minute_;
    double lastReloadMs_ = 0;
};

} // namespace madoguchi::gui
