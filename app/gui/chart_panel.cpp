// Draws a chart in the window (chart_panel.hpp); the layout follows reports/chart_pdf.cpp.
#include "app/gui/chart_panel.hpp"

#include "app/gui/presenters/chart_texts.hpp"
#include "app/gui/wx_text.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>

namespace madoguchi::gui {

namespace {

// The PDF's colours (reports/chart_pdf.cpp).
const wxColour kSeries[] = {wxColour(56, 115, 179), wxColour(153, 184, 217)};
const wxColour kFlag(204, 31, 31);
const wxColour kLimit(38, 38, 38);

} // namespace

ChartPanel::ChartPanel(wxWindow* parent, charts::Chart chart)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(420, 230), wxFULL_REPAINT_ON_RESIZE, "chart-" + chart.id),
      chart_(std::move(chart))
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(FromDIP(wxSize(360, 200)));
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
}

void ChartPanel::setChart(charts::Chart chart)
{
    chart_ = std::move(chart);
    Refresh();
}

wxString ChartPanel::title() const
{
    return u8(chartText(chart_.title));
}

void ChartPanel::paint()
{
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc)
        return;
    const charts::Chart& c = chart_;
    const wxSize size = GetClientSize();
    const double W = size.GetWidth(), H = size.GetHeight();
    wxFont base = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    wxFont small = base.Smaller();
    wxFont bold = base.Bold();
    auto textSize = [&](const wxString& s) {
        double w = 0, h = 0;
        gc->GetTextExtent(s, &w, &h);
        return std::pair{w, h};
    };
    auto centred = [&](const wxString& s, double cx, double top) {
        auto [w, h] = textSize(s);
        gc->DrawText(s, cx - w / 2, top);
        return h;
    };
    auto triangle = [&](double cx, double bottom, double s) {
        wxGraphicsPath p = gc->CreatePath();
        p.MoveToPoint(cx - s / 2, bottom);
        p.AddLineToPoint(cx + s / 2, bottom);
        p.AddLineToPoint(cx, bottom - s);
        p.CloseSubpath();
        gc->SetBrush(wxBrush(kFlag));
        gc->SetPen(*wxTRANSPARENT_PEN);
        gc->FillPath(p);
    };

    double y = 4;
    gc->SetFont(bold, *wxBLACK);
    y += textSize(title()).second;
    gc->DrawText(title(), 6, 4);
    y += 4;
    // Legend.
    gc->SetFont(small, *wxBLACK);
    const double lh = textSize("0").second;
    {
        double x = 6;
        for (std::size_t s = 0; s < c.bars.size(); ++s) {
            gc->SetBrush(wxBrush(kSeries[s % 2]));
            gc->SetPen(*wxTRANSPARENT_PEN);
            gc->DrawRectangle(x, y + lh * 0.2, lh * 0.8, lh * 0.7);
            x += lh + 3;
            wxString name = u8(chartText(c.bars[s].name));
            gc->DrawText(name, x, y);
            x += textSize(name).first + 14;
        }
        if (c.limit) {
            gc->SetPen(wxPen(kLimit, 2, wxPENSTYLE_SHORT_DASH));
            gc->StrokeLine(x, y + lh / 2, x + 20, y + lh / 2);
            x += 24;
            wxString name = u8(chartText(c.limit->name));
            gc->DrawText(name, x, y);
            x += textSize(name).first + 14;
            triangle(x + lh * 0.4, y + lh * 0.9, lh * 0.8);
            x += lh + 2;
            gc->DrawText(u8(chartText(c.flagMeaning)) + wxString::Format(" %d", c.flaggedCount()), x, y);
        }
        y += lh + 4;
    }
    // Plot.
    gc->DrawText(u8(chartText(c.yAxis)), 6, y);
    y += lh;
    const double plotTop = y + lh * 2 + 8; // room for the figures, ▲ and its figure
    const double plotBottom = H - 2 * lh - 8;
    const double plotLeft = 6 + std::max(textSize(u8(charts::valueText(c.unit, c.top()))).first, 24.0) + 6;
    const double plotRight = W - 8;
    const double plotH = std::max(10.0, plotBottom - plotTop), plotW = std::max(10.0, plotRight - plotLeft);
    centred(u8(chartText(c.xAxis)), plotLeft + plotW / 2, H - lh - 4);
    const double top = c.top(), step = c.step();
    auto yOf = [&](double v) { return plotBottom - plotH * std::clamp(v / top, 0.0, 1.05); };
    for (double t = 0; t <= top + step / 2; t += step) {
        const double ty = yOf(t);
        gc->SetPen(wxPen(t == 0 ? wxColour(60, 60, 60) : wxColour(215, 215, 215), 1));
        gc->StrokeLine(plotLeft, ty, plotRight, ty);
        wxString label = u8(charts::valueText(c.unit, t));
        auto [w, h] = textSize(label);
        gc->DrawText(label, plotLeft - 4 - w, ty - h / 2);
    }
    gc->SetPen(wxPen(wxColour(60, 60, 60), 1));
    gc->StrokeLine(plotLeft, plotTop, plotLeft, plotBottom);
    const std::size_t n = c.categories.size();
    if (c.empty() || n == 0) {
        gc->SetFont(base, wxColour(90, 90, 90));
        centred(u8(chartText(charts::Text::NoData)), plotLeft + plotW / 2, plotTop + plotH / 2 - lh);
        return;
    }
    const double slot = plotW / static_cast<double>(n);
    const double group = slot * 0.72;
    const double barW = group / static_cast<double>(std::max<std::size_t>(1, c.bars.size()));
    double widest = 0;
    for (const auto& cat : c.categories)
        widest = std::max(widest, textSize(u8(chartCategory(cat))).first);
    const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((widest + 4) / slot)));
    for (std::size_t i = 0; i < n; ++i) {
        const double x0 = plotLeft + slot * static_cast<double>(i);
        const double cx = x0 + slot / 2;
        const bool flagged = i < c.flagged.size() && c.flagged[i];
        double highest = plotBottom;
        for (std::size_t s = 0; s < c.bars.size(); ++s) {
            const double v = c.bars[s].values[i];
            const double bx = x0 + (slot - group) / 2 + barW * static_cast<double>(s);
            const double by = yOf(v);
            if (v > 0) {
                gc->SetBrush(wxBrush(flagged ? kFlag : kSeries[s % 2]));
                gc->SetPen(*wxTRANSPARENT_PEN);
                gc->DrawRectangle(bx, by, barW * 0.92, plotBottom - by);
            }
            wxString figure = u8(charts::valueText(c.unit, v));
            if (textSize(figure).first <= barW + 4 || c.bars.size() == 1)
                centred(figure, bx + barW * 0.46, by - lh);
            highest = std::min(highest, by - lh);
        }
        if (c.limit) {
            const double ly = yOf(c.limit->values[i]);
            gc->SetPen(wxPen(kLimit, 2, wxPENSTYLE_SHORT_DASH));
            gc->StrokeLine(x0 + 1, ly, x0 + slot - 1, ly);
            highest = std::min(highest, ly);
        }
        if (flagged) {
            const double m = std::min(lh * 0.8, slot * 0.6);
            triangle(cx, highest - 1, m);
            if (i < c.flagFigures.size()) {
                gc->SetFont(small.Bold(), kFlag);
                centred(u8(c.flagFigures[i]), cx, highest - 2 - m - lh);
                gc->SetFont(small, *wxBLACK);
            }
        }
        if (i % every == 0)
            centred(u8(chartCategory(c.categories[i])), cx, plotBottom + 3);
    }
}

} // namespace madoguchi::gui
