// madoguchi-cli register and forecast end to end, on a real SQLite file: imports in both encodings,
// bad lines, idempotent re-import, and the forecast's months checked against what
// `madoguchi-cli deadlines` answers for each record of the register.
#include "core/common/clock.hpp"
#include "tests/register/generated_register.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <sstream>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

std::string isoOrEmpty(const std::optional<boost::gregorian::date>& d)
{
    return d ? toIso(*d) : "";
}

} // namespace

class CliRegister : public ::testing::Test {
protected:
    TempDir dir;
    std::string db = (dir / "register.db").string();
    const std::vector<std::string> admin = cliUser("admin", "admin-pass-1");
    void SetUp() override
    {
        auto r = runCli({"--db", db, "user", "init-admin", "--name", "admin"}, "admin-pass-1\n");
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    ProcessResult cli(std::vector<std::string> args, const std::vector<std::string>& who = {})
    {
        args.insert(args.begin(), {"--db", db});
        return runCli(args, "", who.empty() ? admin : who);
    }
    std::string file(const std::string& name, const std::string& bytes)
    {
        auto p = dir / name;
        writeFile(p, bytes);
        return p.string();
    }
};

TEST_F(CliRegister, ImportsUtf8AndShiftJisAndAgainFindsThemUnchanged)
{
    auto sjis = std::string(MADOGUCHI_TEST_SOURCE_DIR) + "/register/data/register_sjis.csv";
    auto r = cli({"register", "import", sjis, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.json()["added"], 3);
    EXPECT_EQ(r.json()["unchanged"], 0);
    r = cli({"register", "import", sjis, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.json()["added"], 0);
    EXPECT_EQ(r.json()["unchanged"], 3);
    // The same records in UTF-8 with English headers, and one more.
    auto utf8 = file("u.csv", "record_id,birth,card_issued,cert_issued,stay_until\n"
                              "S-0001,1975-08-01,2016-02-10,,\n"
                              "S-0004,1960-10-10,2019-07-01,,\n");
    r = cli({"register", "import", utf8, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.json()["added"], 1);
    EXPECT_EQ(r.json()["unchanged"], 1);
    r = cli({"register", "import", utf8});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("2 records (UTF-8): 0 added, 0 updated, 2 unchanged"), std::string::npos) << r.out;
}

TEST_F(CliRegister, BadLinesAreReportedByNumberWithExit2AndNothingIsKept)
{
    auto bad = file("bad.csv", "record_id,birth,card_issued,cert_issued,stay_until\n"
                               "R1,1980-04-02,2016-03-01,,\n"
                               "R2,1980-13-01,2016-03-01,,\n");
    auto r = cli({"register", "import", bad, "--json"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("line 3: birth"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
    auto f = cli({"forecast", "--from", "2026-12", "--json"});
    ASSERT_EQ(f.exitCode, 0) << f.err;
    EXPECT_EQ(f.json()["cards"], 0);
    // A file that is not there, a clerk: refused.
    EXPECT_EQ(cli({"register", "import", (dir / "none.csv").string()}).exitCode, 2);
    auto add = runCli({"--db", db, "user", "add", "--name", "hanako", "--role", "clerk"}, "clerk-pass-1\n", admin);
    ASSERT_EQ(add.exitCode, 0) << add.err;
    auto good = file("good.csv", "record_id,birth,card_issued\nR1,1980-04-02,2016-03-01\n");
    EXPECT_EQ(cli({"register", "import", good}, cliUser("hanako", "clerk-pass-1")).exitCode, 7);
    EXPECT_EQ(cli({"forecast"}, cliUser("hanako", "clerk-pass-1")).exitCode, 7);
}

TEST_F(CliRegister, TheForecastCountsWhatTheDeadlinesCommandAnswersForEachRecord)
{
    const auto cards = generatedRegister(120, 7);
    std::string csv = "record_id,birth,card_issued,cert_issued,stay_until,face_auth\n";
    for (const auto& c : cards)
        csv += c.recordId + "," + toIso(c.birth) + "," + toIso(c.cardIssued) + "," + isoOrEmpty(c.certIssued) + "," +
               isoOrEmpty(c.stayUntil) + "," + (c.faceAuth ? "1" : "0") + "\n";
    auto r = cli({"register", "import", file("gen.csv", csv), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    ASSERT_EQ(r.json()["added"], 120);

    auto out = dir / "forecast.csv";
    auto f = cli({"forecast", "--from", "2026-12", "--months", "24", "--json", "--csv", out.string(),
                  "--card-receipt-slots", "1", "--cert-renewal-slots", "1"});
    ASSERT_EQ(f.exitCode, 0) << f.err;
    auto j = f.json();
    ASSERT_EQ(j["months"].size(), 24u);
    EXPECT_EQ(j["cards"], 120);

    // What `deadlines` says of each record, tallied by month.
    std::map<std::string, std::map<std::string, int>> expected; // month → key → count
    for (const auto& c : cards) {
        std::vector<std::string> args{"deadlines",         "--birth", toIso(c.birth), "--issued",
                                      toIso(c.cardIssued), "--today", "2026-12-01",   "--json"};
        if (c.certIssued)
            args.insert(args.end(), {"--cert-issued", toIso(*c.certIssued)});
        if (c.stayUntil)
            args.insert(args.end(), {"--stay-until", toIso(*c.stayUntil)});
        if (c.faceAuth)
            args.push_back("--face-auth");
        auto d = runCli(args);
        ASSERT_EQ(d.exitCode, 0) << d.err;
        auto dj = d.json();
        auto tally = [&](const char* dateKey, const char* key) {
            if (!dj[dateKey].is_string())
                return;
            std::string day = dj[dateKey];
            if (day >= "2026-12-01" && day <= "2028-11-30")
                ++expected[day.substr(0, 7)][key];
        };
        tally("card_renewal_opens", "card_renewals");
        tally("cert_renewal_opens", "cert_renewals");
        tally("card_expiry", "card_expiries");
        tally("auth_cert_expiry", "cert_expiries");
        tally("health_insurance_until", "health_insurance_ends");
        if (c.stayUntil && dj["card_renewal_opens"].is_null()) // a stay-bound card has no window
            tally("card_expiry", "stay_ends");
    }
    int renewals = 0;
    for (const auto& m : j["months"]) {
        const std::string month = m["month"];
        for (const char* key :
             {"card_renewals", "cert_renewals", "card_expiries", "cert_expiries", "stay_ends", "health_insurance_ends"})
            EXPECT_EQ(m[key].get<int>(), expected[month][key]) << month << " " << key;
        renewals += m["card_renewals"].get<int>();
        ASSERT_TRUE(m["capacity"].is_object());
        EXPECT_EQ(m["over_capacity"]["card_receipt"].get<int>(),
                  std::max(0, m["card_renewals"].get<int>() - m["capacity"]["card_receipt"].get<int>()));
    }
    EXPECT_GT(renewals, 5);
    EXPECT_FALSE(j["weeks"].empty());

    // The CSV: BOM, the header, one row per month then per week.
    std::string text = readFile(out);
    ASSERT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u);
    EXPECT_NE(text.find("period,label,first,last,card_renewals,cert_renewals,card_expiries,cert_expiries,"
                        "stay_ends,health_insurance_ends,capacity_card_receipt,capacity_cert_renewal,"
                        "over_card_receipt,over_cert_renewal\r\n"),
              std::string::npos);
    EXPECT_NE(text.find("\r\nmonth,2026-12,2026-12-01,2026-12-31,"), std::string::npos);
    EXPECT_EQ(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')), 1 + 24 + j["weeks"].size());

    EXPECT_EQ(j["capacity_from"], "options");

    // Without the slot options the capacity is the booking calendar's usual week
    // (core/bookings/weekly_capacity.hpp): the shipped defaults hold 17 appointments a day of card
    // receipt (30 minutes) and of certificate renewal (20 minutes on the 15-minute grid) at each of
    // two windows, Monday to Friday: 170 a week each; December 2026 has 31 days: 170 × 31 / 7 = 753.
    f = cli({"forecast", "--from", "2026-12", "--months", "2", "--json"});
    ASSERT_EQ(f.exitCode, 0) << f.err;
    EXPECT_EQ(f.json()["capacity_from"], "booking calendar");
    EXPECT_EQ(f.json()["weekly_capacity"], nlohmann::json({{"card_receipt", 170}, {"cert_renewal", 170}}));
    EXPECT_EQ(f.json()["months"][0]["capacity"], nlohmann::json({{"card_receipt", 753}, {"cert_renewal", 753}}));
    // An office's own calendar (its office file's "appointments"): three renewal windows.
    auto office = file("office.json", R"({"name_ja": "小平市役所", "appointments": {"kinds": [
        {"id": "renewal", "name": {"ja": "更新", "en": "Renewals"}, "windows": 3, "procedures": ["cert-renewal"]},
        {"id": "other", "name": {"ja": "その他", "en": "Other"}, "windows": 1, "procedures": "rest"}]}})");
    f = cli({"forecast", "--from", "2026-12", "--months", "2", "--json", "--office", office});
    ASSERT_EQ(f.exitCode, 0) << f.err;
    EXPECT_EQ(f.json()["weekly_capacity"], nlohmann::json({{"card_receipt", 85}, {"cert_renewal", 255}}));
    // The calendar or the two options, not both; a calendar that is wrong is exit 2 with its key.
    EXPECT_EQ(cli({"forecast", "--office", office, "--card-receipt-slots", "1", "--cert-renewal-slots", "1"}).exitCode,
              2);
    auto bad = file("bad-office.json", R"({"appointments": {"slot_minutes": 1}})");
    auto r2 = cli({"forecast", "--office", bad});
    EXPECT_EQ(r2.exitCode, 2);
    EXPECT_NE(r2.err.find("slot_minutes"), std::string::npos) << r2.err;
    EXPECT_EQ(cli({"forecast", "--from", "2026-13"}).exitCode, 2);
    EXPECT_EQ(cli({"forecast", "--months", "0"}).exitCode, 2);
}
