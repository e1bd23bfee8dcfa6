#pragma once
// Draws a chart of the model (core/charts/chart.hpp) into a printed document, at the layout's
// cursor, the same chart the supervisor view draws in the window (app/gui/chart_panel.hpp).
//
// Why libharu's own path operations (through PdfDocument) and not PLplot: PLplot's PDF output
// (its "pdf" device on libharu, or "pdfcairo") writes a file of its own, with its own fonts, so a
// chart could only reach our reports as a separate file or a pasted image; here a chart is a few
// dozen rectangles, lines and labels drawn straight onto the page with the IPAex subset the rest
// of the report uses, its labels are text runs that pdftotext reads back and the layout tests see
// (PdfDocument::runs()), and one model drives both this and the window's wxGraphicsContext — the
// same numbers on both sides without a second plotting pipeline to keep in step.
#include "core/charts/chart.hpp"
#include "reports/flow_layout.hpp"

namespace madoguchi::reports {

// The chart's height on the page (title, legend, plot and axis labels), points.
constexpr double kChartHeight = 210;

// Title, legend, value axis with ticks, bars with their figures, the limit as a dashed line per
// category, flagged categories in red with ▲ and their figure; "記録なし" in an empty chart.
// Starts a new page when the chart does not fit on this one; leaves the cursor below it.
void drawChart(FlowLayout& f, const charts::Chart& chart, double height = kChartHeight);

} // namespace madoguchi::reports
