#pragma once
// A chart of the model (core/charts/chart.hpp) drawn in the window with wxGraphicsContext: the
// supervisor view shows one panel per chart. It draws the very Chart the PDFs draw
// (reports/chart_pdf.hpp) — title, legend, value axis, bars with their figures, the capacity (or
// 100 %) as a dashed line, flagged categories in red with ▲ and their figure — in the same
// colours, so that paper and screen read alike. The window's own drawing rather than PLplot's
// wxWidgets driver: a few bars need no plotting library, and the one model stays the contract.
#include "core/charts/chart.hpp"

#include <wx/panel.h>

namespace madoguchi::gui {

class ChartPanel : public wxPanel {
public:
    // Named "chart-" + the chart's id, so that tests and screen readers find it.
    ChartPanel(wxWindow* parent, charts::Chart chart);
    void setChart(charts::Chart chart);
    const charts::Chart& chart() const { return chart_; }
    // The title as the window shows it (the window's language).
    wxString title() const;

private:
    void paint();
    charts::Chart chart_;
};

} // namespace madoguchi::gui
