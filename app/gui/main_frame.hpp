#pragma once
// The counter's main window: today's cases (or the whole case book, once something is typed in the
// search box) with their filters, warnings and live refresh (case_list_view.hpp), the day's
// bookings beside them (bookings_panel.hpp), and the way into every other action, all by keyboard.
#include "app/gui/app_settings.hpp"
#include "app/gui/call_bar.hpp"
#include "app/gui/desk_context.hpp"
#include "app/gui/presenters/case_list_presenter.hpp"
#include "app/gui/waiting_store.hpp"
#include "core/bookings/office_calendar.hpp"
#include "core/triage/card_triage.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <wx/frame.h>

class wxMenu;

namespace madoguchi::db {
struct ChangeEvent;
} // namespace madoguchi::db

namespace madoguchi::gui {

class BookingsPanel;
class CaseListView;

class MainFrame : public wxFrame {
public:
    MainFrame(db::CaseStore& store, const AppSettings& settings, const std::string& user, Role role);
    ~MainFrame() override;

    // The case book as this window calls it (on its worker thread): what else works at the desk
    // (the idle lock) calls it this way too, never two calls at once on one connection.
    db::CaseStore& store() { return *waitingStore_; }

    // Reads the list again with the current filters.
    void reload();
    // `fromCard`: the new visit opens with what the card triage proposes.
    void newCase(const triage::Triage* fromCard = nullptr);
    // Read card: the card on the reader triaged (no PIN), then the new visit with its proposals.
    void newCaseFromCard();
    void openCase(CaseId id);
    void openSelectedCase();
    void focusSearch();
    void showSupervisorView();
    void showSettings();
    void showUsers(); // administrators

    // Bookings (予約), by keyboard: a new one (on the phone), and the selected one checked in
    // (arrival: the new-case dialog filled from it, the visit linked to it), moved, cancelled
    // with a reason, or its slip printed.
    void newBooking();
    void checkInBooking(bookings::BookingId id);
    void checkInSelectedBooking();
    void moveSelectedBooking();
    void cancelSelectedBooking();
    void printSelectedBookingSlip();
    void focusBookingSearch();
    BookingsPanel& bookingsPanel() { return *bookings_; }
    const bookings::OfficeCalendar& calendar() const { return calendar_; }

    // For the login and idle lock (users issue): who is at the desk, and hiding personal data
    // while the desk is left.
    void setCurrentUser(const std::string& user, Role role);
    void setPrivacyLocked(bool locked);
    void setRuleBook(const rules::RuleBook* rules) { desk_.rules = rules; }
    bool privacyLocked() const { return privacyLocked_; }
    Role currentRole() const { return desk_.role; }
    const std::string& currentUser() const { return desk_.user; }

    // Live refresh, as the change feed reports it (case_list_view.hpp); the banner while the
    // database server cannot be reached. For the test driver and the benchmark, as the rest below.
    void applyChanges(const std::vector<db::ChangeEvent>& events);
    void connectionLost(const std::string& detail);
    void connectionBack();
    bool connectionBannerShown() const;

    const std::vector<CaseRow>& rows() const;
    CallBar& callBar() { return *callBar_; }
    std::size_t reloadCount() const;
    std::size_t liveUpdateCount() const;

private:
    void buildMenu();
    std::optional<CaseId> selectedCase() const;
    // The main actions with their keys (new visit, read card, print, search).
    void buildToolbar();
    void updateRoleMenus();
    void updateUserStatus();
    // The booking the menu acts on: the selected row's, read again (audited: booking.view).
    std::optional<bookings::Booking> selectedBooking();

    // Every call of the window and its dialogs goes through it (a worker thread; a wait window
    // when the server is slow): before desk_, which hands it on.
    std::unique_ptr<WaitingStore> waitingStore_;
    DeskContext desk_;
    std::unique_ptr<CallBar> callBar_; // the toolbar and the Call menu (after desk_, which it uses)
    AppSettings settings_;
    std::string office_; // the one the case book was opened for (a new setting applies at the next start)
    // When the office takes bookings: its office file's "appointments" over the defaults, read at
    // start (a file that is wrong is said in the status bar, and the defaults are used).
    std::string calendarProblem_; // before calendar_, which loadCalendar() fills it for
    bookings::OfficeCalendar calendar_;
    BookingsPanel* bookings_ = nullptr;
    wxMenu* fileMenu_ = nullptr;
    wxMenu* viewMenu_ = nullptr;
    bool privacyLocked_ = false;
    // The open dialog's privacy switch, so that a lock hides what it shows too.
    std::function<void(bool)> dialogPrivacy_;
    // The open case's "someone else changed something": it looks whether that was its case.
    std::function<void()> openCaseChanged_;
    // Last member: its change watcher is stopped first, before anything its callbacks reach is gone.
    std::unique_ptr<CaseListView> caseList_;
};

} // namespace madoguchi::gui
