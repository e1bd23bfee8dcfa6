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

} // namespace madoguchi::reports
