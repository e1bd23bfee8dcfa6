#pragma once
// The supervisor's view of a day: how many cases, by status, procedure, window and clerk; how many
// are still open; the daily report (PDF) and the CSV for the statistics, and the day's audit trail.
// Beside the figures, charts (core/charts/chart.hpp, drawn by chart_panel.hpp): the day's visits
// per hour and waits per procedure, and the coming weeks — the booking book's fill rate for the
// next 8 weeks and the renewal forecast against the counter's capacity.
#include "app/gui/desk_context.hpp"
#include "core/bookings/office_calendar.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <wx/dialog.h>

class wxListCtrl;
class wxDatePickerCtrl;
class wxStaticText;
class wxNotebook;

namespace madoguchi::gui {

class ChartPanel;

class SupervisorView : public wxDialog {
public:
    SupervisorView(wxWindow* parent, DeskContext& desk, const bookings::OfficeCalendar& calendar);

private:
    void refresh();
    // The coming weeks' charts: read once when the view opens (the register's read is audited).
    void loadComingCharts();
    boost::gregorian::date day() const;
    // The daily report (PDF) or the CSV of the day, to a file the supervisor chooses.
    void exportDay(bool csv);
    DeskContext& desk_;
    wxDatePickerCtrl* day_;
    wxStaticText* totals_;
    wxListCtrl* figures_;
    const bookings::OfficeCalendar& calendar_;
    wxNotebook* charts_;
    ChartPanel *perHour_, *waits_, *fill_, *cardForecast_, *certForecast_;
};

} // namespace madoguchi::gui
