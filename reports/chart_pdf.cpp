// The PDF side of the charts (chart_pdf.hpp says why libharu's paths, not PLplot).
#include "reports/chart_pdf.hpp"

#include <algorithm>
#include <cmath>

namespace madoguchi::reports {

namespace {

using charts::Chart;

// The window uses the same colours (app/gui/chart_panel.cpp).
constexpr Rgb kSeriesColours[] = {{0.22, 0.45, 0.70}, {0.60, 0.72, 0.85}};
constexpr Rgb kFlagColour{0.80, 0.12, 0.12};
constexpr Rgb kLimitColour{0.15, 0.15, 0.15};

double baseline(double top, double size)
{
    return top - size * 0.88;
}

// A text centred on x.
void centred(PdfDocument& doc, int page, double x, double top, const std::string& text, double size,
             Weight w = Weight::Regular)
{
    doc.text(page, x - doc.textWidth(text, size) / 2, baseline(top, size), text, size, w);
}

void triangle(PdfDocument& doc, int page, double cx, double bottom, double size, Rgb colour)
{
    doc.fillPolygon(page, {{cx - size / 2, bottom}, {cx + size / 2, bottom}, {cx, bottom + size}}, colour);
}

} // namespace

void drawChart(FlowLayout& f, const Chart& c, double height)
{
    f.ensure(height);
    PdfDocument& doc = f.doc();
    const int page = f.page();
    const double left = f.left(), width = f.width();
    double y = f.cursor();

    // Title and legend.
    y -= 4;
    doc.text(page, left, baseline(y, 11), charts::japanese(c.title), 11, Weight::Bold);
    y -= FlowLayout::lineHeight(11);
    {
        const double size = 7.5;
        double x = left;
        for (std::size_t s = 0; s < c.bars.size(); ++s) {
            doc.fillRect(page, x, y - size * 0.85, size, size * 0.8, kSeriesColours[s % 2]);
            x += size + 3;
            std::string name = charts::japanese(c.bars[s].name);
            doc.text(page, x, baseline(y, size), name, size);
            x += doc.textWidth(name, size) + 12;
        }
        if (c.limit) {
            doc.colourLine(page, x, y - size * 0.45, x + 16, y - size * 0.45, 1.2, kLimitColour, 2);
            x += 19;
            std::string name = charts::japanese(c.limit->name);
            doc.text(page, x, baseline(y, size), name, size);
            x += doc.textWidth(name, size) + 12;
            triangle(doc, page, x + size / 2, y - size * 0.9, size * 0.85, kFlagColour);
            x += size + 3;
            doc.text(page, x, baseline(y, size),
                     charts::japanese(c.flagMeaning) + std::string(" ") + std::to_string(c.flaggedCount()), size);
        }
        y -= FlowLayout::lineHeight(size) + 2;
    }

    // The plot: the value axis's label above its ticks, the categories and the axis's name below.
    const double tickSize = 7, labelSize = 7, axisSize = 7.5;
    const double plotTop = y - FlowLayout::lineHeight(axisSize) - 24; // room for the figures, ▲ and its figure
    doc.text(page, left, baseline(y, axisSize), charts::japanese(c.yAxis), axisSize);
    const double bottom = f.cursor() - height;
    const double plotBottom = bottom + FlowLayout::lineHeight(axisSize) + FlowLayout::lineHeight(labelSize) + 4;
    const double plotLeft = left + 34, plotRight = left + width;
    const double plotH = plotTop - plotBottom, plotW = plotRight - plotLeft;
    centred(doc, page, plotLeft + plotW / 2, bottom + FlowLayout::lineHeight(axisSize), charts::japanese(c.xAxis),
            axisSize);

    const double top = c.top(), step = c.step();
    auto yOf = [&](double v) { return plotBottom + plotH * std::clamp(v / top, 0.0, 1.05); };
    for (double t = 0; t <= top + step / 2; t += step) {
        double ty = yOf(t);
        doc.line(page, plotLeft, ty, plotRight, ty, 0.3, t == 0 ? 0.2 : 0.8);
        std::string label = charts::valueText(c.unit, t);
        doc.text(page, plotLeft - 3 - doc.textWidth(label, tickSize), ty - tickSize * 0.35, label, tickSize);
    }
    doc.line(page, plotLeft, plotBottom, plotLeft, plotTop, 0.5, 0.2);

    const std::size_t n = c.categories.size();
    if (c.empty() || n == 0) {
        centred(doc, page, plotLeft + plotW / 2, plotBottom + plotH / 2 + 6, charts::japanese(charts::Text::NoData),
                10);
        f.moveTo(bottom - 6);
        return;
    }
    const double slot = plotW / static_cast<double>(n);
    const double group = slot * 0.72;
    const double barW = group / static_cast<double>(std::max<std::size_t>(1, c.bars.size()));
    const double figureSize = slot < 18 ? 5.5 : 6.5;
    // Category names: every k-th where they would run into each other.
    double widest = 0;
    for (const auto& cat : c.categories)
        widest = std::max(widest, doc.textWidth(cat.ja, labelSize));
    const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((widest + 3) / slot)));
    for (std::size_t i = 0; i < n; ++i) {
        const double x0 = plotLeft + slot * static_cast<double>(i);
        const double cx = x0 + slot / 2;
        const bool flagged = i < c.flagged.size() && c.flagged[i];
        double highestTop = plotBottom;
        for (std::size_t s = 0; s < c.bars.size(); ++s) {
            const double v = c.bars[s].values[i];
            const double bx = x0 + (slot - group) / 2 + barW * static_cast<double>(s);
            const double by = yOf(v);
            if (v > 0)
                doc.fillRect(page, bx, plotBottom, barW * 0.92, by - plotBottom,
                             flagged ? kFlagColour : kSeriesColours[s % 2]);
            std::string figure = charts::valueText(c.unit, v);
            if (doc.textWidth(figure, figureSize) <= barW + 2 || c.bars.size() == 1)
                centred(doc, page, bx + barW * 0.46, by + figureSize + 1, figure, figureSize);
            highestTop = std::max(highestTop, by + figureSize + 1);
        }
        if (c.limit) {
            const double ly = yOf(c.limit->values[i]);
            doc.colourLine(page, x0 + 1, ly, x0 + slot - 1, ly, 1.2, kLimitColour, 2);
            highestTop = std::max(highestTop, ly);
        }
        if (flagged) {
            const double m = std::min(7.0, slot * 0.6);
            triangle(doc, page, cx, highestTop + 1.5, m, kFlagColour);
            if (i < c.flagFigures.size())
                centred(doc, page, cx, highestTop + m + 2 + figureSize, c.flagFigures[i], figureSize, Weight::Bold);
        }
        if (i % every == 0)
            centred(doc, page, cx, plotBottom - 2, c.categories[i].ja, labelSize);
    }
    f.moveTo(bottom - 6);
}

} // namespace madoguchi::reports
