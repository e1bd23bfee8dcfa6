// madoguchi-cli booking import|export|slip end to end: the booking service's file in UTF-8 and in
// Shift_JIS, bad lines refusing the whole file with their line numbers, conflicts reported, a
// second import changing nothing; the export's BOM; the slip read back with pdftotext.
#include "core/bookings/office_calendar.hpp"
#include "core/common/clock.hpp"
#include "core/text/japanese_encoding.hpp"
#include "tests/reports/pdf_reader.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

using namespace madoguchi;
using namespace madoguchi::test;
using boost::gregorian::date;
using boost::gregorian::days;

namespace {

date openDay(int ahead = 1)
{
    date d = now().localDay + days(ahead);
    while (bookings::OfficeCalendar::defaults().hoursOn(d).empty())
        d += days(1);
    return d;
}

} // namespace

class CliBookingFiles : public ::testing::Test {
protected:
    TempDir dir;
    std::string db = (dir / "cli.db").string();
    std::vector<std::string> env;
    std::string day = toIso(openDay());
    void SetUp() override
    {
        env = cliUser("admin", "admin-pass-1");
        env.push_back("XDG_CONFIG_HOME=" + (dir / "config").string());
        auto r = runCli({"--db", db, "user", "init-admin", "--name", "admin"}, "admin-pass-1\n");
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    ProcessResult cli(std::vector<std::string> args)
    {
        args.insert(args.begin(), {"--db", db});
        return runCli(args, "", env);
    }
    std::string file(const std::string& name, const std::string& bytes)
    {
        auto path = dir / name;
        std::ofstream(path, std::ios::binary) << bytes;
        return path.string();
    }
    // Four bookings of the service; at 10:00 three for two windows, so the third does not fit.
    std::string serviceFile()
    {
        return "予約ID,予約日,開始時刻,手続き,氏名,フリガナ,生年月日,電話番号,申請者,言語,備考\r\n"
               "W-1," +
               day +
               ",10:00,暗証番号の再設定,山田 太郎,ヤマダ タロウ,1970-05-20,090-1111-2222,本人,ja,\r\n"
               "W-2," +
               day +
               ",10:00,電子証明書の更新・発行,髙橋 花子,タカハシ ハナコ,,03-1234-5678,代理人,en,\"車いす, "
               "付き添い\"\r\n"
               "W-3," +
               day +
               ",10:05,pin-reset,鈴木 一郎,スズキ イチロウ,,,,,\r\n"
               "W-4," +
               day + ",14:00,pin-reset+cert-renewal,佐藤 次郎,サトウ ジロウ,,,,,\r\n";
    }
};

TEST_F(CliBookingFiles, ImportsUtf8AndReportsTheBookingThatDoesNotFit)
{
    auto r = cli({"booking", "import", file("day.csv", serviceFile()), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto j = r.json();
    EXPECT_EQ(j["added"], 3);
    EXPECT_EQ(j["unchanged"], 0);
    EXPECT_EQ(j["encoding"], "UTF-8");
    ASSERT_EQ(j["refused"].size(), 1u);
    EXPECT_EQ(j["refused"][0]["line"], 4);
    EXPECT_EQ(j["refused"][0]["kind"], "full");
    auto list = cli({"booking", "list", "--date", day, "--json"}).json();
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[1]["notes"], "車いす, 付き添い");
    EXPECT_EQ(list[1]["lang"], "en");
    EXPECT_EQ(list[1]["applicant"], "proxy");
    EXPECT_EQ(list[1]["source"], "import");
    EXPECT_EQ(list[1]["external_id"], "W-2");
    // The same file again changes nothing.
    auto again = cli({"booking", "import", file("day.csv", serviceFile()), "--json"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(again.json()["added"], 0);
    EXPECT_EQ(again.json()["unchanged"], 3);
    EXPECT_EQ(cli({"booking", "list", "--date", day, "--json"}).json().size(), 3u);
}

TEST_F(CliBookingFiles, ImportsShiftJisAndUtf8WithBomTheSame)
{
    auto sjis = cli({"booking", "import", file("sjis.csv", toShiftJis(serviceFile())), "--json"});
    ASSERT_EQ(sjis.exitCode, 0) << sjis.err;
    EXPECT_EQ(sjis.json()["encoding"], "Shift_JIS (CP932)");
    EXPECT_EQ(sjis.json()["added"], 3);
    auto names = cli({"booking", "list", "--date", day, "--json"}).json();
    EXPECT_EQ(names[1]["name"], "髙橋 花子"); // CP932's 髙 (an IBM extension) came through
    auto bom = cli({"booking", "import", file("bom.csv", "\xEF\xBB\xBF" + serviceFile()), "--json"});
    ASSERT_EQ(bom.exitCode, 0) << bom.err;
    EXPECT_EQ(bom.json()["encoding"], "UTF-8 (BOM)");
    EXPECT_EQ(bom.json()["unchanged"], 3); // the same bookings, whatever the encoding
}

TEST_F(CliBookingFiles, ABadLineInEitherEncodingImportsNothingAndNamesItsLine)
{
    std::string bad = serviceFile() + "W-5," + day + ",10:30,瞬間移動,田中 三郎,タナカ サブロウ,,,,,\r\n" + "W-6," +
                      day + ",31:00,pin-reset,田中 四郎,タナカ シロウ,,,,,\r\n";
    for (const auto& [name, bytes] :
         std::vector<std::pair<std::string, std::string>>{{"bad.csv", bad}, {"bad-sjis.csv", toShiftJis(bad)}}) {
        auto r = cli({"booking", "import", file(name, bytes), "--json"});
        EXPECT_EQ(r.exitCode, 2) << name;
        EXPECT_NE(r.err.find("line 6"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("nothing imported"), std::string::npos) << r.err;
        auto j = r.json();
        ASSERT_EQ(j["refused"].size(), 2u);
        EXPECT_EQ(j["refused"][0]["line"], 6);
        EXPECT_EQ(j["refused"][1]["line"], 7);
        EXPECT_EQ(j["refused"][0]["kind"], "bad-line");
        EXPECT_EQ(j["added"], 0);
    }
    // A Shift_JIS line cut in the middle of a character.
    std::string broken = toShiftJis(serviceFile()) + "W-7," + day + ",11:00,pin-reset,\x93\r\n";
    auto r = cli({"booking", "import", file("broken.csv", broken)});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("line 6"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Shift_JIS"), std::string::npos) << r.err;
    EXPECT_EQ(cli({"booking", "list", "--date", day, "--json"}).json().size(), 0u);
}

TEST_F(CliBookingFiles, ExportIsUtf8WithBomAndReadsBack)
{
    cli({"booking", "import", file("day.csv", serviceFile())});
    std::string csv = (dir / "out.csv").string();
    auto r = cli({"booking", "export", "--date", day, "--csv", csv, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.json()["bookings"], 3);
    std::string bytes = readFile(csv);
    ASSERT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_NE(bytes.find("予約ID,予約日,開始時刻,手続き,氏名,フリガナ"), std::string::npos);
    EXPECT_NE(bytes.find("\"車いす, 付き添い\""), std::string::npos);
    EXPECT_NE(bytes.find("Y-000001"), std::string::npos);
    EXPECT_NE(bytes.find("\r\n"), std::string::npos);
    // The export reads back in as the same bookings (its extra columns passed over).
    auto back = cli({"booking", "import", csv, "--json"});
    ASSERT_EQ(back.exitCode, 0) << back.err;
    EXPECT_EQ(back.json()["unchanged"], 3);
    auto trail = cli({"audit", "list", "--json"}).out;
    EXPECT_NE(trail.find("booking.export"), std::string::npos);
    EXPECT_NE(trail.find("booking.import"), std::string::npos);
}

TEST_F(CliBookingFiles, SlipInJapaneseAndEnglishReadsBack)
{
    auto b = cli({"booking", "add", "--procedure", "pin-reset", "--at", day + "T10:00", "--name", "山田 太郎", "--kana",
                  "ヤマダ タロウ", "--lang", "en", "--json"});
    ASSERT_EQ(b.exitCode, 0) << b.err;
    std::string ja = (dir / "ja.pdf").string(), en = (dir / "en.pdf").string();
    auto r = cli({"booking", "slip", "Y-000001", "--lang", "ja", "--pdf", ja, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.json()["pages"], 1);
    std::string text = pdfTextCompact(ja);
    for (const char* expected : {"予約票", "Y-000001", "令和", "10:00", "暗証番号の再設定", "0120-95-0178"})
        EXPECT_NE(text.find(compact(expected)), std::string::npos) << expected;
    // Without --lang, the booking's own language.
    ASSERT_EQ(cli({"booking", "slip", "1", "--pdf", en}).exitCode, 0);
    EXPECT_NE(pdfTextCompact(en).find("Appointmentslip"), std::string::npos);
    EXPECT_NE(cli({"audit", "list", "--json"}).out.find("booking.print"), std::string::npos);
    EXPECT_EQ(cli({"booking", "slip", "Y-000009", "--pdf", ja}).exitCode, 2);
    // With the office's own file the slip names its places (the rule book read with it).
    std::string kodaira = (dir / "kodaira.pdf").string();
    auto k = cli({"booking", "slip", "1", "--lang", "ja", "--pdf", kodaira, "--office",
                  MADOGUCHI_TEST_SOURCE_DIR "/../data/rules/offices/kodaira.json"});
    ASSERT_EQ(k.exitCode, 0) << k.err;
    EXPECT_NE(pdfTextCompact(kodaira).find(compact("東部出張所")), std::string::npos);
}

TEST_F(CliBookingFiles, TheDailyReportCountsTheDaysBookingsByProcedure)
{
    cli({"booking", "import", file("day.csv", serviceFile())}); // W-1, W-2, W-4 (W-3 does not fit)
    auto cancel = cli({"booking", "cancel", "Y-000002", "--reason", "本人から電話"});
    ASSERT_EQ(cancel.exitCode, 0) << cancel.err;
    auto r = cli({"report", "daily", "--date", day, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto b = r.json()["bookings"];
    // The day is ahead: nobody has come yet, and nobody is missed.
    EXPECT_EQ(b["total"]["booked"], 2);
    EXPECT_EQ(b["total"]["cancelled"], 1);
    EXPECT_EQ(b["total"]["to_come"], 2);
    EXPECT_EQ(b["total"]["missed"], 0);
    // A booking of two procedures counts under both.
    EXPECT_EQ(b["by_procedure"]["pin-reset"]["booked"], 2);
    EXPECT_EQ(b["by_procedure"]["cert-renewal"]["booked"], 1);
    EXPECT_EQ(b["by_procedure"]["cert-renewal"]["cancelled"], 1);
}
