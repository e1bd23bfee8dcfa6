#pragma once
// The page the server serves (app/display/page/), compiled in by embed_page.cmake.
#include <string_view>
#include <vector>

namespace madoguchi::display {

struct PageFile {
    std::string_view path;        // "/hall.html"
    std::string_view contentType; // "text/html; charset=utf-8"
    std::string_view body;
};

const std::vector<PageFile>& pageFiles();

} // namespace madoguchi::display
