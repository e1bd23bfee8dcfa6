#include "reports/pdf_document.hpp"

#include "core/common/errors.hpp"
#include "core/text/line_breaking.hpp"
#include "reports/truetype_font.hpp"

#include <cstdio>
#include <cstdlib>
#include <hpdf.h>
#include <stdexcept>
#include <unistd.h>
#include <variant>

namespace madoguchi::reports {

namespace fs = std::filesystem;

fs::path gothicFontPath()
{
    if (const char* env = std::getenv("MADOGUCHI_FONT"); env && *env) {
        if (!fs::exists(env))
            throw StorageError(StorageError::Kind::Io, std::string("MADOGUCHI_FONT: no font file at ") + env);
        return env;
    }
    for (const char* p : {"/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
                          "/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf",
                          "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"})
        if (fs::exists(p))
            return p;
    throw StorageError(StorageError::Kind::Io,
                       "the Japanese font IPAex Gothic is missing (install the package fonts-ipaexfont-gothic)");
}

namespace {

struct TextOp {
    std::size_t run;
    Weight weight;
};
struct LineOp {
    double x1, y1, x2, y2, width, grey;
};
struct RectOp {
    double x, y, w, h, lineWidth, grey;
    bool fill;
};
struct ColourRectOp {
    double x, y, w, h;
    Rgb colour;
};
struct ColourLineOp {
    double x1, y1, x2, y2, width;
    Rgb colour;
    double dash;
};
struct PolygonOp {
    std::vector<Point> points;
    Rgb colour;
};
using Op = std::variant<TextOp, LineOp, RectOp, ColourRectOp, ColourLineOp, PolygonOp>;

// libharu reports errors through a C callback; throwing through its C frames is not safe, so the
// callback records the first error and check() throws it on our side.
struct Haru {
    HPDF_Doc doc = nullptr;
    HPDF_STATUS error = HPDF_OK, detail = 0;

    static void onError(HPDF_STATUS code, HPDF_STATUS detailCode, void* self)
    {
        auto* h = static_cast<Haru*>(self);
        if (h->error == HPDF_OK) {
            h->error = code;
            h->detail = detailCode;
        }
    }
    Haru()
    {
        doc = HPDF_New(&Haru::onError, this);
        if (!doc)
            throw std::runtime_error("libharu could not create a document (out of memory)");
    }
    ~Haru() { HPDF_Free(doc); }
    void check(const char* what)
    {
        if (error == HPDF_OK)
            return;
        char buf[160];
        std::snprintf(buf, sizeof buf, "libharu failed while %s (error 0x%04X, detail %u)", what,
                      static_cast<unsigned>(error), static_cast<unsigned>(detail));
        throw std::runtime_error(buf);
    }
};

// The subset font lives in a temporary file: libharu 2.3.0 loads TrueType only from a file, and
// reads it again while saving.
struct TempFontFile {
    std::string path;
    explicit TempFontFile(const std::string& bytes)
    {
        path = (fs::temp_directory_path() / "madoguchi-font-XXXXXX").string();
        int fd = ::mkstemp(path.data());
        if (fd < 0)
            throw StorageError(StorageError::Kind::Io,
                               "cannot create a temporary font file in " + fs::temp_directory_path().string());
        const char* p = bytes.data();
        std::size_t left = bytes.size();
        while (left > 0) {
            ssize_t n = ::write(fd, p, left);
            if (n <= 0) {
                ::close(fd);
                ::unlink(path.c_str());
                throw StorageError(StorageError::Kind::Io, "cannot write a temporary font file");
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        ::close(fd);
    }
    ~TempFontFile() { ::unlink(path.c_str()); }
};

HPDF_REAL r(double v)
{
    return static_cast<HPDF_REAL>(v);
}

} // namespace

struct PdfDocument::Impl {
    std::string title;
    const TrueTypeFont* font = nullptr;
    std::vector<std::vector<Op>> pages;

    // The text as it will be printed: tabs as spaces, characters the font lacks as 〓.
    std::string printable(std::string_view text, std::set<char32_t>* substituted) const
    {
        std::string out;
        for (char32_t c : text::decodeUtf8(text)) {
            if (c == U'\t' || c == U'\r' || c == U'\n')
                c = U' ';
            if (c != U' ' && !font->has(c)) {
                if (substituted)
                    substituted->insert(c);
                c = kMissingGlyph;
            }
            text::appendUtf8(out, c);
        }
        return out;
    }
};

PdfDocument::PdfDocument(std::string title) : impl_(std::make_unique<Impl>())
{
    impl_->title = std::move(title);
    impl_->font = &TrueTypeFont::load(gothicFontPath());
}

PdfDocument::~PdfDocument() = default;

int PdfDocument::addPage()
{
    impl_->pages.emplace_back();
    return static_cast<int>(impl_->pages.size()) - 1;
}

int PdfDocument::pageCount() const
{
    return static_cast<int>(impl_->pages.size());
}

double PdfDocument::textWidth(std::string_view text, double size) const
{
    long milli = 0;
    for (char32_t c : text::decodeUtf8(text)) {
        if (c == U'\t' || c == U'\r' || c == U'\n')
            c = U' ';
        milli += impl_->font->advanceMilli(impl_->font->has(c) || c == U' ' ? c : kMissingGlyph);
    }
    return static_cast<double>(milli) * size / 1000.0;
}

void PdfDocument::text(int page, double x, double baseline, std::string_view text, double size, Weight w)
{
    if (text.empty())
        return;
    if (page < 0 || page >= pageCount())
        throw std::logic_error("PdfDocument: no page " + std::to_string(page));
    std::string s = impl_->printable(text, &substituted_);
    double width = textWidth(s, size) + (w == Weight::Bold ? size * 0.035 : 0);
    runs_.push_back({page, x, baseline, width, size, s});
    impl_->pages[static_cast<std::size_t>(page)].push_back(TextOp{runs_.size() - 1, w});
}

void PdfDocument::line(int page, double x1, double y1, double x2, double y2, double width, double grey)
{
    impl_->pages.at(static_cast<std::size_t>(page)).push_back(LineOp{x1, y1, x2, y2, width, grey});
}

void PdfDocument::rect(int page, double x, double y, double w, double h, double lineWidth, double grey)
{
    impl_->pages.at(static_cast<std::size_t>(page)).push_back(RectOp{x, y, w, h, lineWidth, grey, false});
}

void PdfDocument::fillRect(int page, double x, double y, double w, double h, double grey)
{
    impl_->pages.at(static_cast<std::size_t>(page)).push_back(RectOp{x, y, w, h, 0, grey, true});
}

void PdfDocument::fillRect(int page, double x, double y, double w, double h, Rgb colour)
{
    impl_->pages.at(static_cast<std::size_t>(page)).push_back(ColourRectOp{x, y, w, h, colour});
}

void PdfDocument::colourLine(int page, double x1, double y1, double x2, double y2, double width, Rgb colour,
                             double dash)
{
    impl_->pages.at(static_cast<std::size_t>(page)).push_back(ColourLineOp{x1, y1, x2, y2, width, colour, dash});
}

void PdfDocument::fillPolygon(int page, const std::vector<Point>& points, Rgb colour)
{
    if (points.size() >= 3)
        impl_->pages.at(static_cast<std::size_t>(page)).push_back(PolygonOp{points, colour});
}

std::string PdfDocument::bytes()
{
    std::set<char32_t> used;
    for (const auto& run : runs_)
        for (char32_t c : text::decodeUtf8(run.text))
            used.insert(c);
    used.insert(U' ');
    TempFontFile fontFile(impl_->font->subset(used));

    Haru h;
    HPDF_SetCompressionMode(h.doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(h.doc);
    HPDF_SetCurrentEncoder(h.doc, "UTF-8");
    // Embedded: the printer and the viewer need no Japanese font of their own.
    const char* name = HPDF_LoadTTFontFromFile(h.doc, fontFile.path.c_str(), HPDF_TRUE);
    h.check("loading the font");
    HPDF_Font font = HPDF_GetFont(h.doc, name, "UTF-8");
    h.check("selecting the font");
    HPDF_SetInfoAttr(h.doc, HPDF_INFO_TITLE, impl_->title.c_str());
    HPDF_SetInfoAttr(h.doc, HPDF_INFO_CREATOR, "Madoguchi");
    for (const auto& ops : impl_->pages) {
        HPDF_Page p = HPDF_AddPage(h.doc);
        HPDF_Page_SetSize(p, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
        for (const auto& op : ops) {
            if (const auto* t = std::get_if<TextOp>(&op)) {
                const TextRun& run = runs_[t->run];
                HPDF_Page_BeginText(p);
                HPDF_Page_SetFontAndSize(p, font, r(run.size));
                if (t->weight == Weight::Bold) {
                    // IPAex has no bold face: stroke the outline as well as filling it.
                    HPDF_Page_SetTextRenderingMode(p, HPDF_FILL_THEN_STROKE);
                    HPDF_Page_SetLineWidth(p, r(run.size * 0.035));
                }
                HPDF_Page_TextOut(p, r(run.x), r(run.baseline), run.text.c_str());
                if (t->weight == Weight::Bold)
                    HPDF_Page_SetTextRenderingMode(p, HPDF_FILL);
                HPDF_Page_EndText(p);
            } else if (const auto* l = std::get_if<LineOp>(&op)) {
                HPDF_Page_SetLineWidth(p, r(l->width));
                HPDF_Page_SetGrayStroke(p, r(l->grey));
                HPDF_Page_MoveTo(p, r(l->x1), r(l->y1));
                HPDF_Page_LineTo(p, r(l->x2), r(l->y2));
                HPDF_Page_Stroke(p);
                HPDF_Page_SetGrayStroke(p, 0);
            } else if (const auto* b = std::get_if<RectOp>(&op)) {
                // Colours and widths are set before the path: libharu refuses them inside one.
                if (b->fill) {
                    HPDF_Page_SetGrayFill(p, r(b->grey));
                    HPDF_Page_Rectangle(p, r(b->x), r(b->y), r(b->w), r(b->h));
                    HPDF_Page_Fill(p);
                    HPDF_Page_SetGrayFill(p, 0);
                } else {
                    HPDF_Page_SetLineWidth(p, r(b->lineWidth));
                    HPDF_Page_SetGrayStroke(p, r(b->grey));
                    HPDF_Page_Rectangle(p, r(b->x), r(b->y), r(b->w), r(b->h));
                    HPDF_Page_Stroke(p);
                    HPDF_Page_SetGrayStroke(p, 0);
                }
            } else if (const auto* cr = std::get_if<ColourRectOp>(&op)) {
                HPDF_Page_SetRGBFill(p, r(cr->colour.r), r(cr->colour.g), r(cr->colour.b));
                HPDF_Page_Rectangle(p, r(cr->x), r(cr->y), r(cr->w), r(cr->h));
                HPDF_Page_Fill(p);
                HPDF_Page_SetGrayFill(p, 0);
            } else if (const auto* cl = std::get_if<ColourLineOp>(&op)) {
                HPDF_Page_SetLineWidth(p, r(cl->width));
                HPDF_Page_SetRGBStroke(p, r(cl->colour.r), r(cl->colour.g), r(cl->colour.b));
                if (cl->dash > 0) {
                    const HPDF_UINT16 d = static_cast<HPDF_UINT16>(cl->dash);
                    const HPDF_UINT16 pattern[] = {d, d};
                    HPDF_Page_SetDash(p, pattern, 2, 0);
                }
                HPDF_Page_MoveTo(p, r(cl->x1), r(cl->y1));
                HPDF_Page_LineTo(p, r(cl->x2), r(cl->y2));
                HPDF_Page_Stroke(p);
                if (cl->dash > 0)
                    HPDF_Page_SetDash(p, nullptr, 0, 0);
                HPDF_Page_SetGrayStroke(p, 0);
            } else if (const auto* pg = std::get_if<PolygonOp>(&op)) {
                HPDF_Page_SetRGBFill(p, r(pg->colour.r), r(pg->colour.g), r(pg->colour.b));
                HPDF_Page_MoveTo(p, r(pg->points[0].x), r(pg->points[0].y));
                for (std::size_t i = 1; i < pg->points.size(); ++i)
                    HPDF_Page_LineTo(p, r(pg->points[i].x), r(pg->points[i].y));
                HPDF_Page_ClosePath(p);
                HPDF_Page_Fill(p);
                HPDF_Page_SetGrayFill(p, 0);
            }
        }
        h.check("drawing a page");
    }

    HPDF_SaveToStream(h.doc);
    h.check("writing the document");
    HPDF_UINT32 size = HPDF_GetStreamSize(h.doc);
    std::string out(size, '\0');
    HPDF_UINT32 n = size;
    HPDF_ResetStream(h.doc);
    HPDF_ReadFromStream(h.doc, reinterpret_cast<HPDF_BYTE*>(out.data()), &n);
    // Reading to the end reports HPDF_STREAM_EOF through the error callback: that one is expected.
    if (h.error == HPDF_STREAM_EOF) {
        h.error = HPDF_OK;
        HPDF_ResetError(h.doc);
    }
    h.check("reading the document back");
    if (n != size)
        throw std::runtime_error("libharu returned a truncated document");
    return out;
}

} // namespace madoguchi::reports
