#include "app/gui/supervisor_view.hpp"

#include "app/common/audited_output.hpp"
#include "app/common/day_cases.hpp"
#include "app/gui/audit_day_dialog.hpp"
#include "app/gui/chart_panel.hpp"
#include "app/gui/error_dialog.hpp"
#include "app/gui/output_question.hpp"
#include "app/gui/presenters/day_figures.hpp"
#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/presenters/translate.hpp"
#include "app/gui/wx_text.hpp"
#include "core/bookings/weekly_capacity.hpp"
#include "core/charts/chart.hpp"
#include "core/common/clock.hpp"
#include "db/audit_log.hpp"
#include "db/booking_store.hpp"
#include "db/card_register.hpp"
#include "reports/daily_charts.hpp"
#include "reports/daily_report.hpp"

#include <algorithm>
#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace madoguchi::gui {

SupervisorView::SupervisorView(wxWindow* parent, DeskContext& desk, const bookings::OfficeCalendar& calendar)
    : wxDialog(parent, wxID_ANY, _("Supervisor view"), wxDefaultPosition, wxSize(1240, 700),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "supervisorView"),
      desk_(desk), calendar_(calendar)
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("&Day")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    day_ = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                wxDP_DROPDOWN | wxDP_SHOWCENTURY, wxDefaultValidator, "day");
    row->Add(day_, 0, wxRIGHT, 12);
    totals_ = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "totals");
    totals_->SetFont(totals_->GetFont().Bold());
    row->Add(totals_, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(row, 0, wxEXPAND | wxALL, 8);
    figures_ =
        new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT, wxDefaultValidator, "figures");
    figures_->AppendColumn(_("By"), wxLIST_FORMAT_LEFT, 90);
    figures_->AppendColumn(_("Value"), wxLIST_FORMAT_LEFT, 200);
    figures_->AppendColumn(_("Count"), wxLIST_FORMAT_RIGHT, 60);
    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    middle->Add(figures_, 0, wxEXPAND | wxRIGHT, 8);
    figures_->SetMinSize(wxSize(370, -1));
    // The charts: the day (per hour, waits) and the coming weeks (bookings, renewals).
    charts_ = new wxNotebook(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "charts");
    auto* dayPage = new wxPanel(charts_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "dayCharts");
    auto* daySizer = new wxBoxSizer(wxVERTICAL);
    perHour_ = new ChartPanel(dayPage, charts::casesPerHourChart({}));
    waits_ = new ChartPanel(dayPage, charts::waitsChart({}));
    daySizer->Add(perHour_, 1, wxEXPAND | wxALL, 4);
    daySizer->Add(waits_, 1, wxEXPAND | wxALL, 4);
    dayPage->SetSizer(daySizer);
    charts_->AddPage(dayPage, _("The day"));
    auto* comingPage =
        new wxPanel(charts_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "comingCharts");
    auto* comingSizer = new wxBoxSizer(wxVERTICAL);
    auto* forecastRow = new wxBoxSizer(wxHORIZONTAL);
    fill_ = new ChartPanel(comingPage, charts::bookingFillChart({}));
    cardForecast_ =
        new ChartPanel(comingPage, charts::forecastChart({}, charts::RenewalKind::Card, charts::Period::Months));
    certForecast_ =
        new ChartPanel(comingPage, charts::forecastChart({}, charts::RenewalKind::Cert, charts::Period::Months));
    comingSizer->Add(fill_, 1, wxEXPAND | wxALL, 4);
    forecastRow->Add(cardForecast_, 1, wxEXPAND | wxRIGHT, 4);
    forecastRow->Add(certForecast_, 1, wxEXPAND);
    comingSizer->Add(forecastRow, 1, wxEXPAND | wxALL, 4);
    comingPage->SetSizer(comingSizer);
    charts_->AddPage(comingPage, _("Coming weeks"));
    middle->Add(charts_, 1, wxEXPAND);
    top->Add(middle, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* pdf = new wxButton(this, wxID_ANY, _("Daily report (&PDF)..."), wxDefaultPosition, wxDefaultSize, 0,
                             wxDefaultValidator, "exportPdf");
    auto* csv = new wxButton(this, wxID_ANY, _("C&SV for the statistics..."), wxDefaultPosition, wxDefaultSize, 0,
                             wxDefaultValidator, "exportCsv");
    auto* audit = new wxButton(this, wxID_ANY, _("&Audit trail..."), wxDefaultPosition, wxDefaultSize, 0,
                               wxDefaultValidator, "auditTrail");
    buttons->Add(pdf, 0, wxRIGHT, 6);
    buttons->Add(csv, 0, wxRIGHT, 6);
    buttons->Add(audit, 0);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL, _("&Close")), 0);
    top->Add(buttons, 0, wxEXPAND | wxALL, 8);
    pdf->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { exportDay(false); });
    csv->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { exportDay(true); });
    audit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        try {
            AuditDayDialog dlg(this, desk_, day());
            dlg.ShowModal();
        } catch (const std::exception& e) {
            showError(this, e, _("Reading the audit trail"));
        }
    });
    SetSizer(top);
    day_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { refresh(); });
    refresh();
    loadComingCharts();
    // The keyboard starts in the figures (arrows scroll them; Tab reaches the day and the exports).
    figures_->SetFocus();
    CentreOnParent();
}

boost::gregorian::date SupervisorView::day() const
{
    wxDateTime d = day_->GetValue();
    return boost::gregorian::date(d.GetYear(), d.GetMonth() + 1, d.GetDay());
}

void SupervisorView::exportDay(bool csv)
{
    std::string name = "madoguchi-" + toIso(day()) + (csv ? ".csv" : ".pdf");
    wxFileDialog ask(this, csv ? _("Save the CSV") : _("Save the daily report"), wxEmptyString, u8(name),
                     csv ? "CSV (*.csv)|*.csv" : "PDF (*.pdf)|*.pdf", wxFD_SAVE);
    int answer = ask.ShowModal();
    // GTK may hand the focus back to the main window behind this modal one (AuditDayDialog).
    Raise();
    figures_->SetFocus();
    if (answer != wxID_OK)
        return;
    std::filesystem::path path(utf8(ask.GetPath()));
    auto overwrite = confirmOutputTarget(this, path); // a database refused, an existing file asked about
    if (!overwrite)
        return;
    try {
        auto office = reports::loadOfficeInfoOrDefault(); // bad settings: refused before anything is recorded
        auto summary = reports::summarizeDayAsOfNow(app::casesReceivedOn(desk_.store, day()), day(), 60,
                                                    app::bookingsOn(desk_.store, day()));
        summary.awaitingAnswers = reports::awaitingLetters(app::casesAwaitingAnswer(desk_.store), day());
        // Every case in the file is exported: one audit entry each, once the file is complete and
        // before it takes its name (as the console's `report daily` does).
        std::vector<CaseId> ids;
        for (const auto& d : summary.cases)
            ids.push_back(d.c.id);
        for (const auto& a : summary.awaitingAnswers)
            if (std::find(ids.begin(), ids.end(), a.c.id) == ids.end())
                ids.push_back(a.c.id);
        app::writeAudited(desk_.store.audit(), desk_.actor(),
                          {audit_actions::kExport, ids, csv ? "daily report csv" : "daily report pdf"},
                          {{path, csv ? reports::dailyCsv(summary) : reports::renderDailyReport(summary, office).pdf}},
                          *overwrite);
    } catch (const std::exception& e) {
        showError(this, e, csv ? _("Writing the CSV") : _("Writing the daily report"));
    }
}

void SupervisorView::refresh()
{
    DayFigures f;
    std::vector<reports::AwaitingLetter> awaiting;
    try {
        f = dayFigures(desk_.store.search(dayQuery(day())));
        awaiting = reports::awaitingLetters(app::casesAwaitingAnswer(desk_.store), day());
    } catch (const std::exception& e) {
        showError(this, e, _("Counting the day's cases"));
        return;
    }
    totals_->SetLabel(u8(fill(tr("%1 cases (%2 procedures), %3 still open"),
                              {std::to_string(f.total), std::to_string(f.procedures), std::to_string(f.open)})));
    figures_->DeleteAllItems();
    auto section = [this](const wxString& by, const auto& entries) {
        for (const auto& [value, n] : entries) {
            long i = figures_->InsertItem(figures_->GetItemCount(), by);
            figures_->SetItem(i, 1, u8(value));
            figures_->SetItem(i, 2, wxString::Format("%zu", n));
        }
    };
    section(_("Status"), f.byStatus);
    section(_("Procedure"), f.byProcedure);
    section(_("Window"), f.byWindow);
    section(_("Clerk"), f.byClerk);
    // The two-visit route: every line of any day still waiting on its inquiry letter, the longest
    // first; the count is the days since the letter was mailed. Numbers and procedures only.
    for (const auto& a : awaiting) {
        auto received = readTimestamp(a.c.createdAt);
        long i = figures_->InsertItem(figures_->GetItemCount(), _("Awaiting answer"));
        figures_->SetItem(i, 1,
                          u8(fill(tr("%1 (%2) %3, mailed %4"),
                                  {a.c.receptionNumber, received ? toIso(received->localDay) : a.c.createdAt,
                                   procedureName(a.line.procedure), a.line.mailedOn ? toIso(*a.line.mailedOn) : ""})));
        figures_->SetItem(i, 2, u8(fill(tr("%1 days"), {std::to_string(a.days)})));
    }
    // The day's charts from the figures the daily report prints (reports/daily_charts.hpp).
    try {
        auto summary = reports::summarizeDayAsOfNow(app::casesReceivedOn(desk_.store, day()), day());
        perHour_->setChart(reports::casesPerHourChartOf(summary));
        waits_->setChart(reports::waitsChartOf(summary));
    } catch (const std::exception& e) {
        showError(this, e, _("Counting the day's waits"));
    }
}

void SupervisorView::loadComingCharts()
{
    const auto today = now().localDay;
    try {
        if (db::BookingStore* book = desk_.store.bookings())
            fill_->setChart(charts::bookingFillChart(charts::weeklyFill(
                calendar_, today, book->appointmentsBetween(today, today + boost::gregorian::days(8 * 7)))));
        if (db::CardRegister* reg = desk_.store.cardRegister()) {
            // As `madoguchi-cli forecast` does by default: 24 months from this one, the capacity a
            // usual week of the booking calendar holds.
            auto forecast = computeForecast(reg->issuedCards(desk_.actor(), "forecast window"), today, 24,
                                            bookings::weeklyCapacityOf(calendar_));
            cardForecast_->setChart(charts::forecastChart(forecast, charts::RenewalKind::Card, charts::Period::Months));
            certForecast_->setChart(charts::forecastChart(forecast, charts::RenewalKind::Cert, charts::Period::Months));
        }
    } catch (const std::exception& e) {
        showError(this, e, _("Reading the bookings and the forecast"));
    }
}

} // namespace madoguchi::gui
