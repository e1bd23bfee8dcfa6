#include "pdf_reader.hpp"

#include "tests/support/run_process.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <sstream>

namespace madoguchi::test {

std::string pdfText(const std::filesystem::path& pdf, int page)
{
    std::vector<std::string> argv{"pdftotext", "-enc", "UTF-8"};
    if (page > 0)
        argv.insert(argv.end(), {"-f", std::to_string(page), "-l", std::to_string(page)});
    argv.insert(argv.end(), {pdf.string(), "-"});
    auto r = runProcess(argv);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return r.out;
}

std::string compact(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f')
            continue;
        if (text.compare(i, 3, "\xE3\x80\x80") == 0) { // ideographic space
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

std::string pdfTextCompact(const std::filesystem::path& pdf, int page)
{
    return compact(pdfText(pdf, page));
}

std::vector<WordBox> pdfWordBoxes(const std::filesystem::path& pdf)
{
    auto r = runProcess({"pdftotext", "-bbox", "-enc", "UTF-8", pdf.string(), "-"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    std::vector<WordBox> words;
    static const std::regex pageRe(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
    static const std::regex wordRe(
        R"re(<word xMin="([0-9.\-]+)" yMin="([0-9.\-]+)" xMax="([0-9.\-]+)" yMax="([0-9.\-]+)">([^<]*)</word>)re");
    std::istringstream in(r.out);
    std::string line;
    int page = 0;
    double w = 0, h = 0;
    std::smatch m;
    while (std::getline(in, line)) {
        if (std::regex_search(line, m, pageRe)) {
            ++page;
            w = std::stod(m[1]);
            h = std::stod(m[2]);
        } else if (std::regex_search(line, m, wordRe)) {
            words.push_back({page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), w, h, m[5]});
        }
    }
    return words;
}

int pdfPageCount(const std::filesystem::path& pdf)
{
    auto r = runProcess({"pdfinfo", pdf.string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    std::smatch m;
    static const std::regex pagesRe(R"(Pages:\s+([0-9]+))");
    if (std::regex_search(r.out, m, pagesRe))
        return std::stoi(m[1]);
    return -1;
}

} // namespace madoguchi::test
