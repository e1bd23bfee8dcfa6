// madoguchi-cli report daily (and checklist, once the rule book is in): the real binary, real
// files, poppler reading them back; bad input is exit 2 with one line, a failed write leaves no
// file behind.
#include "core/common/clock.hpp"
#include "db/user_store.hpp"
#include "pdf_reader.hpp"
#include "report_fixtures.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <fstream>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;
namespace fs = std::filesystem;

class CliReport : public ::testing::Test {
protected:
    TempDir dir;
    std::string db = (dir / "cli.db").string();
    void SetUp() override
    {
        auto store = db::openStore(db);
        store->importCases(generatedDay(boost::gregorian::date(2026, 11, 27), 120), {"import"});
        store->users().createFirstAdmin("admin", "admin-pass-1"); // the console tool acts as a user
    }
    ProcessResult cli(std::vector<std::string> args)
    {
        args.insert(args.begin(), {"--db", db});
        return runCli(args, "", cliUser("admin", "admin-pass-1"));
    }
    static void expectOneLine(const ProcessResult& r)
    {
        ASSERT_FALSE(r.err.empty());
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    }
    std::vector<std::string> leftovers() const
    {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(dir.path()))
            if (e.path().filename().string().front() == '.')
                names.push_back(e.path().filename().string());
        return names;
    }
};

TEST_F(CliReport, DailyWritesPdfAndCsvAndPrintsTheFigures)
{
    auto pdf = dir / "day.pdf", csv = dir / "day.csv";
    auto r = cli({"report", "daily", "--date", "2026-11-27", "--pdf", pdf.string(), "--csv", csv.string(), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto j = r.json();
    EXPECT_EQ(j["date"], "2026-11-27");
    EXPECT_EQ(j["total"], 120);
    int sum = 0;
    for (const auto& [k, v] : j["by_status"].items())
        sum += v.get<int>();
    EXPECT_EQ(sum, 120);
    EXPECT_NE(pdfTextCompact(pdf).find("受付件数120件"), std::string::npos);
    std::ifstream in(csv, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_TRUE(leftovers().empty());
}

TEST_F(CliReport, BadInputIsExitTwoWithOneLineAndNoFile)
{
    auto pdf = dir / "day.pdf";
    for (std::vector<std::string> args : {
             std::vector<std::string>{"report", "daily", "--date", "2026-02-30", "--pdf", pdf.string()},
             {"report", "daily", "--date", "27/11/2026", "--pdf", pdf.string()},
             {"report", "weekly", "--date", "2026-11-27"},
             {"report", "daily", "--colour", "red"},
             {"report", "daily", "--overdue-minutes", "0"},
             {"report"},
             {"checklist", "--case", "abc", "--lang", "ja", "--pdf", pdf.string()},
             {"checklist", "--case", "1", "--lang", "fr", "--pdf", pdf.string()},
             {"checklist", "--case", "1", "--lang", "ja"},
         }) {
        auto r = cli(args);
        EXPECT_EQ(r.exitCode, 2) << args[0] << " " << (args.size() > 1 ? args[1] : "") << ": " << r.err;
        expectOneLine(r);
        EXPECT_FALSE(fs::exists(pdf));
    }
}

TEST_F(CliReport, BrokenOfficeSettingsAreBadInput)
{
    auto settings = dir / "office.json";
    std::ofstream(settings) << R"({"name_ja": 3})";
    auto r = cli(
        {"report", "daily", "--date", "2026-11-27", "--office", settings.string(), "--pdf", (dir / "x.pdf").string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("name_ja"), std::string::npos) << r.err;
}

TEST_F(CliReport, OfficeSettingsArePrinted)
{
    auto settings = dir / "office.json";
    std::ofstream(settings) << R"({"name_ja": "小平市役所 市民課", "phone": "042-341-1211"})";
    auto pdf = dir / "day.pdf";
    auto r = cli({"report", "daily", "--date", "2026-11-27", "--office", settings.string(), "--pdf", pdf.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(pdfTextCompact(pdf).find("小平市役所市民課"), std::string::npos);
}

TEST_F(CliReport, AWriteThatFailsLeavesNothingUnderTheTargetName)
{
    // A folder that does not exist.
    auto missing = dir / "no-such-folder" / "day.pdf";
    auto r = cli({"report", "daily", "--date", "2026-11-27", "--pdf", missing.string()});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    expectOneLine(r);
    EXPECT_NE(r.err.find(missing.string()), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(missing));

    // A target that is a folder: the rename fails, the temporary file goes, the folder stays.
    auto folder = dir / "taken.pdf";
    fs::create_directory(folder);
    std::ofstream(folder / "keep.txt") << "x";
    r = cli({"report", "daily", "--date", "2026-11-27", "--pdf", folder.string()});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    expectOneLine(r);
    EXPECT_TRUE(fs::is_directory(folder));
    EXPECT_TRUE(fs::exists(folder / "keep.txt"));
    EXPECT_TRUE(leftovers().empty());
}

TEST_F(CliReport, AnOlderFileIsReplacedWholeWhenOverwriteIsGiven)
{
    auto csv = dir / "day.csv";
    std::ofstream(csv) << std::string(1'000'000, 'x'); // longer than the new file
    auto r = cli({"report", "daily", "--date", "2026-11-27", "--csv", csv.string()});
    EXPECT_EQ(r.exitCode, 2) << "replaced without --overwrite: " << r.err;
    r = cli({"report", "daily", "--date", "2026-11-27", "--csv", csv.string(), "--overwrite"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::ifstream in(csv, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(bytes.find("xxxx"), std::string::npos);
    EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
}

TEST_F(CliReport, ChecklistPrintsTheCaseInBothLanguages)
{
    auto added =
        cli({"case", "add", "--procedure", "reissue", "--name", "佐藤 花子", "--kana", "サトウ ハナコ", "--birth",
             "1985-03-14", "--applicant", "proxy", "--proxy-name", "佐藤 一郎", "--proxy-relation", "夫", "--json"});
    ASSERT_EQ(added.exitCode, 0) << added.err;
    std::string id = std::to_string(added.json()["id"].get<long long>());
    for (std::string lang : {"ja", "en"}) {
        auto pdf = dir / ("handout-" + lang + ".pdf");
        auto r = cli({"checklist", "--case", id, "--lang", lang, "--pdf", pdf.string(), "--json"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        EXPECT_GE(r.json()["pages"].get<int>(), 1);
        auto text = pdfTextCompact(pdf);
        EXPECT_NE(text.find("佐藤花子"), std::string::npos) << text;
        EXPECT_NE(text.find("佐藤一郎"), std::string::npos) << text;
        EXPECT_NE(text.find("0120-95-0178"), std::string::npos);
        EXPECT_NE(text.find(lang == "ja" ? "再交付" : "Cardreissue"), std::string::npos) << text;
    }
    EXPECT_TRUE(leftovers().empty());
}

// One office file (data/rules/README.md): the handout prints the office's name from it, and its
// places with their hours and reservations; a fault in it stops the handout before anything is
// written, naming the file, the line and the entry.
TEST_F(CliReport, ChecklistReadsTheOneOfficeFile)
{
    auto added = cli({"case", "add", "--procedure", "pin-reset", "--name", "小平 太郎", "--kana", "コダイラ タロウ",
                      "--birth", "1970-05-20", "--json"});
    ASSERT_EQ(added.exitCode, 0) << added.err;
    std::string id = std::to_string(added.json()["id"].get<long long>());
    auto kodaira = fs::path(MADOGUCHI_TEST_SOURCE_DIR) / ".." / "data" / "rules" / "offices" / "kodaira.json";
    auto pdf = dir / "handout.pdf";
    auto r = cli({"checklist", "--case", id, "--lang", "ja", "--date", "2026-12-01", "--office", kodaira.string(),
                  "--pdf", pdf.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto text = pdfTextCompact(pdf);
    EXPECT_NE(text.find("小平市役所市民課"), std::string::npos) << text; // name_ja
    EXPECT_NE(text.find("042-341-1211"), std::string::npos) << text;     // phone
    EXPECT_NE(text.find("東部出張所"), std::string::npos) << text;       // a place
    EXPECT_NE(text.find("予約が必要です"), std::string::npos) << text;   // its reservation
    EXPECT_NE(text.find("土8:30〜12:15"), std::string::npos) << text;    // 市民課's Saturday hours
    // The same case without the office file: the national answer, no Kodaira places.
    auto plain = dir / "plain.pdf";
    ASSERT_EQ(
        cli({"checklist", "--case", id, "--lang", "ja", "--date", "2026-12-01", "--pdf", plain.string()}).exitCode, 0);
    EXPECT_EQ(pdfTextCompact(plain).find("東部出張所"), std::string::npos);

    auto broken = dir / "office.json";
    std::ofstream(broken) << "{\"format\": 1, \"office\": \"x\", \"source\": \"s\",\n"
                             " \"entries\": [\n"
                             "  {\"id\": \"x-where\", \"effective_from\": \"2020-01-01\", \"source\": \"s\",\n"
                             "   \"places\": [{\"place\": \"annex\"}]}]}\n";
    auto refused = dir / "refused.pdf";
    auto bad = cli({"checklist", "--case", id, "--lang", "ja", "--office", broken.string(), "--pdf", refused.string()});
    EXPECT_EQ(bad.exitCode, 2) << bad.err;
    expectOneLine(bad);
    EXPECT_NE(bad.err.find(broken.string()), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("line 3"), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("entry \"x-where\""), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("unknown place \"annex\""), std::string::npos) << bad.err;
    EXPECT_FALSE(fs::exists(refused));
}

// `rules book`: the whole rule book in force on a day, on paper, each line with its source.
TEST_F(CliReport, TheRuleBookOfADayOnPaperNamesEachLinesSource)
{
    auto pdf = dir / "rules.pdf";
    auto r = cli({"rules", "book", "--date", "2026-12-01", "--pdf", pdf.string(), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_GE(r.json()["pages"].get<int>(), 10);
    auto text = pdfTextCompact(pdf);
    EXPECT_NE(text.find("特急発行"), std::string::npos);
    EXPECT_NE(text.find("express-reissue-voluntary-proxy"), std::string::npos); // the proxy's refusal
    EXPECT_NE(text.find("pin-reset-own-id"), std::string::npos);
    EXPECT_NE(text.find("国立市"), std::string::npos); // its source
    EXPECT_NE(text.find("kLeapDayRule"), std::string::npos);
    // Before 2024-12-02 there was no express issuance: the book says so.
    auto before = dir / "before.pdf";
    ASSERT_EQ(cli({"rules", "book", "--date", "2024-12-01", "--pdf", before.string()}).exitCode, 0);
    auto old = pdfTextCompact(before);
    EXPECT_EQ(old.find("express-reissue-voluntary-proxy"), std::string::npos);
    EXPECT_NE(old.find("この日に有効な規則はありません"), std::string::npos);
    // With the office file: its places, marked as the office's.
    auto kodaira = fs::path(MADOGUCHI_TEST_SOURCE_DIR) / ".." / "data" / "rules" / "offices" / "kodaira.json";
    auto office = dir / "office.pdf";
    ASSERT_EQ(cli({"rules", "book", "--date", "2026-12-01", "--office", kodaira.string(), "--lang", "en", "--pdf",
                   office.string()})
                  .exitCode,
              0);
    auto en = pdfTextCompact(office);
    EXPECT_NE(en.find("EasternBranchOffice"), std::string::npos);
    EXPECT_NE(en.find("officerule"), std::string::npos);
    EXPECT_TRUE(leftovers().empty());
}

TEST_F(CliReport, ChecklistOfAnUnknownCaseIsBadInput)
{
    auto pdf = dir / "h.pdf";
    auto r = cli({"checklist", "--case", "99999", "--lang", "ja", "--pdf", pdf.string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    expectOneLine(r);
    EXPECT_FALSE(fs::exists(pdf));
}

TEST_F(CliReport, PapersWithPersonalDataAreReadableByTheirOwnerOnly)
{
    auto pdf = dir / "day.pdf";
    auto csv = dir / "day.csv";
    auto r = cli({"report", "daily", "--date", "2026-11-27", "--pdf", pdf.string(), "--csv", csv.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (const auto& file : {pdf, csv})
        EXPECT_EQ(fs::status(file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write)
            << file;
}

// One visit of two procedures from the console: one handout for both, each procedure's own papers
// and what both need once; the daily report counts the visit once and its procedures twice.
TEST_F(CliReport, AVisitOfTwoProceduresGetsOneHandoutAndCountsAsOneVisitAndTwoProcedures)
{
    auto added = cli({"case", "add", "--procedure", "pin-reset", "--procedure", "cert-renewal", "--name", "山田 太郎",
                      "--kana", "ヤマダ タロウ", "--birth", "1970-05-20", "--json"});
    ASSERT_EQ(added.exitCode, 0) << added.err;
    std::string id = std::to_string(added.json()["id"].get<long long>());
    ASSERT_EQ(cli({"case", "status", id, "in-progress", "--procedure", "cert-renewal"}).exitCode, 0);
    ASSERT_EQ(cli({"case", "status", id, "done", "--procedure", "cert-renewal"}).exitCode, 0);

    auto pdf = dir / "visit.pdf";
    auto r = cli({"checklist", "--case", id, "--lang", "ja", "--pdf", pdf.string(), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto text = pdfTextCompact(pdf);
    EXPECT_NE(text.find("暗証番号の再設定"), std::string::npos);
    EXPECT_NE(text.find("電子証明書の更新・発行"), std::string::npos);
    EXPECT_NE(text.find("有効期限通知書"), std::string::npos) << "the renewal's own paper";
    auto count = [&](const std::string& what) {
        int n = 0;
        for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
            ++n;
        return n;
    };
    // The resident's identity check, which both procedures ask for, once: its list names the
    // driving licence once.
    EXPECT_EQ(count("運転免許証"), 1) << text;

    auto report = cli({"report", "daily", "--json"});
    ASSERT_EQ(report.exitCode, 0) << report.err;
    auto j = report.json();
    EXPECT_EQ(j["total"], 1);
    EXPECT_EQ(j["procedures"], 2);
    EXPECT_EQ(j["by_status"]["in-progress"], 1);
    EXPECT_EQ(j["procedures_by_status"]["done"], 1);
    EXPECT_EQ(j["procedures_by_status"]["received"], 1);
    EXPECT_EQ(j["by_procedure"]["cert-renewal"]["done"], 1);
}

TEST_F(CliReport, MonthlyWritesPdfAndCsvCountsTheMonthAndAuditsTheExport)
{
    // A second day in the same month, and one in the next month that must not count.
    {
        auto store = db::openStore(db);
        store->importCases(generatedDay(boost::gregorian::date(2026, 11, 2), 30, 11), {"import"});
        store->importCases(generatedDay(boost::gregorian::date(2026, 12, 1), 9, 12), {"import"});
    }
    auto pdf = dir / "month.pdf", csv = dir / "month.csv";
    auto r = cli({"report", "monthly", "--month", "2026-11", "--pdf", pdf.string(), "--csv", csv.string(), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto j = r.json();
    EXPECT_EQ(j["month"], "2026-11");
    EXPECT_EQ(j["visits"], 150);
    EXPECT_EQ(j["visits_by_day"].size(), 30u);
    EXPECT_EQ(j["visits_by_day"][1], 30);
    EXPECT_EQ(j["visits_by_day"][26], 120);
    int byApplicant = 0;
    for (const auto& [type, counts] : j["by_applicant"].items())
        for (const auto& [st, n] : counts.items())
            byApplicant += n.get<int>();
    EXPECT_EQ(byApplicant, j["procedures"].get<int>());
    EXPECT_TRUE(j["waiting"].contains("p90_minutes"));
    std::string text = pdfTextCompact(pdf);
    EXPECT_NE(text.find(compact("月次統計 2026年11月（令和8年11月）")), std::string::npos) << text;
    EXPECT_NE(text.find(compact("来庁件数 150 件")), std::string::npos) << text;
    std::ifstream in(csv, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.rfind("\xEF\xBB\xBF対象月,区分,項目,項目ID,状態,状態ID,値\r\n", 0), 0u);
    EXPECT_NE(bytes.find("2026-11,来庁,来庁件数,visits,計,total,150\r\n"), std::string::npos);
    // One audit entry for the export, naming no case.
    auto audit = cli({"audit", "list", "--json"});
    ASSERT_EQ(audit.exitCode, 0) << audit.err;
    int exports = 0;
    for (const auto& e : audit.json())
        if (e["action"] == "case.export" && e["detail"] == "monthly statistics 2026-11 pdf csv")
            ++exports;
    EXPECT_EQ(exports, 1);

    auto bad = cli({"report", "monthly", "--month", "2026-13"});
    EXPECT_EQ(bad.exitCode, 2);
    expectOneLine(bad);
    EXPECT_EQ(cli({"report", "monthly", "--month", "November"}).exitCode, 2);
}

// Issue #14 item 3, the two-visit route (照会書方式) from the console: a PIN reset by a voluntary
// proxy ends its first visit awaiting the answer with the mailing day; the handout says what to
// bring and until when (mailing day + the rule data's 30 days, with its source); the daily report
// lists it with its days; the second visit finds it by name in another script and finishes it.
TEST_F(CliReport, ATwoVisitPinResetByProxyIsCarriedToTheSecondVisit)
{
    auto added =
        cli({"case", "add", "--procedure", "pin-reset", "--name", "小平 一郎", "--kana", "コダイラ イチロウ", "--birth",
             "1950-02-03", "--applicant", "proxy", "--proxy-name", "小平 次郎", "--proxy-relation", "長男", "--json"});
    ASSERT_EQ(added.exitCode, 0) << added.err;
    std::string id = std::to_string(added.json()["id"].get<long long>());
    std::string today = added.json()["created_at"].get<std::string>().substr(0, 10);

    // Without the mailing day, or with it for another status: bad input, one line, exit 2.
    auto noDay = cli({"case", "status", id, "awaiting-answer"});
    EXPECT_EQ(noDay.exitCode, 2);
    expectOneLine(noDay);
    EXPECT_NE(noDay.err.find("--mailed"), std::string::npos) << noDay.err;
    EXPECT_EQ(cli({"case", "status", id, "in-progress", "--mailed", today}).exitCode, 2);
    EXPECT_EQ(cli({"case", "status", id, "awaiting-answer", "--mailed", "2026-02-30"}).exitCode, 2);

    auto first =
        cli({"case", "status", id, "awaiting-answer", "--mailed", today, "--procedure", "pin-reset", "--json"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_EQ(first.json()["status"], "awaiting-answer");
    EXPECT_EQ(first.json()["procedures"][0]["mailed_on"], today);
    EXPECT_EQ(first.json()["history"].back()["reason"], "照会書郵送 " + today);

    // The handout of the first visit, both languages.
    auto deadline = parseIsoDate(today, "today") + boost::gregorian::days(30);
    for (std::string lang : {"ja", "en"}) {
        auto pdf = dir / ("two-visit-" + lang + ".pdf");
        auto r = cli({"checklist", "--case", id, "--lang", lang, "--pdf", pdf.string()});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        auto text = pdfTextCompact(pdf);
        if (lang == "ja") {
            EXPECT_NE(text.find(compact("2回目の来庁（照会書の回答）")), std::string::npos) << text;
            EXPECT_NE(text.find(compact("次回お持ちいただくもの")), std::string::npos);
            EXPECT_NE(text.find(compact("本人が回答欄に記入して封をした照会書兼回答書")), std::string::npos);
            EXPECT_NE(text.find(compact("お持ちいただく期限")), std::string::npos);
            EXPECT_NE(text.find(compact("照会書の発送日の翌日から30日以内")), std::string::npos);
            EXPECT_NE(text.find("横須賀市"), std::string::npos) << "the limit's source";
            std::string y = std::to_string(deadline.year()), m = std::to_string(deadline.month().as_number()),
                        d = std::to_string(deadline.day().as_number());
            EXPECT_NE(text.find(y + "年" + m + "月" + d + "日"), std::string::npos) << text;
        } else {
            EXPECT_NE(text.find(compact("Your second visit")), std::string::npos) << text;
            EXPECT_NE(text.find(compact("Come back by")), std::string::npos);
            EXPECT_NE(text.find(compact("answered and sealed by the resident")), std::string::npos);
        }
    }

    // The supervisor's day: listed with its days (0: mailed today), in the PDF, CSV and JSON.
    auto pdf = dir / "day-two-visit.pdf", csv = dir / "day-two-visit.csv";
    auto day = cli({"report", "daily", "--date", today, "--pdf", pdf.string(), "--csv", csv.string(), "--json"});
    ASSERT_EQ(day.exitCode, 0) << day.err;
    ASSERT_EQ(day.json()["awaiting_answer"].size(), 1u);
    EXPECT_EQ(day.json()["awaiting_answer"][0]["procedure"], "pin-reset");
    EXPECT_EQ(day.json()["awaiting_answer"][0]["days"], 0);
    auto dayText = pdfTextCompact(pdf);
    EXPECT_NE(dayText.find(compact("照会書の回答待ち")), std::string::npos) << dayText;
    EXPECT_NE(dayText.find("0日"), std::string::npos);
    std::ifstream in(csv, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    EXPECT_NE(bytes.find(",照会書郵送日,回答待ち日数,行の種類\r\n"), std::string::npos);
    EXPECT_NE(bytes.find("," + today + ",0,当日受付\r\n"), std::string::npos) << bytes.substr(0, 600);

    // The second visit: found among those waiting by name in hiragana, then finished.
    auto found = cli({"case", "list", "--awaiting-answer", "--search", "こだいら", "--json"});
    ASSERT_EQ(found.exitCode, 0) << found.err;
    ASSERT_EQ(found.json().size(), 1u);
    EXPECT_EQ(found.json()[0]["awaiting"]["mailed_on"], today);
    EXPECT_EQ(found.json()[0]["awaiting"]["days"], 0);
    auto text = cli({"case", "list", "--awaiting-answer"});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("暗証番号"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find(today + "\t0日\t小平 一郎"), std::string::npos) << text.out;
    auto second = cli({"case", "status", id, "in-progress", "--procedure", "pin-reset", "--json"});
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_EQ(second.json()["procedures"][0]["mailed_on"], today); // kept
    auto done = cli({"case", "status", id, "done", "--json"});
    ASSERT_EQ(done.exitCode, 0) << done.err;
    EXPECT_EQ(done.json()["status"], "done");
    EXPECT_EQ(cli({"case", "list", "--awaiting-answer", "--json"}).json().size(), 0u);
}
