// The charts on paper, read back with poppler: `madoguchi-cli forecast --pdf` against its own
// `--json`, and the daily report's charts against its CSV (`report daily --pdf --csv`) and against
// a day with calls whose waits are known. Each chart is found by its title with pdftotext -bbox; the
// figures printed over its bars, read left to right, are the model's values.
#include "core/charts/chart.hpp"
#include "core/common/clock.hpp"
#include "reports/chart_pdf.hpp"
#include "reports/daily_charts.hpp"
#include "reports/daily_report.hpp"
#include "tests/register/generated_register.hpp"
#include "tests/reports/pdf_reader.hpp"
#include "tests/reports/report_fixtures.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <sstream>

using namespace madoguchi;
using namespace madoguchi::test;
using boost::gregorian::date;
namespace fs = std::filesystem;

namespace {

// readFile and writeFile: tests/support/temp_dir.hpp.

// What a chart shows on paper, as poppler reads it.
struct ReadChart {
    bool found = false;
    std::vector<std::string> figures;    // the bars' figures (digits, or digits%), left to right
    std::vector<std::string> flags;      // the flags' figures (+N), left to right
    std::vector<std::string> otherWords; // axis names, categories, legend
};

// The chart whose title is `title` (the first on any page), its words within `height` points below
// the title's top; the value axis's tick labels (left of the plot) and the legend are left out of
// the figures.
ReadChart readChart(const fs::path& pdf, const std::string& title, double height)
{
    ReadChart out;
    auto words = pdfWordBoxes(pdf);
    auto t = std::find_if(words.begin(), words.end(), [&](const WordBox& w) { return w.word == title; });
    if (t == words.end())
        return out;
    out.found = true;
    const double left = 51 + 34 - 1; // the margin and the tick labels' room (reports/chart_pdf.cpp)
    std::vector<const WordBox*> inside;
    for (const auto& w : words)
        if (w.page == t->page && w.yMin > t->yMin + 2 && w.yMin < t->yMin + height)
            inside.push_back(&w);
    std::sort(inside.begin(), inside.end(), [](auto* a, auto* b) { return a->xMin < b->xMin; });
    for (const WordBox* w : inside) {
        const std::string& s = w->word;
        const bool digits = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
        const bool percent = s.size() > 1 && s.back() == '%' &&
                             std::all_of(s.begin(), s.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
        const bool legend = w->yMin < t->yMin + 25;
        if ((digits || percent) && w->xMin > left && !legend)
            out.figures.push_back(s);
        else if (s.size() > 1 && s[0] == '+' && !legend)
            out.flags.push_back(s);
        else
            out.otherWords.push_back(s);
    }
    return out;
}

// With MADOGUCHI_KEEP_PDF_DIR set, a copy of the PDF stays there, to be looked at (pdftoppm).
void keep(const fs::path& pdf, const std::string& name)
{
    if (const char* d = std::getenv("MADOGUCHI_KEEP_PDF_DIR"); d && *d) {
        fs::create_directories(d);
        fs::copy_file(pdf, fs::path(d) / name, fs::copy_options::overwrite_existing);
    }
}

bool has(const std::vector<std::string>& words, const std::string& w)
{
    return std::find(words.begin(), words.end(), w) != words.end();
}

class ChartPdf : public ::testing::Test {
protected:
    TempDir dir;
    std::string db = (dir / "charts.db").string();
    const std::vector<std::string> admin = cliUser("admin", "admin-pass-1");
    void SetUp() override
    {
        auto r = runCli({"--db", db, "user", "init-admin", "--name", "admin"}, "admin-pass-1\n");
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    ProcessResult cli(std::vector<std::string> args)
    {
        args.insert(args.begin(), {"--db", db});
        return runCli(args, "", admin);
    }
};

} // namespace

TEST_F(ChartPdf, TheForecastPdfShowsTheForecastJsonsFiguresAgainstCapacityAndTheFillRate)
{
    // A register of 2,000 made-up cards and a few bookings in the coming weeks.
    std::string csv = "record_id,birth,card_issued,cert_issued,stay_until\n";
    for (const auto& c : generatedRegister(2000, 5))
        csv += c.recordId + "," + toIso(c.birth) + "," + toIso(c.cardIssued) + "," +
               (c.certIssued ? toIso(*c.certIssued) : "") + "," + (c.stayUntil ? toIso(*c.stayUntil) : "") + "\n";
    writeFile(dir / "register.csv", csv);
    auto r = cli({"register", "import", (dir / "register.csv").string(), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto slots = cli({"booking", "slots", "--procedure", "card-receipt", "--from",
                      toIso(now().localDay + boost::gregorian::days(1)), "--days", "14", "--json"});
    ASSERT_EQ(slots.exitCode, 0) << slots.err;
    for (int i = 0; i < 3 && i < static_cast<int>(slots.json().size()); ++i) {
        std::string start = slots.json()[i]["start"];
        auto b = cli({"booking", "add", "--procedure", "card-receipt", "--at", start.substr(0, 16), "--name",
                      "佐藤 花子", "--kana", "サトウ ハナコ"});
        ASSERT_EQ(b.exitCode, 0) << b.err;
    }

    auto pdf = dir / "forecast.pdf";
    r = cli({"forecast", "--months", "12", "--card-receipt-slots", "3", "--cert-renewal-slots", "2", "--json", "--pdf",
             pdf.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto j = r.json();
    ASSERT_EQ(j["months"].size(), 12u);
    EXPECT_EQ(j["pdf"], pdf.string());
    keep(pdf, "forecast.pdf");

    const std::string text = pdfTextCompact(pdf);
    EXPECT_NE(text.find("更新の見込みと窓口の枠"), std::string::npos);
    EXPECT_NE(text.find("交付記録2000件"), std::string::npos) << text.substr(0, 600);
    for (auto t : {charts::Text::AxisMonth, charts::Text::AxisCount, charts::Text::SeriesCardRenewals,
                   charts::Text::SeriesCardCapacity, charts::Text::AxisWeek, charts::Text::AxisPercent})
        EXPECT_NE(text.find(compact(charts::japanese(t))), std::string::npos) << charts::japanese(t);

    // Each month chart: its bars' figures are the JSON's renewals, its flags the JSON's excess.
    for (auto [title, key, over] : {std::tuple{charts::Text::CardForecastTitle, "card_renewals", "card_receipt"},
                                    std::tuple{charts::Text::CertForecastTitle, "cert_renewals", "cert_renewal"}}) {
        ReadChart c = readChart(pdf, charts::japanese(title), reports::kChartHeight);
        ASSERT_TRUE(c.found) << charts::japanese(title);
        std::vector<std::string> figures, flags;
        for (const auto& m : j["months"]) {
            figures.push_back(std::to_string(m[key].get<int>()));
            if (int o = m["over_capacity"][over].get<int>(); o > 0)
                flags.push_back("+" + std::to_string(o));
        }
        EXPECT_EQ(c.figures, figures) << charts::japanese(title);
        EXPECT_EQ(c.flags, flags) << charts::japanese(title);
        EXPECT_FALSE(flags.empty()) << "2,000 cards over 2–3 slots a week: some month is over";
        EXPECT_TRUE(has(c.otherWords, j["months"][0]["month"].get<std::string>()));
    }
    // The months' table prints the excess with its marker too.
    for (const auto& m : j["months"]) {
        if (int o = m["over_capacity"]["card_receipt"].get<int>(); o > 0) {
            EXPECT_NE(text.find("▲+" + std::to_string(o)), std::string::npos);
        }
    }

    // The fill rate: the JSON's percentages, the bookings taken counted.
    ASSERT_TRUE(j["booking_fill"].is_array());
    ASSERT_EQ(j["booking_fill"].size(), 8u);
    int bookings = 0;
    std::vector<std::string> percents;
    for (const auto& w : j["booking_fill"]) {
        bookings += w["bookings"].get<int>();
        percents.push_back(charts::valueText(charts::Unit::Percent, w["percent"].get<double>()));
    }
    EXPECT_EQ(bookings, std::min<int>(3, static_cast<int>(slots.json().size())));
    ReadChart fill = readChart(pdf, charts::japanese(charts::Text::FillTitle), reports::kChartHeight);
    ASSERT_TRUE(fill.found);
    EXPECT_EQ(fill.figures, percents);

    // The output rules: an existing file is refused without --overwrite; a database never.
    r = cli({"forecast", "--months", "2", "--pdf", pdf.string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    r = cli({"forecast", "--months", "2", "--pdf", pdf.string(), "--overwrite"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    r = cli({"forecast", "--months", "2", "--pdf", db, "--overwrite"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    r = cli({"forecast", "--months", "2", "--pdf", (dir / "a.pdf").string(), "--csv", (dir / "a.pdf").string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
}

TEST_F(ChartPdf, TheDailyReportsVisitsPerHourAreTheCsvsVisitsByHourOfArrival)
{
    {
        auto store = db::openStore(db);
        store->importCases(generatedDay(date(2026, 11, 27), 150), {"import"});
    }
    auto pdf = dir / "day.pdf", csvPath = dir / "day.csv";
    auto r = cli({"report", "daily", "--date", "2026-11-27", "--pdf", pdf.string(), "--csv", csvPath.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // The CSV: one visit per row with 手続き順 1 (column 18); its hour from 受付日時 (column 3).
    std::map<int, int> byHour;
    for (int h = 8; h <= 17; ++h)
        byHour[h] = 0;
    std::istringstream lines(readFile(csvPath));
    std::string line;
    std::getline(lines, line); // the header
    int visits = 0;
    while (std::getline(lines, line)) {
        // Fields before the names are never quoted: 受付日時 is the third; 手続き順 is found from the end
        // (the last ten fields hold no commas: 手続き順, 手続き数, 来庁の状態, its id, 呼出日時, the waits,
        // 照会書郵送日, 回答待ち日数, 行の種類).
        std::vector<std::string> f;
        std::string cell;
        std::istringstream in(line);
        while (std::getline(in, cell, ','))
            f.push_back(cell);
        if (!f.empty() && !f.back().empty() && f.back().back() == '\r')
            f.back().pop_back(); // the line's CR: the last field is there, if empty
        ASSERT_GE(f.size(), 10u);
        const std::string& order = f[f.size() - 10];
        if (order != "1")
            continue;
        ++visits;
        ++byHour[std::stoi(f[2].substr(11, 2))];
    }
    EXPECT_EQ(visits, 150);
    keep(pdf, "daily-generated.pdf");
    std::vector<std::string> expected;
    for (auto [h, n] : byHour)
        expected.push_back(std::to_string(n));
    ReadChart c = readChart(pdf, charts::japanese(charts::Text::CasesPerHourTitle), 170);
    ASSERT_TRUE(c.found) << pdfText(pdf).substr(0, 2000);
    EXPECT_EQ(c.figures, expected);
    EXPECT_TRUE(has(c.otherWords, charts::japanese(charts::Text::AxisHour)));
    EXPECT_TRUE(has(c.otherWords, "8時"));
    EXPECT_TRUE(has(c.otherWords, charts::japanese(charts::Text::AxisCount)));
    // No call was made that day: the waits chart says so.
    ReadChart w = readChart(pdf, charts::japanese(charts::Text::WaitsTitle), 170);
    ASSERT_TRUE(w.found);
    EXPECT_TRUE(has(w.otherWords, charts::japanese(charts::Text::NoData)));
}

TEST_F(ChartPdf, TheDailyReportsWaitsChartIsTheCsvsWaitsByProcedure)
{
    // Visits with calls whose times are known: received → the answered call.
    auto visit = [](const std::string& number, Procedure p, const std::string& received, const std::string& called,
                    const std::string& done) {
        Case c = sampleCase(p);
        c.receptionNumber = number;
        c.createdAt = "2026-11-29T" + received + ":00+09:00";
        c.status = CaseStatus::Done;
        c.history.push_back(
            {c.createdAt, "suzuki", std::nullopt, CaseStatus::Received, "", std::nullopt, HistoryKind::StatusChange});
        HistoryEntry call{"2026-11-29T" + called + ":00+09:00",
                          "suzuki",
                          std::nullopt,
                          CaseStatus::Received,
                          "",
                          std::nullopt,
                          HistoryKind::Called};
        call.window = "1";
        c.history.push_back(call);
        c.history.push_back({"2026-11-29T" + done + ":00+09:00", "suzuki", CaseStatus::Received, CaseStatus::InProgress,
                             "", p, HistoryKind::StatusChange});
        c.history.push_back({"2026-11-29T" + done + ":30+09:00", "suzuki", CaseStatus::InProgress, CaseStatus::Done, "",
                             p, HistoryKind::StatusChange});
        return c;
    };
    std::vector<Case> cases{visit("A-001", Procedure::PinReset, "09:00", "09:12", "09:20"),
                            visit("A-002", Procedure::PinReset, "09:10", "09:50", "10:00"),
                            visit("A-003", Procedure::CertRenewal, "10:05", "10:30", "10:45"),
                            visit("A-004", Procedure::CardReceipt, "13:00", "13:07", "13:30")};
    auto s = reports::summarizeDay(cases, date(2026, 11, 29), *epochSeconds("2026-11-29T17:30:00+09:00"));
    auto pdf = dir / "waits.pdf";
    writeFile(pdf, reports::renderDailyReport(s, reports::loadOfficeInfoOrDefault()).pdf);
    keep(pdf, "daily-waits.pdf");
    // The CSV's waits per procedure (待ち時間（分）, the fifth column from the end), averaged and the longest.
    std::map<std::string, std::vector<int>> waits; // procedure id → minutes
    std::istringstream lines(reports::dailyCsv(s));
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
        std::vector<std::string> f;
        std::string cell;
        std::istringstream in(line);
        while (std::getline(in, cell, ','))
            f.push_back(cell);
        waits[f[4]].push_back(std::stoi(f[f.size() - 5]));
    }
    charts::Chart model = reports::waitsChartOf(s);
    std::vector<std::string> expected; // the model's figures, in its order: per procedure average, longest
    for (std::size_t i = 0; i < model.categories.size(); ++i) {
        const Procedure p = [&] {
            for (const auto& info : allProcedures())
                if (model.categories[i].ja == info.nameJa)
                    return info.procedure;
            return Procedure::Reissue;
        }();
        const auto& w = waits.at(std::string(info(p).id));
        double sum = 0;
        for (int m : w)
            sum += m;
        EXPECT_DOUBLE_EQ(model.bars[0].values[i], sum / static_cast<double>(w.size())) << info(p).id;
        EXPECT_DOUBLE_EQ(model.bars[1].values[i], *std::max_element(w.begin(), w.end())) << info(p).id;
        expected.push_back(charts::valueText(charts::Unit::Minutes, model.bars[0].values[i]));
        expected.push_back(charts::valueText(charts::Unit::Minutes, model.bars[1].values[i]));
    }
    ASSERT_EQ(model.categories.size(), 3u);
    ReadChart c = readChart(pdf, charts::japanese(charts::Text::WaitsTitle), 170);
    ASSERT_TRUE(c.found);
    EXPECT_EQ(c.figures, expected);
    EXPECT_TRUE(has(c.otherWords, charts::japanese(charts::Text::AxisMinutes)));
    // The figures' table beside it: the PIN resets waited 26 minutes on average, 40 at the longest.
    const std::string text = pdfTextCompact(pdf);
    EXPECT_NE(text.find(compact(std::string(info(Procedure::PinReset).nameJa)) + "226分40分"), std::string::npos)
        << text;
}
