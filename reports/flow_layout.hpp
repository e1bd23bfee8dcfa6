#pragma once
// Top-to-bottom layout on A4 pages: wrapped paragraphs, tick-box items, tables whose header row
// is repeated on every page they run onto, a header for continuation pages, and "page n / N"
// footers drawn once the total is known. Everything it draws lies inside the margins; the layout
// tests check that through PdfDocument::runs().
#include "core/text/line_breaking.hpp"
#include "reports/pdf_document.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::reports {

struct Margins {
    // Points. 18 mm at the sides and top, 20 mm below: well inside what office printers reach
    // (about 5 mm) and leaving room for the page number.
    double left = 51, right = 51, top = 51, bottom = 57;
};

enum class Align { Left, Right, Center };

struct Column {
    std::string header;
    double width; // points
    Align align = Align::Left;
};

class FlowLayout {
public:
    // `continuation` draws the header of every page after the first (the document's name, the
    // reception number or the date), at the cursor; it may call any of the drawing members.
    FlowLayout(PdfDocument& doc, Margins margins = {}, std::function<void(FlowLayout&)> continuation = {});

    PdfDocument& doc() { return doc_; }
    int page() const { return page_; }
    double cursor() const { return y_; } // the top of what is drawn next
    double left() const { return margins_.left; }
    double right() const { return doc_.pageSize().width - margins_.right; }
    double width() const { return right() - left(); }
    double bottomLimit() const { return margins_.bottom; }
    const Margins& margins() const { return margins_; }

    void newPage();
    void ensure(double height); // starts a new page unless `height` still fits on this one
    // Items of up to this many lines are never split across pages (tick boxes, labelled lines).
    static constexpr std::size_t kKeepTogetherLines = 8;
    void keepTogether(std::size_t lines, double size);
    void space(double height);
    void moveTo(double y) { y_ = y; }

    static double lineHeight(double size) { return size * 1.45; }
    std::vector<std::string> wrap(std::string_view text, double width, double size) const;

    // Lines of text from the cursor, breaking pages between lines as needed.
    void paragraph(std::string_view text, double size, double indent = 0, Weight weight = Weight::Regular);
    // A heading, kept on the same page as the first lines after it.
    void heading(std::string_view text, double size);
    // ☐ and the text beside it, wrapped under itself (never under the box).
    void tickItem(std::string_view text, double size, double indent = 0);
    // A bullet or label at `indent` and wrapped text after it.
    void labelled(std::string_view label, std::string_view text, double size, double indent, double labelWidth,
                  Weight labelWeight = Weight::Regular);
    void rule(double grey = 0.6);

    // Lines drawn at an exact place without moving the cursor or breaking pages; returns the
    // height used. For headers, where the layout is fixed.
    double drawWrapped(double x, double top, double width, std::string_view text, double size,
                       Weight weight = Weight::Regular, Align align = Align::Left);

    // A table: header row shaded, cells wrapped, rows kept whole, the header row repeated on
    // every page the table runs onto.
    void table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows, double size);

    // Writes "label(page, total)" at the foot of every page.
    void pageNumbers(const std::function<std::string(int page, int total)>& label, double size);

private:
    void drawTableRow(const std::vector<Column>& columns, const std::vector<std::string>& cells, double size,
                      bool header, double height, const std::vector<std::vector<std::string>>& wrapped);

    PdfDocument& doc_;
    Margins margins_;
    std::function<void(FlowLayout&)> continuation_;
    int page_ = -1;
    double y_ = 0;
};

} // namespace madoguchi::reports
