// The monthly statistics of 30,000 procedures (issue #18: goal ≤ 2 s): 25,000 visits over November
// 2026 (one in five for two procedures, statuses mixed), imported into a SQLite case book, then
// the month read from the store, counted, laid out as PDF and written as CSV.
//   bench_monthly [--visits N] [--runs R] [--out DIR]
#include "app/common/day_cases.hpp"
#include "bench/bench_timing.hpp"
#include "bench/realistic_names.hpp"
#include "core/files/output_file.hpp"
#include "reports/monthly_report.hpp"

#include <cstring>
#include <filesystem>

using namespace madoguchi;
using namespace madoguchi::reports;
namespace fs = std::filesystem;
using bench::Clock;

int main(int argc, char** argv)
{
    int visits = 25000, runs = 3;
    fs::path out = fs::temp_directory_path() / "madoguchi-bench-monthly";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--visits"))
            visits = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--runs"))
            runs = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--out"))
            out = argv[i + 1];
    }
    fs::create_directories(out);
    auto dbPath = out / "month.db";
    fs::remove(dbPath);
    auto store = db::openStore(dbPath.string());
    std::mt19937_64 rng(20261130);
    const CaseStatus statuses[] = {CaseStatus::Done,       CaseStatus::Done,    CaseStatus::Done,
                                   CaseStatus::InProgress, CaseStatus::Waiting, CaseStatus::Received,
                                   CaseStatus::Withdrawn};
    const ApplicantType applicants[] = {ApplicantType::Principal, ApplicantType::Principal, ApplicantType::Principal,
                                        ApplicantType::Proxy, ApplicantType::LegalRepresentative};
    std::vector<db::ImportedCase> month;
    int procedures = 0;
    for (int i = 0; i < visits; ++i) {
        db::ImportedCase ic;
        ic.draft = bench::randomResident(rng);
        ic.draft.applicant.type = applicants[rng() % std::size(applicants)];
        if (ic.draft.applicant.type != ApplicantType::Principal)
            ic.draft.applicant.proxyName = "代理 花子";
        ic.status = statuses[rng() % std::size(statuses)];
        if (i % 5 == 0) {
            Procedure second =
                ic.draft.procedure == Procedure::CertRenewal ? Procedure::PinReset : Procedure::CertRenewal;
            ic.draft.procedures = {{ic.draft.procedure, ic.status}, {second, CaseStatus::Done}};
        }
        procedures += ic.draft.procedures.empty() ? 1 : 2;
        int day = 1 + i * 30 / visits, minute = 8 * 60 + 30 + static_cast<int>(rng() % 510);
        char at[40];
        std::snprintf(at, sizeof at, "2026-11-%02dT%02d:%02d:00+09:00", day, minute / 60, minute % 60);
        ic.receivedAt = at;
        month.push_back(std::move(ic));
    }
    store->importCases(month, {"bench", Role::Admin});
    const auto november = boost::gregorian::date(2026, 11, 1);
    MonthlySummary s;
    auto load = bench::measure(runs, [&](int) {
        s = summarizeMonth(app::casesReceivedInMonthOf(*store, november), november);
        return static_cast<std::size_t>(s.procedures);
    });
    RenderedDocument pdf;
    auto render = bench::measure(runs, [&](int) {
        pdf = renderMonthlyReport(s, OfficeInfo{});
        return static_cast<std::size_t>(pdf.pages);
    });
    auto whole = bench::measure(runs, [&](int) {
        auto summary = summarizeMonth(app::casesReceivedInMonthOf(*store, november), november);
        files::writeOutputFile(out / "monthly.pdf", renderMonthlyReport(summary, OfficeInfo{}).pdf,
                               files::Overwrite::Yes);
        files::writeOutputFile(out / "monthly.csv", monthlyCsv(summary), files::Overwrite::Yes);
        return 1;
    });
    std::printf("monthly statistics, %d visits, %d procedures (%d counted)\n", visits, procedures, s.procedures);
    std::printf("  reading the month from SQLite and counting: p50 %.0f ms\n", load.p50);
    std::printf("  layout + PDF (%d pages): p50 %.0f ms\n", pdf.pages, render.p50);
    std::printf("  all of it (read, count, PDF and CSV to disk): p50 %.0f ms (goal 2000 ms)\n", whole.p50);
    return 0;
}
