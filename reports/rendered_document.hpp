#pragma once
#include "reports/pdf_document.hpp"

#include <string>
#include <vector>

namespace madoguchi::reports {

// A finished document in memory: the PDF's bytes and where every piece of text went.
struct RenderedDocument {
    std::string pdf;
    std::vector<TextRun> runs;
    int pages = 0;
    PageSize pageSize;
};

// The document as it stands: its bytes, its text runs and its page count.
inline RenderedDocument rendered(PdfDocument& doc)
{
    RenderedDocument out;
    out.pdf = doc.bytes();
    out.runs = doc.runs();
    out.pages = doc.pageCount();
    return out;
}

} // namespace madoguchi::reports
