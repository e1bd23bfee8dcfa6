// Printing figures: a resident's handout (goal ≤ 30 ms) and a daily report of 2,000 cases (goal
// ≤ 500 ms), their file sizes, beside the ways an office could do without us:
//   - libharu embedding the whole IPAex TTF as it loads it (what libharu 2.3.0 does by itself);
//   - libharu referring to the font without embedding it (small, but prints only where the
//     printer or viewer has a Japanese font of its own);
//   - LibreOffice headless converting the same text to PDF (if soffice is installed).
// Usage: bench_reports [--cases N] [--runs N] [--out DIR]
#include "app/common/day_cases.hpp"
#include "bench/bench_timing.hpp"
#include "bench/realistic_names.hpp"
#include "core/common/clock.hpp"
#include "core/common/data_paths.hpp"
#include "core/files/output_file.hpp"
#include "core/rules/rule_book.hpp"
#include "db/case_store.hpp"
#include "reports/daily_report.hpp"
#include "reports/handout.hpp"
#include "reports/pdf_document.hpp"
#include "reports/truetype_font.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <hpdf.h>
#include <iostream>
#include <unistd.h>

using namespace madoguchi;
using namespace madoguchi::reports;
namespace fs = std::filesystem;
using bench::Clock;

namespace {

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// The same text runs written by libharu with the font as libharu loads it by itself.
std::string haruWholeFont(const RenderedDocument& doc, bool embed)
{
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    const char* name = HPDF_LoadTTFontFromFile(pdf, gothicFontPath().c_str(), embed ? HPDF_TRUE : HPDF_FALSE);
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    std::vector<HPDF_Page> pages;
    for (int i = 0; i < doc.pages; ++i) {
        pages.push_back(HPDF_AddPage(pdf));
        HPDF_Page_SetSize(pages.back(), HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    }
    for (const auto& r : doc.runs) {
        HPDF_Page p = pages[static_cast<std::size_t>(r.page)];
        HPDF_Page_BeginText(p);
        HPDF_Page_SetFontAndSize(p, font, static_cast<HPDF_REAL>(r.size));
        HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(r.x), static_cast<HPDF_REAL>(r.baseline), r.text.c_str());
        HPDF_Page_EndText(p);
    }
    HPDF_SaveToStream(pdf);
    auto size = HPDF_GetStreamSize(pdf);
    HPDF_Free(pdf);
    return std::string(size, 'x'); // only the size matters here
}

// The document's text, line by line, as an office would type it into a word processor.
std::string plainText(const RenderedDocument& doc)
{
    std::string out;
    int page = 0;
    double lastBaseline = 1e9;
    for (const auto& r : doc.runs) {
        if (r.page != page || r.baseline < lastBaseline - 1) {
            out += '\n';
            page = r.page;
        } else {
            out += ' ';
        }
        out += r.text;
        lastBaseline = r.baseline;
    }
    return out;
}

std::uintmax_t fileSize(const fs::path& p)
{
    return fs::exists(p) ? fs::file_size(p) : 0;
}

void printFigures(const char* what, const bench::Figures& f, double goal)
{
    std::printf("%-46s p50 %7.2f ms  p95 %7.2f ms  (goal ≤ %.0f ms)\n", what, f.p50, f.p95, goal);
}

} // namespace

int main(int argc, char** argv)
{
    int cases = 2000, runs = 50;
    fs::path out = fs::temp_directory_path() / ("bench-reports-" + std::to_string(::getpid()));
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--cases")
            cases = std::atoi(argv[i + 1]);
        else if (a == "--runs")
            runs = std::atoi(argv[i + 1]);
        else if (a == "--out")
            out = argv[i + 1];
    }
    fs::create_directories(out);
    std::printf("output in %s\n\n", out.c_str());

    auto t0 = Clock::now();
    const auto& font = TrueTypeFont::load(gothicFontPath());
    (void)font;
    std::printf("reading and indexing IPAex Gothic (once per process): %.1f ms\n", msSince(t0));
    t0 = Clock::now();
    auto book = rules::RuleBook::load(dataDirectory() / "rules");
    std::printf("loading the rule book (once per process): %.1f ms\n\n", msSince(t0));

    // ---- handouts: every procedure in turn, both languages ----
    std::mt19937_64 rng(42);
    auto today = boost::gregorian::date(2026, 11, 29);
    std::vector<Case> sample;
    for (int i = 0; i < 28; ++i) {
        Case c;
        static_cast<CaseDraft&>(c) = bench::randomResident(rng);
        c.procedure = static_cast<Procedure>(i % 14);
        c.id = i + 1;
        c.receptionNumber = "A-" + std::to_string(100 + i);
        c.createdAt = "2026-11-29T10:00:00+09:00";
        sample.push_back(c);
    }
    OfficeInfo office;
    std::size_t bytes = 0;
    auto handout = bench::measure(runs, [&](int i) {
        const Case& c = sample[static_cast<std::size_t>(i) % sample.size()];
        auto doc =
            renderHandout(c, i % 2 ? Language::En : Language::Ja, office, handoutRulesFor(c, book, today), today);
        bytes += doc.pdf.size();
        return doc.pages;
    });
    printFigures("handout (rules + layout + PDF in memory)", handout, 30);
    auto handoutFile = bench::measure(runs, [&](int i) {
        const Case& c = sample[static_cast<std::size_t>(i) % sample.size()];
        writeHandoutPdf(c, Language::Ja, office, handoutRulesFor(c, book, today), today, out / "handout.pdf",
                        files::Overwrite::Yes);
        return 1;
    });
    printFigures("handout written to disk (fsync, rename)", handoutFile, 30);
    std::printf("handout size: average %.1f KB\n\n", static_cast<double>(bytes) / runs / 1024);

    // The reissue handout for the size comparison.
    const Case& reissue = sample[1];
    auto ja = renderHandout(reissue, Language::Ja, office, handoutRulesFor(reissue, book, today), today);
    auto en = renderHandout(reissue, Language::En, office, handoutRulesFor(reissue, book, today), today);
    files::writeOutputFile(out / "handout-ja.pdf", ja.pdf, files::Overwrite::Yes);
    files::writeOutputFile(out / "handout-en.pdf", en.pdf, files::Overwrite::Yes);
    std::printf("%-46s %8s %10s\n", "the reissue handout (ja), written as", "size", "time");
    std::printf("%-46s %7.1fK %8.1f ms\n", "  Madoguchi: subset of IPAex embedded", ja.pdf.size() / 1024.0,
                handout.p50);
    t0 = Clock::now();
    auto whole = haruWholeFont(ja, true);
    double wholeMs = msSince(t0);
    std::printf("%-46s %7.1fK %8.1f ms\n", "  libharu alone: whole IPAex TTF embedded", whole.size() / 1024.0, wholeMs);
    t0 = Clock::now();
    auto none = haruWholeFont(ja, false);
    double noneMs = msSince(t0);
    std::printf("%-46s %7.1fK %8.1f ms\n", "  libharu, font not embedded (printer's own)", none.size() / 1024.0,
                noneMs);

    // ---- LibreOffice headless, if installed ----
    if (std::system("command -v soffice >/dev/null 2>&1") == 0) {
        std::ofstream(out / "handout.txt") << plainText(ja);
        std::string profile = "file://" + (out / "lo-profile").string();
        std::string cmd = "cd '" + out.string() + "' && soffice -env:UserInstallation=" + profile +
                          " --headless --convert-to pdf handout.txt >/dev/null 2>&1";
        std::system(cmd.c_str()); // the first start creates the profile: not counted
        std::vector<double> ms;
        for (int i = 0; i < 3; ++i) {
            t0 = Clock::now();
            int rc = std::system(cmd.c_str());
            ms.push_back(msSince(t0));
            if (rc != 0)
                std::printf("  (soffice exited with %d)\n", rc);
        }
        std::sort(ms.begin(), ms.end());
        std::printf("%-46s %7.1fK %8.1f ms (median of 3, warm profile)\n", "  LibreOffice headless, text → PDF",
                    fileSize(out / "handout.pdf") / 1024.0, ms[1]);
    } else {
        std::printf("  LibreOffice: soffice not installed, skipped\n");
    }

    // ---- the daily report of `cases` cases ----
    std::printf("\n");
    auto dbPath = out / "day.db";
    fs::remove(dbPath);
    auto store = db::openStore(dbPath.string());
    std::vector<db::ImportedCase> day;
    const CaseStatus statuses[] = {CaseStatus::Done,       CaseStatus::Done,    CaseStatus::Done,
                                   CaseStatus::InProgress, CaseStatus::Waiting, CaseStatus::Received,
                                   CaseStatus::Withdrawn};
    for (int i = 0; i < cases; ++i) {
        db::ImportedCase ic;
        ic.draft = bench::randomResident(rng);
        int minute = 8 * 60 + 30 + (510 * i) / cases;
        char at[40];
        std::snprintf(at, sizeof at, "2026-11-27T%02d:%02d:00+09:00", minute / 60, minute % 60);
        ic.receivedAt = at;
        ic.status = statuses[rng() % std::size(statuses)];
        day.push_back(ic);
    }
    store->importCases(day, {"bench"});
    auto date = boost::gregorian::date(2026, 11, 27);
    int reportRuns = std::max(3, runs / 5);
    DailySummary summary;
    auto load = bench::measure(reportRuns, [&](int) {
        summary = summarizeDayAsOfNow(app::casesReceivedOn(*store, date), date);
        return summary.cases.size();
    });
    printFigures(("daily report: reading " + std::to_string(cases) + " cases").c_str(), load, 500);
    RenderedDocument report;
    auto render = bench::measure(reportRuns, [&](int) {
        report = renderDailyReport(summary, office);
        return report.pages;
    });
    printFigures("daily report: layout + PDF", render, 500);
    auto whole2 = bench::measure(reportRuns, [&](int) {
        files::writeOutputFile(
            out / "daily.pdf",
            renderDailyReport(summarizeDayAsOfNow(app::casesReceivedOn(*store, date), date), office).pdf,
            files::Overwrite::Yes);
        return 1;
    });
    printFigures("daily report: all of it, to disk", whole2, 500);
    auto csv = bench::measure(reportRuns, [&](int) {
        files::writeOutputFile(out / "daily.csv",
                               dailyCsv(summarizeDayAsOfNow(app::casesReceivedOn(*store, date), date)),
                               files::Overwrite::Yes);
        return 1;
    });
    printFigures("CSV: all of it, to disk", csv, 500);
    std::printf("daily report: %d pages, %.1f KB; CSV %.1f KB\n", report.pages, fileSize(out / "daily.pdf") / 1024.0,
                fileSize(out / "daily.csv") / 1024.0);
    return 0;
}
