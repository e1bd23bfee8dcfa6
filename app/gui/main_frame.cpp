#include "app/gui/main_frame.hpp"

#include "app/gui/booking_dialog.hpp"
#include "app/gui/booking_slip_printer.hpp"
#include "app/gui/bookings_panel.hpp"
#include "app/gui/card_read_flow.hpp"
#include "app/gui/case_detail_dialog.hpp"
#include "app/gui/case_list_view.hpp"
#include "app/gui/error_dialog.hpp"
#include "app/gui/handout_printer.hpp"
#include "app/gui/help_dialogs.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/new_case_dialog.hpp"
#include "app/gui/settings_dialog.hpp"
#include "app/gui/supervisor_view.hpp"
#include "app/gui/users_dialog.hpp"
#include "app/gui/wx_text.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "db/booking_store.hpp"
#include "reports/office_info.hpp"

#include <wx/artprov.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/persist/toplevel.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>
#include <wx/textdlg.h>
#include <wx/toolbar.h>

namespace madoguchi::gui {

namespace {

enum MenuId {
    IdSearch = wxID_HIGHEST + 1,
    IdOpenCase,
    IdSupervisor,
    IdUsers,
    IdNewBooking,
    IdCheckIn,
    IdMoveBooking,
    IdCancelBooking,
    IdBookingSlip,
    IdBookingSearch,
    IdBookingsPreviousDay,
    IdBookingsNextDay,
    IdBookingsToday,
    IdCardVisit,
    IdShortcuts
};
// The office's booking calendar; the defaults, and the reason, when its file is wrong.
bookings::OfficeCalendar loadCalendar(std::string& problem)
{
    try {
        return bookings::OfficeCalendar::forOfficeFile(reports::defaultOfficeConfigPath());
    } catch (const std::exception& e) {
        problem = e.what();
        return bookings::OfficeCalendar::defaults();
    }
}

} // namespace

MainFrame::MainFrame(db::CaseStore& store, const AppSettings& settings, const std::string& user, Role role)
    : wxFrame(nullptr, wxID_ANY, _("Madoguchi - counter"), wxDefaultPosition, wxSize(1100, 680), wxDEFAULT_FRAME_STYLE,
              "mainFrame"),
      waitingStore_(std::make_unique<WaitingStore>(store, this)), desk_{*waitingStore_, settings.window, user, role,
                                                                        settings.waitWarningMinutes},
      settings_(settings), office_(settings.office), calendar_(loadCalendar(calendarProblem_))
{
    desk_.openHandout = settings.openHandout;
    callBar_ = std::make_unique<CallBar>(
        this, desk_,
        [this](const Case& c) {
            reload();
            caseList_->select(c.id);
        },
        [this](const Case&) { reload(); });
    callBar_->setSelectedCase([this] { return selectedCase(); });
    buildMenu();
    buildToolbar();
    auto* panel = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "mainPanel");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    // The queue on the left (with the banner, the filters and the hint above), the day's bookings
    // beside it.
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    caseList_ = std::make_unique<CaseListView>(panel, *sizer, *body, *this, desk_,
                                               CaseListView::Hooks{[this](CaseId id) { openCase(id); },
                                                                   [this] {
                                                                       if (openCaseChanged_)
                                                                           openCaseChanged_();
                                                                   },
                                                                   [this] { bookings_->reload(); }});
    // Whichever dialog's call finds the server gone, the banner goes up.
    waitingStore_->onUnreachable([this](const std::string& detail) { caseList_->connectionLost(detail); });
    bookings_ = new BookingsPanel(
        panel, desk_, calendar_, [this](bookings::BookingId id) { checkInBooking(id); },
        [this](const std::string& what) {
            SetStatusText(u8(utf8(_("The audit trail could not be written: ")) + what), 0);
        });
    body->Add(bookings_, 2, wxEXPAND | wxBOTTOM, 0);
    sizer->Add(body, 1, wxEXPAND | wxRIGHT, 6);
    panel->SetSizer(sizer);

    CreateStatusBar(3);
    int widths[] = {-3, -2, -2};
    GetStatusBar()->SetStatusWidths(3, widths);
    updateUserStatus();

    // A list on screen for less than the settle time when the window closes is recorded too.
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        caseList_->flushAudit();
        bookings_->flushAudit();
        e.Skip();
    });

    // Size, position and maximised state come back as the clerk left them.
    wxPersistenceManager::Get().RegisterAndRestore(this);
    reload();
    bookings_->reload();
    caseList_->focusSearch();
    if (!calendarProblem_.empty())
        SetStatusText(
            u8(utf8(_("The office's booking calendar could not be read; the defaults are used: ")) + calendarProblem_),
            0);
    caseList_->startLiveRefresh(store);
}

MainFrame::~MainFrame()
{
    // Stops the change watcher (joins its thread) while everything its callbacks reach is here; the
    // store, which lives on a little, tells nobody any more.
    waitingStore_->onUnreachable(nullptr);
    caseList_.reset();
}

void MainFrame::buildMenu()
{
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New case\tCtrl+N"));
    file->Append(IdCardVisit, _("&Read card: new visit from the card\tCtrl+R"));
    file->Append(IdOpenCase, _("&Open the selected case\tCtrl+O"));
    file->Append(wxID_PRINT, _("&Print the handout of the selected case\tCtrl+P"));
    file->AppendSeparator();
    file->Append(wxID_PREFERENCES, _("&Settings..."));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    auto* view = new wxMenu;
    view->Append(IdSearch, _("&Search\tCtrl+F"));
    view->Append(wxID_REFRESH, _("&Refresh\tF5"));
    auto* booking = new wxMenu;
    booking->Append(IdNewBooking, _("&New booking...\tCtrl+B"));
    booking->Append(IdCheckIn, _("&Check in the selected booking...\tCtrl+U"));
    booking->Append(IdMoveBooking, _("&Move the selected booking...\tCtrl+E"));
    booking->Append(IdCancelBooking, _("C&ancel the selected booking...\tCtrl+Shift+D"));
    booking->Append(IdBookingSlip, _("&Print the booking slip\tCtrl+Shift+P"));
    booking->AppendSeparator();
    booking->Append(IdBookingSearch, _("&Search the bookings\tCtrl+Shift+F"));
    booking->Append(IdBookingsPreviousDay, _("Pre&vious day\tCtrl+PgUp"));
    booking->Append(IdBookingsNextDay, _("Ne&xt day\tCtrl+PgDn"));
    booking->Append(IdBookingsToday, _("&Today\tCtrl+Home"));
    fileMenu_ = file;
    viewMenu_ = view;
    updateRoleMenus();
    auto* help = new wxMenu;
    help->Append(IdShortcuts, _("&Keyboard shortcuts\tF1"));
    help->Append(wxID_ABOUT, _("&About Madoguchi"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(view, _("&View"));
    bar->Append(callBar_->menu(), _("&Call"));
    bar->Append(booking, _("&Bookings"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { showKeyboardShortcuts(this); }, IdShortcuts);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { showAbout(this); }, wxID_ABOUT);

    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { newCase(); }, wxID_NEW);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { newCaseFromCard(); }, IdCardVisit);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { openSelectedCase(); }, IdOpenCase);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            auto id = selectedCase();
            if (!id)
                return;
            try {
                Case c = desk_.store.get(*id);
                if (auto path = printHandout(this, desk_, c, false))
                    SetStatusText(wxString::Format(_("Handout written: %s"), u8(path->string())), 0);
            } catch (const std::exception& e) {
                showError(this, e, _("Printing the handout"));
            }
        },
        wxID_PRINT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { showSettings(); }, wxID_PREFERENCES);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { focusSearch(); }, IdSearch);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { reload(); }, wxID_REFRESH);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { showSupervisorView(); }, IdSupervisor);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { showUsers(); }, IdUsers);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { newBooking(); }, IdNewBooking);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { checkInSelectedBooking(); }, IdCheckIn);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { moveSelectedBooking(); }, IdMoveBooking);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { cancelSelectedBooking(); }, IdCancelBooking);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { printSelectedBookingSlip(); }, IdBookingSlip);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { focusBookingSearch(); }, IdBookingSearch);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { bookings_->showDay(bookings_->day() - boost::gregorian::days(1)); },
        IdBookingsPreviousDay);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { bookings_->showDay(bookings_->day() + boost::gregorian::days(1)); },
        IdBookingsNextDay);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { bookings_->showDay(now().localDay); }, IdBookingsToday);
}

void MainFrame::buildToolbar()
{
    // Text beside each icon: the label carries the key, so a new clerk learns it from the bar.
    auto* bar = CreateToolBar(wxTB_HORIZONTAL | wxTB_FLAT | wxTB_TEXT | wxTB_HORZ_LAYOUT, wxID_ANY, "mainToolbar");
    auto tool = [bar](int id, const wxString& label, const wxArtID& art) {
        bar->AddTool(id, label, wxArtProvider::GetBitmapBundle(art, wxART_TOOLBAR), label);
    };
    tool(IdCardVisit, _("Read card (Ctrl+R)"), wxART_REMOVABLE);
    tool(wxID_NEW, _("New visit (Ctrl+N)"), wxART_NEW);
    callBar_->addTools(bar); // between taking a visit and printing its handout
    // The number being called right after the call keys: where the bar is too narrow (large text
    // on a 1366-pixel screen) GTK moves the last tools into its overflow menu, and printing and
    // search have their keys and menus, the call's state has only this.
    callBar_->addDisplay(bar);
    tool(wxID_PRINT, _("Print (Ctrl+P)"), wxART_PRINT);
    tool(IdSearch, _("Search (Ctrl+F)"), wxART_FIND);
    bar->Realize();
}

void MainFrame::updateRoleMenus()
{
    // A clerk's menu has no supervisor view at all, so neither its item nor its shortcut
    // (Ctrl+Shift+S) reaches it; the view refuses a clerk as well.
    bool offered = viewMenu_->FindItem(IdSupervisor) != nullptr;
    bool wanted = desk_.role != Role::Clerk;
    if (wanted && !offered) {
        viewMenu_->AppendSeparator();
        viewMenu_->Append(IdSupervisor, _("Su&pervisor view\tCtrl+Shift+S"));
    } else if (!wanted && offered) {
        viewMenu_->Destroy(IdSupervisor);
        // The separator above it, now the last item.
        viewMenu_->Destroy(viewMenu_->FindItemByPosition(viewMenu_->GetMenuItemCount() - 1));
    }
    // Users: administrators only, after the settings.
    bool usersOffered = fileMenu_->FindItem(IdUsers) != nullptr;
    bool usersWanted = desk_.role == Role::Admin;
    if (usersWanted && !usersOffered) {
        size_t pos = 0;
        fileMenu_->FindChildItem(wxID_PREFERENCES, &pos);
        // No shortcut: GTK keeps Ctrl+Shift+U for typing a character by its code; Alt+F, U reaches it.
        fileMenu_->Insert(pos + 1, IdUsers, _("&Users..."));
    } else if (!usersWanted && usersOffered) {
        fileMenu_->Destroy(IdUsers);
    }
}

void MainFrame::reload()
{
    caseList_->reload();
}

void MainFrame::applyChanges(const std::vector<db::ChangeEvent>& events)
{
    caseList_->applyChanges(events);
}

void MainFrame::connectionLost(const std::string& detail)
{
    caseList_->connectionLost(detail);
}

void MainFrame::connectionBack()
{
    caseList_->connectionBack();
}

bool MainFrame::connectionBannerShown() const
{
    return caseList_->connectionBannerShown();
}

const std::vector<CaseRow>& MainFrame::rows() const
{
    return caseList_->rows();
}

std::size_t MainFrame::reloadCount() const
{
    return caseList_->reloadCount();
}

std::size_t MainFrame::liveUpdateCount() const
{
    return caseList_->liveUpdateCount();
}

void MainFrame::newCaseFromCard()
{
    if (privacyLocked_)
        return;
    if (auto t = triageCardOnReader(this))
        newCase(&*t);
}

void MainFrame::newCase(const triage::Triage* fromCard)
{
    NewCaseDialog dlg(this, desk_, fromCard);
    wxPersistenceManager::Get().RegisterAndRestore(&dlg);
    dialogPrivacy_ = [&dlg](bool locked) { dlg.setPrivacyLocked(locked); };
    dlg.setPrivacyLocked(privacyLocked_);
    int result = dlg.ShowModal();
    dialogPrivacy_ = nullptr;
    if (result != wxID_OK || !dlg.created())
        return;
    CaseListView::firstVisitSaved();
    reload();
    SetStatusText(wxString::Format(_("Saved as %s"), u8(dlg.created()->receptionNumber)), 0);
    // The visit goes on in the detail: tick, move on, print.
    openCase(dlg.created()->id);
}

void MainFrame::openCase(CaseId id)
{
    caseList_->flushAudit(); // the list before the case, in the trail's order
    try {
        CaseDetailDialog dlg(this, desk_, id);
        dialogPrivacy_ = [&dlg](bool locked) { dlg.setPrivacyLocked(locked); };
        openCaseChanged_ = [&dlg] { dlg.changedElsewhere(); };
        dlg.setPrivacyLocked(privacyLocked_);
        dlg.ShowModal();
        dialogPrivacy_ = nullptr;
        openCaseChanged_ = nullptr;
        if (dlg.changed())
            reload();
    } catch (const std::exception& e) {
        dialogPrivacy_ = nullptr;
        openCaseChanged_ = nullptr;
        showError(this, e, _("Opening the case"));
    }
}

std::optional<CaseId> MainFrame::selectedCase() const
{
    return caseList_->selected();
}

void MainFrame::openSelectedCase()
{
    if (auto id = selectedCase())
        openCase(*id);
}

void MainFrame::focusSearch()
{
    caseList_->focusSearch();
}

void MainFrame::showSupervisorView()
{
    if (desk_.role == Role::Clerk)
        return;
    SupervisorView view(this, desk_, calendar_);
    view.ShowModal();
}

void MainFrame::showUsers()
{
    if (desk_.role != Role::Admin)
        return;
    try {
        UsersDialog dlg(this, desk_.store.users(), desk_);
        dlg.ShowModal();
    } catch (const std::exception& e) {
        showError(this, e, _("Reading the users"));
    }
}

void MainFrame::showSettings()
{
    SettingsDialog dlg(this, settings_, desk_.role == Role::Admin);
    if (dlg.ShowModal() != wxID_OK)
        return;
    settings_ = dlg.settings();
    desk_.window = settings_.window;
    desk_.waitWarningMinutes = settings_.waitWarningMinutes;
    desk_.openHandout = settings_.openHandout;
    saveSettings(settings_);
    updateUserStatus();
    reload();
}

void MainFrame::setCurrentUser(const std::string& user, Role role)
{
    caseList_->flushAudit(); // what the list showed until now was shown to the previous user
    bookings_->flushAudit();
    bool newUser = user != desk_.user;
    desk_.user = user;
    desk_.role = role;
    if (newUser) {
        caseList_->userChanged();
        bookings_->userChanged();
    }
    updateRoleMenus();
    updateUserStatus();
}

void MainFrame::setPrivacyLocked(bool locked)
{
    privacyLocked_ = locked;
    if (dialogPrivacy_)
        dialogPrivacy_(locked);
    caseList_->setPrivacyLocked(locked); // reads the list again, names hidden or shown
    bookings_->setPrivacyLocked(locked);
}

void MainFrame::updateUserStatus()
{
    wxString text = wxString::Format(_("%s (%s) - window %s"), u8(desk_.user), roleName(desk_.role), u8(desk_.window));
    // Where offices share a case book, the numbers called out are this office's: say which.
    if (office_ != "main")
        text += " / " + wxString::Format(_("office %s"), u8(office_));
    SetStatusText(text, 2);
}

void MainFrame::focusBookingSearch()
{
    bookings_->focusSearch();
}

std::optional<bookings::Booking> MainFrame::selectedBooking()
{
    auto id = bookings_->selected();
    db::BookingStore* book = desk_.store.bookings();
    if (!id || !book) {
        SetStatusText(_("Select a booking first (Ctrl+Shift+F searches them)."), 0);
        return std::nullopt;
    }
    try {
        bookings::Booking b = book->getBooking(*id);
        book->recordBookingAccess(desk_.actor(), audit_actions::kBookingView, {b.id}, "window");
        return b;
    } catch (const std::exception& e) {
        showError(this, e, _("Reading the booking"));
        return std::nullopt;
    }
}

void MainFrame::newBooking()
{
    if (!desk_.store.bookings())
        return;
    bookings_->flushAudit();
    BookingDialog dlg(this, desk_, calendar_);
    if (dlg.ShowModal() != wxID_OK || !dlg.saved())
        return;
    const bookings::Booking& b = *dlg.saved();
    bookings_->showDay(b.start.day);
    bookings_->select(b.id);
    SetStatusText(wxString::Format(_("Booked: %s, %s"), u8(b.number), u8(bookings::toIsoMinute(b.start))), 0);
    if (dlg.slipWanted())
        if (auto path = printBookingSlip(this, desk_, b, calendar_))
            SetStatusText(wxString::Format(_("Booking slip written: %s"), u8(path->string())), 0);
}

void MainFrame::checkInSelectedBooking()
{
    if (auto id = bookings_->selected())
        checkInBooking(*id);
    else
        SetStatusText(_("Select a booking first (Ctrl+Shift+F searches them)."), 0);
}

void MainFrame::checkInBooking(bookings::BookingId id)
{
    db::BookingStore* book = desk_.store.bookings();
    if (!book)
        return;
    bookings_->flushAudit();
    caseList_->flushAudit();
    std::optional<bookings::Booking> b;
    try {
        b = book->getBooking(id);
        book->recordBookingAccess(desk_.actor(), audit_actions::kBookingView, {id}, "window check-in");
    } catch (const std::exception& e) {
        showError(this, e, _("Reading the booking"));
        return;
    }
    if (b->state == bookings::BookingState::Arrived && b->caseId) {
        openCase(*b->caseId); // checked in already: its visit
        return;
    }
    NewCaseDialog dlg(this, desk_);
    wxPersistenceManager::Get().RegisterAndRestore(&dlg);
    dlg.fillFromBooking(*b);
    dialogPrivacy_ = [&dlg](bool locked) { dlg.setPrivacyLocked(locked); };
    dlg.setPrivacyLocked(privacyLocked_);
    int result = dlg.ShowModal();
    dialogPrivacy_ = nullptr;
    bookings_->reload();
    if (result != wxID_OK || !dlg.created())
        return;
    reload();
    SetStatusText(wxString::Format(_("Booking %s checked in as %s"), u8(b->number), u8(dlg.created()->receptionNumber)),
                  0);
    openCase(dlg.created()->id);
}

void MainFrame::moveSelectedBooking()
{
    auto b = selectedBooking();
    if (!b)
        return;
    BookingDialog dlg(this, desk_, calendar_, *b);
    if (dlg.ShowModal() != wxID_OK || !dlg.saved())
        return;
    bookings_->showDay(dlg.saved()->start.day);
    bookings_->select(b->id);
    SetStatusText(
        wxString::Format(_("Booking %s moved to %s"), u8(b->number), u8(bookings::toIsoMinute(dlg.saved()->start))), 0);
}

void MainFrame::cancelSelectedBooking()
{
    auto b = selectedBooking();
    if (!b)
        return;
    wxTextEntryDialog ask(this, wxString::Format(_("Why is booking %s cancelled?"), u8(b->number)),
                          _("Cancel the booking"));
    ask.SetName("cancelBooking");
    while (ask.ShowModal() == wxID_OK) {
        try {
            desk_.store.bookings()->cancelBooking(b->id, utf8(ask.GetValue()), desk_.actor());
            bookings_->reload();
            SetStatusText(wxString::Format(_("Booking %s cancelled"), u8(b->number)), 0);
            return;
        } catch (const ValidationError& e) {
            // No reason, or one the store refuses: asked again with why, the text kept to correct.
            wxMessageBox(u8(e.what()), _("Cancel the booking"), wxOK | wxICON_WARNING, this);
        } catch (const std::exception& e) {
            showError(this, e, _("Cancelling the booking"));
            return;
        }
    }
}

void MainFrame::printSelectedBookingSlip()
{
    if (auto b = selectedBooking())
        if (auto path = printBookingSlip(this, desk_, *b, calendar_))
            SetStatusText(wxString::Format(_("Booking slip written: %s"), u8(path->string())), 0);
}

} // namespace madoguchi::gui
