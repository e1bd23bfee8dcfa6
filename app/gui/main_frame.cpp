#include "app/gui/main_frame.hpp"

#include "app/gui/booking_dialog.hpp"
#include "app/gui/booking_slip_printer.hpp"
#include "app/gui/bookings_panel.hpp"
#include "app/gui/card_read_flow.hpp"
#include "app/gui/case_detail_dialog.hpp"
#include "app/gui/case_list_model.hpp"
#include "app/gui/error_dialog.hpp"
#include "app/gui/handout_printer.hpp"
#include "app/gui/help_dialogs.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/label_wrap.hpp"
#include "app/gui/new_case_dialog.hpp"
#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/settings_dialog.hpp"
#include "app/gui/supervisor_view.hpp"
#include "app/gui/users_dialog.hpp"
#include "app/gui/wx_text.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "db/booking_store.hpp"
#include "db/change_watcher.hpp"
#include "reports/office_info.hpp"

#include <algorithm>
#include <wx/artprov.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/dataview.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/persist/toplevel.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
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
// Set once a first visit was saved at this desk: the first-run hint is not needed any more.
const char* const kFirstRunDone = "/Hints/FirstRunDone";

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

// More changed cases at once than this (an import, a morning's backlog after a reconnect): one
// reload is cheaper than asking for each.
constexpr std::size_t kMaxRowsRefreshed = 200;
constexpr int kRetryMilliseconds = 2000;

constexpr CaseStatus kStatuses[] = {CaseStatus::Received, CaseStatus::InProgress, CaseStatus::Waiting, CaseStatus::Done,
                                    CaseStatus::Withdrawn};

} // namespace

MainFrame::MainFrame(db::CaseStore& store, const AppSettings& settings, const std::string& user, Role role)
    : wxFrame(nullptr, wxID_ANY, _("Madoguchi - counter"), wxDefaultPosition, wxSize(1100, 680), wxDEFAULT_FRAME_STYLE,
              "mainFrame"),
      waitingStore_(std::make_unique<WaitingStore>(store, this)), desk_{*waitingStore_, settings.window, user, role,
                                                                        settings.waitWarningMinutes},
      listAudit_(desk_,
                 [this](const std::string& what) {
                     SetStatusText(u8(utf8(_("The audit trail could not be written: ")) + what), 0);
                 }),
      settings_(settings), office_(settings.office), calendar_(loadCalendar(calendarProblem_))
{
    desk_.openHandout = settings.openHandout;
    callBar_ = std::make_unique<CallBar>(
        this, desk_,
        [this](const Case& c) {
            reload();
            selectCase(c.id);
        },
        [this](const Case&) { reload(); });
    callBar_->setSelectedCase([this] { return selectedCase(); });
    buildMenu();
    buildToolbar();
    auto* panel = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "mainPanel");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    buildConnectionBanner(panel, sizer);
    buildFilterBar(panel, sizer);

    listHint_ = new wxStaticText(panel, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "listHint");
    listHint_->SetForegroundColour(wxColour(0x20, 0x40, 0x80));
    sizer->Add(listHint_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    list_ = new wxDataViewCtrl(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_ROW_LINES | wxDV_SINGLE,
                               wxDefaultValidator, "caseList");
    model_ = new CaseListModel;
    list_->AssociateModel(model_);
    model_->DecRef(); // the control holds the reference
    auto column = [this](const wxString& title, CaseColumn c, int width) {
        list_->AppendTextColumn(title, c, wxDATAVIEW_CELL_INERT, FromDIP(width), wxALIGN_NOT, wxDATAVIEW_COL_RESIZABLE);
    };
    column(_("No."), ColReception, 80);
    column(_("Time"), ColTime, 120);
    column(_("Procedure"), ColProcedure, 380); // a visit of two procedures reads in full
    column(_("Resident"), ColResident, 170);
    column(_("Status"), ColStatus, 80);
    column(_("Window"), ColWindow, 60);
    column(_("Clerk"), ColClerk, 100);
    column(_("Attention"), ColWarning, 200);
    // The queue on the left, the day's bookings beside it.
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    body->Add(list_, 3, wxEXPAND | wxLEFT | wxBOTTOM, 6);
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

    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { openSelectedCase(); });
    // A list on screen for less than the settle time when the window closes is recorded too.
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        listAudit_.flush();
        bookings_->flushAudit();
        e.Skip();
    });

    // Size, position and maximised state come back as the clerk left them.
    wxPersistenceManager::Get().RegisterAndRestore(this);
    reload();
    bookings_->reload();
    search_->SetFocus();
    if (!calendarProblem_.empty())
        SetStatusText(
            u8(utf8(_("The office's booking calendar could not be read; the defaults are used: ")) + calendarProblem_),
            0);

    // While the change feed is down too, the watcher (on its own thread) finds out when the server
    // is back and says so with a Resync; a read from here would only freeze the window on a server
    // that has gone silent (up to the connection timeout, 5 s) at every tick.
    retry_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (!watcherDown_)
            reload();
    });
    // The watcher calls back on its own thread; CallAfter brings each call to this one.
    watcher_ = std::make_unique<db::ChangeWatcher>([&store] { return store.subscribe(); },
                                                   [this](const std::vector<db::ChangeEvent>& events) {
                                                       CallAfter([this, events] {
                                                           watcherDown_ = false;
                                                           applyChanges(events);
                                                       });
                                                   },
                                                   [this](const std::string& problem) {
                                                       CallAfter([this, problem] {
                                                           watcherDown_ = true;
                                                           connectionLost(problem);
                                                       });
                                                   });
}

MainFrame::~MainFrame()
{
    // Joins the watcher's thread: after this no CallAfter can be queued, and those already queued
    // go with the frame's event handler.
    watcher_.reset();
    retry_.Stop();
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
            auto item = list_->GetSelection();
            if (!item.IsOk())
                return;
            try {
                Case c = desk_.store.get(model_->rows()[model_->GetRow(item)].id);
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
    tool(wxID_PRINT, _("Print (Ctrl+P)"), wxART_PRINT);
    tool(IdSearch, _("Search (Ctrl+F)"), wxART_FIND);
    callBar_->addDisplay(bar);
    bar->Realize();
}

void MainFrame::updateListHint(const CaseFilter& filter)
{
    const bool filtered = !filter.text.empty() || !filter.window.empty() || filter.status || filter.procedure;
    wxString hint;
    if (model_->rows().empty() && filtered)
        hint = _("No visit matches. Change the search or the filters.");
    else if (model_->rows().empty() && !wxConfigBase::Get()->ReadBool(kFirstRunDone, false))
        hint = _("To begin: put the resident's card on the reader and press Ctrl+R (Read card): the card says "
                 "what the visit needs. Without a card: Ctrl+N (New visit). Every key: Help > Keyboard "
                 "shortcuts (F1).");
    else if (model_->rows().empty())
        hint = _("No visit yet today. Ctrl+R reads the resident's card; Ctrl+N takes a visit without it.");
    if (hint == listHint_->GetLabel() && listHint_->IsShown() == !hint.empty())
        return;
    setWrappedLabel(listHint_, hint, FromDIP(900));
    listHint_->Show(!hint.empty());
    listHint_->GetParent()->Layout();
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

void MainFrame::buildConnectionBanner(wxWindow* parent, wxSizer* sizer)
{
    // A coloured strip across the top rather than a dialog: the clerk may be in the middle of a
    // form, and nothing they typed is touched; it goes away by itself.
    banner_ = new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE, "connectionBanner");
    banner_->SetBackgroundColour(wxColour(0xFF, 0xE0, 0x82));
    auto* text = new wxStaticText(banner_, wxID_ANY, _("Cannot connect to the database. Trying to reconnect…"),
                                  wxDefaultPosition, wxDefaultSize, 0, "connectionBannerText");
    text->SetForegroundColour(wxColour(0x5D, 0x40, 0x00));
    text->SetFont(text->GetFont().Bold().Larger());
    auto* inner = new wxBoxSizer(wxHORIZONTAL);
    inner->Add(text, 1, wxALL | wxALIGN_CENTER_VERTICAL, 8);
    banner_->SetSizer(inner);
    banner_->Hide();
    sizer->Add(banner_, 0, wxEXPAND);
}

bool MainFrame::connectionBannerShown() const
{
    return banner_->IsShown();
}

void MainFrame::connectionLost(const std::string& detail)
{
    // The technical line is for the help desk: on the banner's tooltip, not in the clerk's way.
    banner_->SetToolTip(u8(detail));
    banner_->GetChildren().front()->SetToolTip(u8(detail));
    if (banner_->IsShown())
        return;
    banner_->Show();
    banner_->GetParent()->Layout();
    retry_.Start(kRetryMilliseconds);
}

void MainFrame::connectionBack()
{
    if (!banner_->IsShown())
        return;
    retry_.Stop();
    banner_->Hide();
    banner_->GetParent()->Layout();
}

bool MainFrame::noteUnreachable(const std::exception& e)
{
    auto* s = dynamic_cast<const StorageError*>(&e);
    if (!s || s->kind() != StorageError::Kind::Unreachable)
        return false;
    connectionLost(e.what());
    return true;
}

void MainFrame::buildFilterBar(wxWindow* parent, wxSizer* sizer)
{
    // Created in the order the tab key visits them: search, status, procedure, window, list.
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    search_ = new wxSearchCtrl(parent, wxID_ANY, "", wxDefaultPosition, wxSize(FromDIP(300), -1), 0, wxDefaultValidator,
                               "search");
    search_->ShowCancelButton(true);
    search_->SetDescriptiveText(_("Name, furigana, No. (A-012) or birth date"));
    bar->Add(search_, 0, wxRIGHT, 12);

    bar->Add(new wxStaticText(parent, wxID_ANY, _("Status")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    statusFilter_ = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                                 "statusFilter");
    statusFilter_->Append(_("All"));
    for (CaseStatus s : kStatuses)
        statusFilter_->Append(u8(statusName(s)));
    statusFilter_->SetSelection(0);
    bar->Add(statusFilter_, 0, wxRIGHT, 12);

    bar->Add(new wxStaticText(parent, wxID_ANY, _("Procedure")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    procedureFilter_ = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                                    wxDefaultValidator, "procedureFilter");
    procedureFilter_->Append(_("All"));
    for (const auto& p : allProcedures())
        procedureFilter_->Append(u8(procedureName(p.procedure)));
    procedureFilter_->SetSelection(0);
    bar->Add(procedureFilter_, 0, wxRIGHT, 12);

    bar->Add(new wxStaticText(parent, wxID_ANY, _("Window")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    windowFilter_ = new wxTextCtrl(parent, wxID_ANY, "", wxDefaultPosition, wxSize(FromDIP(50), -1), 0,
                                   wxDefaultValidator, "windowFilter");
    bar->Add(windowFilter_, 0);
    sizer->Add(bar, 0, wxEXPAND | wxALL, 6);

    // Every keystroke searches: the list follows the search box.
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { reload(); });
    search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { search_->Clear(); });
    search_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DOWN && model_->GetCount() > 0) {
            list_->SetFocus();
            list_->Select(model_->GetItem(0));
        } else if (e.GetKeyCode() == WXK_RETURN && model_->GetCount() > 0) {
            list_->Select(model_->GetItem(0));
            openSelectedCase();
        } else if (e.GetKeyCode() == WXK_ESCAPE) {
            search_->Clear();
        } else {
            e.Skip();
        }
    });
    statusFilter_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { reload(); });
    procedureFilter_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { reload(); });
    windowFilter_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { reload(); });
}

CaseFilter MainFrame::filterFromControls() const
{
    CaseFilter f;
    f.text = utf8(search_->GetValue());
    f.window = utf8(windowFilter_->GetValue());
    if (int s = statusFilter_->GetSelection(); s > 0)
        f.status = kStatuses[s - 1];
    if (int p = procedureFilter_->GetSelection(); p > 0)
        f.procedure = allProcedures()[static_cast<std::size_t>(p - 1)].procedure;
    return f;
}

void MainFrame::reload()
{
    ++reloads_;
    CaseFilter filter = filterFromControls();
    Timestamp t = now();
    db::CaseQuery query = buildQuery(filter, t.localDay);
    std::vector<db::CaseSummary> found;
    try {
        found = desk_.store.search(query);
    } catch (const std::exception& e) {
        // A search typed half-way (2026-02-3…) is not worth a dialog: say it where the count goes.
        if (!noteUnreachable(e))
            SetStatusText(u8(utf8(_("Cannot search: ")) + e.what()), 0);
        return;
    }
    connectionBack();
    RowContext ctx{t.iso, desk_.waitWarningMinutes, privacyLocked_};
    std::vector<CaseRow> rows;
    rows.reserve(found.size());
    for (const auto& s : found)
        rows.push_back(toRow(s, ctx));
    CaseId selected = 0;
    if (auto item = list_->GetSelection(); item.IsOk())
        selected = model_->rows()[model_->GetRow(item)].id;
    model_->setRows(std::move(rows));
    list_->Refresh();
    for (std::size_t i = 0; i < model_->rows().size(); ++i)
        if (model_->rows()[i].id == selected)
            list_->Select(model_->GetItem(static_cast<unsigned>(i)));
    updateListSummary(filter, query.limit);
    auditShownRows(filter);
}

void MainFrame::auditShownRows(const CaseFilter& filter)
{
    // Names on screen are audited (case.list); hidden ones are not, until the desk is unlocked.
    if (privacyLocked_)
        return;
    std::vector<CaseId> shown;
    shown.reserve(model_->rows().size());
    for (const auto& r : model_->rows())
        shown.push_back(r.id);
    listAudit_.shown(shown, !filter.text.empty());
}

void MainFrame::applyChanges(const std::vector<db::ChangeEvent>& events)
{
    // The open case first: it may be the one that changed (its own check is one read).
    if (openCaseChanged_)
        openCaseChanged_();
    std::vector<CaseId> changed;
    for (const auto& e : events) {
        if (e.kind == db::ChangeKind::Resync) {
            reload();
            return;
        }
        if (std::find(changed.begin(), changed.end(), e.id) == changed.end())
            changed.push_back(e.id);
    }
    // A check-in at another window is a new case there and an arrived booking here.
    bookings_->reload();
    if (changed.empty())
        return;
    if (changed.size() > kMaxRowsRefreshed) {
        reload();
        return;
    }
    // The list's own query, for just these cases: a case is shown, updated or dropped exactly as
    // a reload would, and the search box, the selection and any open dialog are left alone.
    CaseFilter filter = filterFromControls();
    Timestamp t = now();
    db::CaseQuery query = buildQuery(filter, t.localDay);
    std::size_t limit = query.limit;
    query.ids = changed;
    query.limit = changed.size();
    std::vector<db::CaseSummary> found;
    try {
        found = desk_.store.search(query);
    } catch (const std::exception& e) {
        noteUnreachable(e); // anything else (a half-typed search) is said by the next reload
        return;
    }
    connectionBack();
    RowContext ctx{t.iso, desk_.waitWarningMinutes, privacyLocked_};
    std::vector<CaseRow> fresh;
    for (const auto& s : found)
        fresh.push_back(toRow(s, ctx));
    model_->apply(planRefresh(model_->rows(), changed, fresh, listOrder(query)));
    ++liveUpdates_;
    updateListSummary(filter, limit);
    auditShownRows(filter); // a case that arrived is a name on screen like any other
}

void MainFrame::updateListSummary(const CaseFilter& filter, std::size_t limit)
{
    const auto& rows = model_->rows();
    auto warnings = static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [](const CaseRow& r) { return r.warning != RowWarning::None; }));
    SetStatusText(u8(listSummary(filter, rows.size(), limit)), 0);
    updateListHint(filter);
    SetStatusText(warnings ? wxString::Format(_("%zu need attention"), warnings) : wxString(), 1);
}

const std::vector<CaseRow>& MainFrame::rows() const
{
    return model_->rows();
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
    wxConfigBase::Get()->Write(kFirstRunDone, true);
    reload();
    SetStatusText(wxString::Format(_("Saved as %s"), u8(dlg.created()->receptionNumber)), 0);
    // The visit goes on in the detail: tick, move on, print.
    openCase(dlg.created()->id);
}

void MainFrame::openCase(CaseId id)
{
    listAudit_.flush(); // the list before the case, in the trail's order
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
    auto item = list_->GetSelection();
    if (!item.IsOk())
        return std::nullopt;
    return model_->rows()[model_->GetRow(item)].id;
}

void MainFrame::selectCase(CaseId id)
{
    for (std::size_t i = 0; i < model_->rows().size(); ++i)
        if (model_->rows()[i].id == id) {
            auto item = model_->GetItem(static_cast<unsigned>(i));
            list_->Select(item);
            list_->EnsureVisible(item);
            list_->SetFocus(); // Enter opens the case: the clerk starts the work there
            return;
        }
}

void MainFrame::openSelectedCase()
{
    auto item = list_->GetSelection();
    if (!item.IsOk())
        return;
    openCase(model_->rows()[model_->GetRow(item)].id);
}

void MainFrame::focusSearch()
{
    search_->SetFocus();
    search_->SelectAll();
}

void MainFrame::showSupervisorView()
{
    if (desk_.role == Role::Clerk)
        return;
    SupervisorView view(this, desk_);
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
    listAudit_.flush(); // what the list showed until now was shown to the previous user
    bookings_->flushAudit();
    bool newUser = user != desk_.user;
    desk_.user = user;
    desk_.role = role;
    if (newUser) {
        listAudit_.userChanged();
        bookings_->userChanged();
    }
    updateRoleMenus();
    updateUserStatus();
}

void MainFrame::setPrivacyLocked(bool locked)
{
    if (locked)
        listAudit_.flush();
    privacyLocked_ = locked;
    if (dialogPrivacy_)
        dialogPrivacy_(locked);
    reload();
    // GTK's tree view keeps the texts it drew for rows that stay; Refresh() repaints those cached
    // texts. A reset makes it ask again, so the names really go (seen under Xvfb: they stayed).
    // Costly (~100 ms) but a lock is rare.
    model_->Reset(static_cast<unsigned int>(model_->rows().size()));
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
    listAudit_.flush();
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
