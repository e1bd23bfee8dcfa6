#include "reports/flow_layout.hpp"

#include <algorithm>

namespace madoguchi::reports {

namespace {
constexpr double kCellPad = 3;

// The baseline of a line whose box starts at `top`: the glyphs (ascent 0.88, descent 0.12 of the
// size) centred in the line box.
double baselineFor(double top, double size)
{
    return top - FlowLayout::lineHeight(size) / 2 - 0.38 * size;
}

// Bold text is stroked as well as filled (PdfDocument::text): its outline grows by the stroke.
double strokeAllowance(Weight w, double size)
{
    return w == Weight::Bold ? size * 0.035 : 0;
}
} // namespace

FlowLayout::FlowLayout(PdfDocument& doc, Margins margins, std::function<void(FlowLayout&)> continuation)
    : doc_(doc), margins_(margins), continuation_(std::move(continuation))
{
    newPage();
}

void FlowLayout::newPage()
{
    page_ = doc_.addPage();
    y_ = doc_.pageSize().height - margins_.top;
    if (page_ > 0 && continuation_)
        continuation_(*this);
}

void FlowLayout::ensure(double height)
{
    if (y_ - height < margins_.bottom)
        newPage();
}

void FlowLayout::keepTogether(std::size_t lines, double size)
{
    // A list item of a few lines (a note, a warning, a tick box) is read as one: it moves to the
    // next page whole rather than leaving its first line behind. A long one breaks as usual.
    if (lines > 1 && lines <= kKeepTogetherLines)
        ensure(lineHeight(size) * static_cast<double>(lines));
}

void FlowLayout::space(double height)
{
    y_ -= height;
}

std::vector<std::string> FlowLayout::wrap(std::string_view text, double width, double size) const
{
    return text::breakLines(text, width, [&](std::string_view s) { return doc_.textWidth(s, size); });
}

double FlowLayout::drawWrapped(double x, double top, double width, std::string_view text, double size, Weight weight,
                               Align align)
{
    double y = top;
    for (const auto& l : wrap(text, width - strokeAllowance(weight, size), size)) {
        double lx = x;
        if (align != Align::Left) {
            double w = doc_.textWidth(l, size);
            lx = align == Align::Right ? x + width - w : x + (width - w) / 2;
        }
        doc_.text(page_, lx, baselineFor(y, size), l, size, weight);
        y -= lineHeight(size);
    }
    return top - y;
}

void FlowLayout::paragraph(std::string_view text, double size, double indent, Weight weight)
{
    for (const auto& l : wrap(text, width() - indent - strokeAllowance(weight, size), size)) {
        ensure(lineHeight(size));
        doc_.text(page_, left() + indent, baselineFor(y_, size), l, size, weight);
        y_ -= lineHeight(size);
    }
}

void FlowLayout::heading(std::string_view text, double size)
{
    auto lines = wrap(text, width() - strokeAllowance(Weight::Bold, size), size);
    // The heading and about three lines of what follows stay together.
    ensure(lineHeight(size) * static_cast<double>(lines.size()) + lineHeight(10.5) * 3 + 4);
    space(4);
    for (const auto& l : lines) {
        doc_.text(page_, left(), baselineFor(y_, size), l, size, Weight::Bold);
        y_ -= lineHeight(size);
    }
    doc_.line(page_, left(), y_ + 1, right(), y_ + 1, 0.6, 0.35);
    space(3);
}

void FlowLayout::tickItem(std::string_view text, double size, double indent)
{
    double box = size * 0.95;
    double textX = indent + box + size * 0.6;
    auto lines = wrap(text, width() - textX, size);
    keepTogether(lines.size(), size);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        ensure(lineHeight(size));
        double base = baselineFor(y_, size);
        if (i == 0)
            doc_.rect(page_, left() + indent, base - size * 0.1, box, box, 0.8);
        doc_.text(page_, left() + textX, base, lines[i], size);
        y_ -= lineHeight(size);
    }
}

void FlowLayout::labelled(std::string_view label, std::string_view text, double size, double indent, double labelWidth,
                          Weight labelWeight)
{
    auto lines = wrap(text, width() - indent - labelWidth, size);
    if (lines.empty())
        lines.emplace_back();
    keepTogether(lines.size(), size);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        ensure(lineHeight(size));
        double base = baselineFor(y_, size);
        if (i == 0)
            doc_.text(page_, left() + indent, base, label, size, labelWeight);
        doc_.text(page_, left() + indent + labelWidth, base, lines[i], size);
        y_ -= lineHeight(size);
    }
}

void FlowLayout::rule(double grey)
{
    ensure(6);
    space(3);
    doc_.line(page_, left(), y_, right(), y_, 0.5, grey);
    space(3);
}

void FlowLayout::drawTableRow(const std::vector<Column>& columns, const std::vector<std::string>& cells, double size,
                              bool header, double height, const std::vector<std::vector<std::string>>& wrapped)
{
    double x = left();
    if (header)
        doc_.fillRect(page_, x, y_ - height, width(), height, 0.88);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        double top = y_ - kCellPad / 2;
        for (const auto& l : wrapped[c]) {
            double w = doc_.textWidth(l, size);
            double inner = columns[c].width - 2 * kCellPad;
            double lx = x + kCellPad;
            if (columns[c].align == Align::Right)
                lx = x + kCellPad + inner - w;
            else if (columns[c].align == Align::Center)
                lx = x + kCellPad + (inner - w) / 2;
            doc_.text(page_, lx, baselineFor(top, size), l, size, header ? Weight::Bold : Weight::Regular);
            top -= lineHeight(size);
        }
        x += columns[c].width;
    }
    (void)cells;
    doc_.line(page_, left(), y_ - height, right(), y_ - height, header ? 0.7 : 0.3, header ? 0.2 : 0.6);
    y_ -= height;
}

void FlowLayout::table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
                       double size)
{
    auto layoutRow = [&](const std::vector<std::string>& cells, std::vector<std::vector<std::string>>& wrapped) {
        wrapped.assign(columns.size(), {});
        std::size_t lines = 1;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const std::string& cell = c < cells.size() ? cells[c] : std::string();
            wrapped[c] = wrap(cell, columns[c].width - 2 * kCellPad - strokeAllowance(Weight::Bold, size), size);
            lines = std::max(lines, wrapped[c].size());
        }
        return static_cast<double>(lines) * lineHeight(size) + kCellPad;
    };
    std::vector<std::string> headerCells;
    for (const auto& c : columns)
        headerCells.push_back(c.header);
    std::vector<std::vector<std::string>> headerWrapped, rowWrapped;
    double headerHeight = layoutRow(headerCells, headerWrapped);

    auto drawHeader = [&] { drawTableRow(columns, headerCells, size, true, headerHeight, headerWrapped); };
    double firstRow = rows.empty() ? 0 : layoutRow(rows.front(), rowWrapped);
    ensure(headerHeight + firstRow);
    doc_.line(page_, left(), y_, right(), y_, 0.7, 0.2);
    drawHeader();
    for (const auto& r : rows) {
        double h = layoutRow(r, rowWrapped);
        if (y_ - h < margins_.bottom) {
            newPage();
            doc_.line(page_, left(), y_, right(), y_, 0.7, 0.2);
            drawHeader();
        }
        drawTableRow(columns, r, size, false, h, rowWrapped);
    }
}

void FlowLayout::pageNumbers(const std::function<std::string(int, int)>& label, double size)
{
    int total = doc_.pageCount();
    for (int p = 0; p < total; ++p) {
        std::string s = label(p + 1, total);
        double w = doc_.textWidth(s, size);
        // 12 mm from the bottom edge: inside what printers reach, below the body.
        doc_.text(p, (doc_.pageSize().width - w) / 2, 34, s, size);
    }
}

} // namespace madoguchi::reports
