#include "app/gui/bookings_panel.hpp"

#include "app/gui/booking_list_model.hpp"
#include "app/gui/wx_text.hpp"
#include "core/bookings/booking.hpp"
#include "core/common/clock.hpp"
#include "core/security/audit_chain.hpp"
#include "db/booking_store.hpp"

#include <chrono>
#include <wx/dataview.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

namespace madoguchi::gui {

using namespace bookings;

namespace {

constexpr int kMinuteMilliseconds = 60 * 1000;

ListAudit::Record bookingListRecord(DeskContext& desk)
{
    return [&desk](const db::Actor& actor, const std::vector<std::int64_t>& ids, const std::string& detail) {
        if (db::BookingStore* book = desk.store.bookings())
            book->recordBookingAccess(actor, audit_actions::kBookingList, ids, detail);
    };
}

} // namespace

BookingsPanel::BookingsPanel(wxWindow* parent, DeskContext& desk, const OfficeCalendar& calendar,
                             std::function<void(BookingId)> activated,
                             std::function<void(const std::string&)> auditFailed)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "bookingsPanel"), desk_(desk),
      calendar_(calendar), activated_(std::move(activated)),
      audit_(desk, std::move(auditFailed), std::chrono::milliseconds(800), bookingListRecord(desk)),
      day_(now().localDay)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    title_ = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "bookingDay");
    title_->SetFont(title_->GetFont().Bold());
    head->Add(new wxStaticText(this, wxID_ANY, _("Bookings")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    head->Add(title_, 1, wxALIGN_CENTER_VERTICAL);
    sizer->Add(head, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);

    search_ =
        new wxSearchCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "bookingSearch");
    search_->ShowCancelButton(true);
    search_->SetDescriptiveText(_("Name, furigana, phone or booking No. (Y-000042)"));
    sizer->Add(search_, 0, wxEXPAND | wxALL, 6);

    list_ = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_ROW_LINES | wxDV_SINGLE,
                               wxDefaultValidator, "bookingList");
    model_ = new BookingListModel;
    list_->AssociateModel(model_);
    model_->DecRef(); // the control holds the reference
    auto column = [this](const wxString& title, BookingColumn c, int width) {
        list_->AppendTextColumn(title, c, wxDATAVIEW_CELL_INERT, FromDIP(width), wxALIGN_NOT, wxDATAVIEW_COL_RESIZABLE);
    };
    // Together no wider than the view is beside the queue on a 1366×768 screen (seen under Xvfb).
    // The resident's column is the widest: the name and its フリガナ in full (高橋 花子（タカハシ ハナコ）)
    // are what the clerk reads back on the phone.
    column(_("Time"), BookingColTime, 96);
    column(_("Procedure"), BookingColProcedure, 112);
    column(_("Resident"), BookingColResident, 186);
    column(_("State"), BookingColState, 60);
    column(_("Booking No."), BookingColNumber, 70);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 6);
    summary_ = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "bookingSummary");
    sizer->Add(summary_, 0, wxEXPAND | wxALL, 6);
    SetSizer(sizer);

    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { reload(); });
    search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { search_->Clear(); });
    search_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DOWN && model_->GetCount() > 0) {
            list_->SetFocus();
            list_->Select(model_->GetItem(0));
        } else if ((e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) && model_->GetCount() > 0) {
            list_->Select(model_->GetItem(0));
            if (activated_)
                activated_(model_->rows().front().id);
        } else if (e.GetKeyCode() == WXK_ESCAPE) {
            search_->Clear();
        } else {
            e.Skip();
        }
    });
    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        if (auto id = selected(); id && activated_)
            activated_(*id);
    });
    minute_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (now().localDay != day_ && search_->IsEmpty())
            day_ = now().localDay; // past midnight, the view moves on to the new day
        reload();
    });
    minute_.Start(kMinuteMilliseconds);
}

void BookingsPanel::reload()
{
    auto t0 = std::chrono::steady_clock::now();
    db::BookingStore* book = desk_.store.bookings();
    if (!book) {
        summary_->SetLabel(_("This case book keeps no bookings."));
        return;
    }
    std::string text = utf8(search_->GetValue());
    db::BookingQuery q = bookingQuery(text, day_);
    std::vector<Booking> found;
    try {
        found = book->searchBookings(q);
    } catch (const std::exception& e) {
        summary_->SetLabel(u8(utf8(_("Cannot search: ")) + e.what()));
        return;
    }
    StartTime current = nowAtOffice();
    BookingRowContext ctx{current, &calendar_, privacyLocked_, !q.day};
    std::vector<BookingRow> rows;
    rows.reserve(found.size());
    for (const auto& b : found)
        rows.push_back(toBookingRow(b, ctx));
    std::optional<BookingId> was = selected();
    model_->setRows(std::move(rows));
    list_->Refresh();
    if (was)
        select(*was);
    title_->SetLabel(q.day ? u8(bookingDayTitle(day_, current.day)) : _("search in every day"));
    summary_->SetLabel(u8(bookingSummary(model_->rows(), !q.day)));
    Layout();
    lastReloadMs_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!privacyLocked_) {
        std::vector<std::int64_t> shown;
        for (const auto& r : model_->rows())
            shown.push_back(r.id);
        audit_.shown(shown, !q.day);
    }
}

void BookingsPanel::focusSearch()
{
    search_->SetFocus();
    search_->SelectAll();
}

void BookingsPanel::showDay(const boost::gregorian::date& day)
{
    day_ = day;
    search_->ChangeValue("");
    reload();
}

std::optional<BookingId> BookingsPanel::selected() const
{
    auto item = list_->GetSelection();
    if (!item.IsOk())
        return std::nullopt;
    unsigned row = model_->GetRow(item);
    if (row >= model_->rows().size())
        return std::nullopt;
    return model_->rows()[row].id;
}

void BookingsPanel::select(BookingId id)
{
    for (std::size_t i = 0; i < model_->rows().size(); ++i)
        if (model_->rows()[i].id == id) {
            auto item = model_->GetItem(static_cast<unsigned>(i));
            list_->Select(item);
            list_->EnsureVisible(item);
            return;
        }
}

void BookingsPanel::setPrivacyLocked(bool locked)
{
    if (locked)
        audit_.flush();
    privacyLocked_ = locked;
    reload();
    // As the case list: GTK keeps the texts it drew; a reset makes the names really go.
    model_->Reset(static_cast<unsigned int>(model_->rows().size()));
}

const std::vector<BookingRow>& BookingsPanel::rows() const
{
    return model_->rows();
}

} // namespace madoguchi::gui
