#pragma once
// One printed document: A4 pages drawn as a list of operations (text runs, lines, boxes), written
// with libharu at the end with IPAex Gothic embedded as a subset of exactly the characters used
// (truetype_font.hpp says why). Every text run is kept with its box, so that tests can check that
// nothing is drawn outside the margins without parsing the PDF.
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::reports {

// Where a piece of text landed: PDF points, origin bottom-left, y the baseline.
struct TextRun {
    int page = 0; // 0-based
    double x = 0, baseline = 0, width = 0, size = 0;
    std::string text;
    double top() const { return baseline + size * 0.88; }    // IPAex ascent 880/1000
    double bottom() const { return baseline - size * 0.12; } // descent 120/1000
};

struct PageSize {
    double width = 595.276; // A4: 210 mm
    double height = 841.89; // 297 mm
};

enum class Weight { Regular, Bold };

// A colour for the charts (0 … 1 each); everything else prints in greys.
struct Rgb {
    double r = 0, g = 0, b = 0;
};
struct Point {
    double x = 0, y = 0;
};

// The font file: $MADOGUCHI_FONT if set, else IPAex Gothic where Debian's fonts-ipaexfont-gothic
// puts it. Throws StorageError naming the package when none exists.
std::filesystem::path gothicFontPath();

class PdfDocument {
public:
    explicit PdfDocument(std::string title);
    ~PdfDocument();
    // A character the font lacks (or one outside the BMP, which libharu 2.3.0 cannot address) is
    // printed as 〓, the geta mark Japanese print uses for a missing character, never as tofu.
    static constexpr char32_t kMissingGlyph = U'\u3013';
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    PageSize pageSize() const { return {}; }
    int addPage(); // returns its index
    int pageCount() const;

    double textWidth(std::string_view text, double size) const;
    void text(int page, double x, double baseline, std::string_view text, double size, Weight w = Weight::Regular);
    // Thin lines and boxes (tick boxes, table rules), grey level 0 black … 1 white.
    void line(int page, double x1, double y1, double x2, double y2, double width = 0.5, double grey = 0);
    void rect(int page, double x, double y, double w, double h, double lineWidth = 0.8, double grey = 0);
    void fillRect(int page, double x, double y, double w, double h, double grey);
    // In colour, for the charts (reports/chart_pdf.hpp): bars, a dashed capacity line, markers.
    void fillRect(int page, double x, double y, double w, double h, Rgb colour);
    void colourLine(int page, double x1, double y1, double x2, double y2, double width, Rgb colour, double dash = 0);
    void fillPolygon(int page, const std::vector<Point>& points, Rgb colour);

    const std::vector<TextRun>& runs() const { return runs_; }
    const std::set<char32_t>& substituted() const { return substituted_; }

    // The finished file's bytes (libharu writes into memory; the caller decides where they go).
    std::string bytes();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::vector<TextRun> runs_;
    std::set<char32_t> substituted_;
};

} // namespace madoguchi::reports
