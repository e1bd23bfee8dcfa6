#pragma once
// The main window's case list and its live refresh, apart from the window's menus and actions
// (main_frame.cpp): the search box and the filters, the hint over an empty list, the list with its
// count in the status bar, the audit of the names it shows (case.list), the change watcher that
// brings what other windows saved into the list row by row, and the banner while the database
// server is out of reach with the retry that takes it away. What a row says and which rows a
// change touches are decided without wx (presenters/case_list_presenter.hpp, live_refresh.hpp).
#include "app/gui/desk_context.hpp"
#include "app/gui/list_audit.hpp"
#include "app/gui/presenters/case_list_presenter.hpp"

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <wx/timer.h>

class wxChoice;
class wxDataViewCtrl;
class wxFrame;
class wxPanel;
class wxSearchCtrl;
class wxSizer;
class wxStaticText;
class wxTextCtrl;
class wxWindow;

namespace madoguchi::db {
class ChangeWatcher;
struct ChangeEvent;
} // namespace madoguchi::db

namespace madoguchi::gui {

class CaseListModel;

class CaseListView {
public:
    // `open`: Enter in the search box or on a row, or a double click (the window opens the case).
    // `changedElsewhere`: told first when the change feed reports anything (the open case looks
    // whether it was its own). `casesChanged`: then, unless the feed asked for a full reload (the
    // bookings beside read again: a check-in at another window is an arrived booking here).
    struct Hooks {
        std::function<void(CaseId)> open;
        std::function<void()> changedElsewhere;
        std::function<void()> casesChanged;
    };

    // Creates the controls in `parent` in the order the tab key visits them: the banner, the filter
    // bar and the hint go into `column`, the list into `body` (the window puts the bookings beside
    // it). `frame`: whose status bar shows the count (field 0) and the warnings (field 1).
    CaseListView(wxWindow* parent, wxSizer& column, wxSizer& body, wxFrame& frame, DeskContext& desk, Hooks hooks);
    ~CaseListView(); // stops the watcher first: after it no callback is queued
    CaseListView(const CaseListView&) = delete;
    CaseListView& operator=(const CaseListView&) = delete;

    // Follows `feed`'s change feed (its own connection: not the store worker's) from now on.
    void startLiveRefresh(db::CaseStore& feed);

    // Reads the list again with the current filters.
    void reload();
    // What the change feed reported: only the rows of those cases are read again; a Resync, or
    // more cases than are worth asking for one by one, reloads.
    void applyChanges(const std::vector<db::ChangeEvent>& events);
    // The banner at the top: shown while the database server cannot be reached (the watcher says
    // so, or a store call failed as Unreachable), gone once a read of the list succeeds again.
    void connectionLost(const std::string& detail);
    void connectionBack();
    bool connectionBannerShown() const;

    std::optional<CaseId> selected() const;
    // Selects the case's row, shows it and gives the list the focus (Enter opens it).
    void select(CaseId id);
    void focusSearch();
    // Names hidden while the desk is locked (and not audited until it is unlocked).
    void setPrivacyLocked(bool locked);
    // Records what is on screen now (before a dialog opens, the desk locks or the user changes).
    void flushAudit() { audit_.flush(); }
    void userChanged() { audit_.userChanged(); }
    // A first visit was saved at this desk: the first-run hint is not needed any more.
    static void firstVisitSaved();

    // For the test driver and the benchmark.
    const std::vector<CaseRow>& rows() const;
    std::size_t reloadCount() const { return reloads_; }
    std::size_t liveUpdateCount() const { return liveUpdates_; }

private:
    void buildConnectionBanner(wxWindow* parent, wxSizer& column);
    void buildFilterBar(wxWindow* parent, wxSizer& column);
    CaseFilter filterFromControls() const;
    void updateListHint(const CaseFilter& filter);
    void updateListSummary(const CaseFilter& filter, std::size_t limit);
    void auditShownRows(const CaseFilter& filter);
    // A failed store call: true when it was for want of the server (the store put the banner up).
    static bool unreachable(const std::exception& e);
    void openSelected();

    wxFrame& frame_;
    DeskContext& desk_;
    Hooks hooks_;
    ListAudit audit_;
    bool privacyLocked_ = false;
    std::size_t reloads_ = 0;
    std::size_t liveUpdates_ = 0;
    wxPanel* banner_ = nullptr;
    wxSearchCtrl* search_ = nullptr;
    wxChoice* statusFilter_ = nullptr;
    wxChoice* procedureFilter_ = nullptr;
    wxTextCtrl* windowFilter_ = nullptr;
    wxStaticText* listHint_ = nullptr;
    wxDataViewCtrl* list_ = nullptr;
    CaseListModel* model_ = nullptr;
    // While the banner is shown, the list is read again now and then: the first read that
    // succeeds takes the banner away even if the change feed never failed.
    wxTimer retry_;
    bool watcherDown_ = false; // the change feed reported a problem and has not recovered yet
    // Last member: stopped first, before anything its callbacks reach is gone.
    std::unique_ptr<db::ChangeWatcher> watcher_;
};

} // namespace madoguchi::gui
