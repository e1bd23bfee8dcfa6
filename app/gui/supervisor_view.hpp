#pragma once
// The supervisor's view of a day: how many cases, by status, procedure, window and clerk; how many
// are still open; the daily report (PDF) and the CSV for the statistics, and the day's audit trail.
#include "app/gui/desk_context.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <wx/dialog.h>

class wxListCtrl;
class wxDatePickerCtrl;
class wxStaticText;

namespace madoguchi::gui {

class SupervisorView : public wxDialog {
public:
    SupervisorView(wxWindow* parent, DeskContext& desk);

private:
    void refresh();
    boost::gregorian::date day() const;
    // The daily report (PDF) or the CSV of the day, to a file the supervisor chooses.
    void exportDay(bool csv);
    DeskContext& desk_;
    wxDatePickerCtrl* day_;
    wxStaticText* totals_;
    wxListCtrl* figures_;
};

} // namespace madoguchi::gui
