#include "app/gui/case_list_view.hpp"

#include "app/gui/case_list_model.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/label_wrap.hpp"
#include "app/gui/presenters/live_refresh.hpp"
#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/wx_text.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "db/change_watcher.hpp"

#include <algorithm>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/dataview.h>
#include <wx/frame.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace madoguchi::gui {

namespace {

// Set once a first visit was saved at this desk: the first-run hint is not needed any more.
const char* const kFirstRunDone = "/Hints/FirstRunDone";

// More changed cases at once than this (an import, a morning's backlog after a reconnect): one
// reload is cheaper than asking for each.
constexpr std::size_t kMaxRowsRefreshed = 200;
constexpr int kRetryMilliseconds = 2000;

// The status filter's choices: the status table's order (照会書回答待ち among them: choosing it
// lists the visits of any day waiting on an inquiry letter, for the second visit).
const std::span<const CaseStatus> kStatuses = allStatuses();

} // namespace

CaseListView::CaseListView(wxWindow* parent, wxSizer& column, wxSizer& body, wxFrame& frame, DeskContext& desk,
                           Hooks hooks)
    : frame_(frame), desk_(desk), hooks_(std::move(hooks)), audit_(desk_, [this](const std::string& what) {
          frame_.SetStatusText(u8(utf8(_("The audit trail could not be written: ")) + what), 0);
      })
{
    buildConnectionBanner(parent, column);
    buildFilterBar(parent, column);

    listHint_ = new wxStaticText(parent, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "listHint");
    listHint_->SetForegroundColour(wxColour(0x20, 0x40, 0x80));
    column.Add(listHint_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    list_ = new wxDataViewCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_ROW_LINES | wxDV_SINGLE,
                               wxDefaultValidator, "caseList");
    model_ = new CaseListModel;
    list_->AssociateModel(model_);
    model_->DecRef(); // the control holds the reference
    auto addColumn = [this](const wxString& title, CaseColumn c, int width) {
        list_->AppendTextColumn(title, c, wxDATAVIEW_CELL_INERT, frame_.FromDIP(width), wxALIGN_NOT,
                                wxDATAVIEW_COL_RESIZABLE);
    };
    addColumn(_("No."), ColReception, 80);
    addColumn(_("Time"), ColTime, 120);
    addColumn(_("Procedure"), ColProcedure, 380); // a visit of two procedures reads in full
    addColumn(_("Resident"), ColResident, 170);
    addColumn(_("Status"), ColStatus, 80);
    addColumn(_("Window"), ColWindow, 60);
    addColumn(_("Clerk"), ColClerk, 100);
    addColumn(_("Attention"), ColWarning, 200);
    body.Add(list_, 3, wxEXPAND | wxLEFT | wxBOTTOM, 6);
    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { openSelected(); });

    // While the change feed is down too, the watcher (on its own thread) finds out when the server
    // is back and says so with a Resync; a read from here would only freeze the window on a server
    // that has gone silent (up to the connection timeout, 5 s) at every tick.
    retry_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (!watcherDown_)
            reload();
    });
}

CaseListView::~CaseListView()
{
    // Joins the watcher's thread: after this no CallAfter can be queued, and those already queued
    // go with the frame's event handler.
    watcher_.reset();
    retry_.Stop();
}

void CaseListView::startLiveRefresh(db::CaseStore& feed)
{
    // The watcher calls back on its own thread; CallAfter brings each call to the window's.
    watcher_ = std::make_unique<db::ChangeWatcher>([&feed] { return feed.subscribe(); },
                                                   [this](const std::vector<db::ChangeEvent>& events) {
                                                       frame_.CallAfter([this, events] {
                                                           watcherDown_ = false;
                                                           applyChanges(events);
                                                       });
                                                   },
                                                   [this](const std::string& problem) {
                                                       frame_.CallAfter([this, problem] {
                                                           watcherDown_ = true;
                                                           connectionLost(problem);
                                                       });
                                                   });
}

void CaseListView::buildConnectionBanner(wxWindow* parent, wxSizer& column)
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
    column.Add(banner_, 0, wxEXPAND);
}

bool CaseListView::connectionBannerShown() const
{
    return banner_->IsShown();
}

void CaseListView::connectionLost(const std::string& detail)
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

void CaseListView::connectionBack()
{
    if (!banner_->IsShown())
        return;
    retry_.Stop();
    banner_->Hide();
    banner_->GetParent()->Layout();
}

bool CaseListView::unreachable(const std::exception& e)
{
    auto* s = dynamic_cast<const StorageError*>(&e);
    return s && s->kind() == StorageError::Kind::Unreachable;
}

void CaseListView::buildFilterBar(wxWindow* parent, wxSizer& column)
{
    // Created in the order the tab key visits them: search, status, procedure, window, list.
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    search_ = new wxSearchCtrl(parent, wxID_ANY, "", wxDefaultPosition, wxSize(frame_.FromDIP(300), -1), 0,
                               wxDefaultValidator, "search");
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
    windowFilter_ = new wxTextCtrl(parent, wxID_ANY, "", wxDefaultPosition, wxSize(frame_.FromDIP(50), -1), 0,
                                   wxDefaultValidator, "windowFilter");
    bar->Add(windowFilter_, 0);
    column.Add(bar, 0, wxEXPAND | wxALL, 6);

    // Every keystroke searches: the list follows the search box.
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { reload(); });
    search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { search_->Clear(); });
    search_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DOWN && model_->GetCount() > 0) {
            list_->SetFocus();
            list_->Select(model_->GetItem(0));
        } else if (e.GetKeyCode() == WXK_RETURN && model_->GetCount() > 0) {
            list_->Select(model_->GetItem(0));
            openSelected();
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

CaseFilter CaseListView::filterFromControls() const
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

void CaseListView::updateListHint(const CaseFilter& filter)
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
    setWrappedLabel(listHint_, hint, frame_.FromDIP(900));
    listHint_->Show(!hint.empty());
    listHint_->GetParent()->Layout();
}

void CaseListView::firstVisitSaved()
{
    wxConfigBase::Get()->Write(kFirstRunDone, true);
}

void CaseListView::reload()
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
        // Out of reach, the store has put the banner up already.
        if (!unreachable(e))
            frame_.SetStatusText(u8(utf8(_("Cannot search: ")) + e.what()), 0);
        return;
    }
    connectionBack();
    RowContext ctx{t.iso, desk_.waitWarningMinutes, privacyLocked_};
    std::vector<CaseRow> rows;
    rows.reserve(found.size());
    for (const auto& s : found)
        rows.push_back(toRow(s, ctx));
    std::optional<CaseId> wasSelected = selected();
    model_->setRows(std::move(rows));
    list_->Refresh();
    for (std::size_t i = 0; i < model_->rows().size(); ++i)
        if (model_->rows()[i].id == wasSelected)
            list_->Select(model_->GetItem(static_cast<unsigned>(i)));
    updateListSummary(filter, query.limit);
    auditShownRows(filter);
}

void CaseListView::auditShownRows(const CaseFilter& filter)
{
    // Names on screen are audited (case.list); hidden ones are not, until the desk is unlocked.
    if (privacyLocked_)
        return;
    std::vector<CaseId> shown;
    shown.reserve(model_->rows().size());
    for (const auto& r : model_->rows())
        shown.push_back(r.id);
    audit_.shown(shown, !filter.text.empty());
}

void CaseListView::applyChanges(const std::vector<db::ChangeEvent>& events)
{
    // The open case first: it may be the one that changed (its own check is one read).
    if (hooks_.changedElsewhere)
        hooks_.changedElsewhere();
    std::vector<CaseId> changed;
    for (const auto& e : events) {
        if (e.kind == db::ChangeKind::Resync) {
            reload();
            return;
        }
        if (std::find(changed.begin(), changed.end(), e.id) == changed.end())
            changed.push_back(e.id);
    }
    if (hooks_.casesChanged)
        hooks_.casesChanged();
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
    } catch (const std::exception&) {
        return; // out of reach: the banner is up; anything else (a half-typed search) is said by the next reload
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

void CaseListView::updateListSummary(const CaseFilter& filter, std::size_t limit)
{
    const auto& rows = model_->rows();
    auto warnings = static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [](const CaseRow& r) { return r.warning != RowWarning::None; }));
    frame_.SetStatusText(u8(listSummary(filter, rows.size(), limit)), 0);
    updateListHint(filter);
    frame_.SetStatusText(warnings ? wxString::Format(_("%zu need attention"), warnings) : wxString(), 1);
}

const std::vector<CaseRow>& CaseListView::rows() const
{
    return model_->rows();
}

std::optional<CaseId> CaseListView::selected() const
{
    auto item = list_->GetSelection();
    if (!item.IsOk())
        return std::nullopt;
    return model_->rows()[model_->GetRow(item)].id;
}

void CaseListView::select(CaseId id)
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

void CaseListView::openSelected()
{
    if (auto id = selected(); id && hooks_.open)
        hooks_.open(*id);
}

void CaseListView::focusSearch()
{
    search_->SetFocus();
    search_->SelectAll();
}

void CaseListView::setPrivacyLocked(bool locked)
{
    if (locked)
        audit_.flush();
    privacyLocked_ = locked;
    reload();
    // GTK's tree view keeps the texts it drew for rows that stay; Refresh() repaints those cached
    // texts. A reset makes it ask again, so the names really go (seen under Xvfb: they stayed).
    // Costly (~100 ms) but a lock is rare.
    model_->Reset(static_cast<unsigned int>(model_->rows().size()));
}

} // namespace madoguchi::gui
