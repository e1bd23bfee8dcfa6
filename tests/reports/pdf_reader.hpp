#pragma once
// Reading our PDFs back with poppler's own tools, as an independent check of what we drew.
#include <filesystem>
#include <string>
#include <vector>

namespace madoguchi::test {

// pdftotext of the whole file, or of one page (1-based).
std::string pdfText(const std::filesystem::path& pdf, int page = 0);
// The same with all white space removed: wrapped lines join again, so a sentence that the layout
// broke over two lines is still found whole.
std::string pdfTextCompact(const std::filesystem::path& pdf, int page = 0);
std::string compact(const std::string& text);

struct WordBox {
    int page = 0;                  // 1-based
    double xMin, yMin, xMax, yMax; // points, origin top-left (poppler's)
    double pageWidth, pageHeight;
    std::string word;
};
// pdftotext -bbox: every word poppler finds, with its box.
std::vector<WordBox> pdfWordBoxes(const std::filesystem::path& pdf);

int pdfPageCount(const std::filesystem::path& pdf); // pdfinfo

} // namespace madoguchi::test
