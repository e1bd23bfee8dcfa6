// Texts in and out of madoguchi-cli: invalid UTF-8 and control characters are refused in every
// field (exit 2, one line naming the field, nothing stored), and what is printed carries no raw
// control character. Before issue 20, invalid UTF-8 in a name was stored (and shown as U+FFFD)
// with exit 0, and terminal escapes in names were stored and printed raw.
#include "book_dump.hpp"
#include "db/case_store.hpp"
#include "db/user_store.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;
namespace fs = std::filesystem;

class CliText : public ::testing::Test {
protected:
    TempDir dir;
    fs::path book = dir / "m.db";
    void SetUp() override
    {
        auto store = db::openStore(book.string());
        store->users().createFirstAdmin("admin", "admin-pass-1");
    }
    ProcessResult cli(std::vector<std::string> args, const std::string& input = "")
    {
        args.insert(args.begin(), {"--db", book.string()});
        return runCli(args, input, cliUser("admin", "admin-pass-1"));
    }
    std::vector<std::string> add(const std::string& field, const std::string& value)
    {
        std::vector<std::string> a{"case",      "add",    "--procedure",   "reissue", "--name",
                                   "山田 太郎", "--kana", "ヤマダ タロウ", "--birth", "1970-05-20"};
        for (std::size_t i = 0; i + 1 < a.size(); ++i)
            if (a[i] == "--" + field) {
                a[i + 1] = value;
                return a;
            }
        a.push_back("--" + field);
        a.push_back(value);
        return a;
    }
};

TEST_F(CliText, BadTextInAnyFieldOfANewCaseIsRefusedNamingTheField)
{
    const std::string before = caseBookDump(book);
    const std::vector<std::string> bad{"\x1b[2J\x1b[31m山田", std::string("山田\xff\xfe"), "a\rb",
                                       "\xc2\x9b"
                                       "0m",
                                       "\xe2\x80\xae"
                                       "ウダマヤ"};
    const std::vector<std::pair<std::string, std::string>> fields{{"name", "name"},
                                                                  {"kana", "kana"},
                                                                  {"address", "address"},
                                                                  {"proxy-name", "proxy-name"},
                                                                  {"proxy-relation", "proxy-relation"},
                                                                  {"window", "window"},
                                                                  {"clerk", "clerk"},
                                                                  {"document", "documents[1]"},
                                                                  {"notes", "notes"}};
    for (const auto& [option, field] : fields)
        for (const auto& value : bad) {
            auto r = cli(add(option, value));
            EXPECT_EQ(r.exitCode, 2) << option << ": " << r.err;
            EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
            EXPECT_NE(r.err.find(field + ": "), std::string::npos) << option << ": " << r.err;
            EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << "the message repeats the escape";
            EXPECT_EQ(caseBookDump(book), before) << option;
        }
}

TEST_F(CliText, BadTextInReasonsSearchesAndUserNamesIsRefused)
{
    auto made = cli(add("name", "山田 太郎"));
    ASSERT_EQ(made.exitCode, 0) << made.err;
    const std::string before = caseBookDump(book);
    for (std::vector<std::string> args : {
             std::vector<std::string>{"case", "status", "1", "waiting", "--reason", "照会書\x1b]0;pwned\x07"},
             {"case", "status", "1", "waiting", "--reason", "\xff"},
             {"case", "list", "--search", "山\xff"},
             {"case", "list", "--search", "\x1b[A"},
             {"case", "list", "--window", "\x1b[A"},
         }) {
        auto r = cli(args);
        EXPECT_EQ(r.exitCode, 2) << args[1] << ": " << r.err;
        EXPECT_EQ(caseBookDump(book), before) << args[1];
    }
    for (const std::string& name : {std::string("hanako\xff"), std::string("hana\xc2\x9bko"),
                                    std::string("\xe2\x80\xae"
                                                "a")}) {
        auto r = cli({"user", "add", name, "--role", "clerk"}, "clerk-pass-1\n");
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_NE(r.err.find("user name"), std::string::npos) << r.err;
        EXPECT_EQ(caseBookDump(book), before);
    }
}

TEST_F(CliText, ATextStoredBeforeTheCheckIsPrintedEscaped)
{
    // A case book written by an older program may hold a name with an escape in it: the text and
    // JSON output show it as visible characters, never as a raw escape.
    {
        auto store = db::openStore(book.string());
        CaseDraft d;
        d.procedure = Procedure::Reissue;
        d.resident.name = "山田 太郎";
        d.resident.kana = "ヤマダ タロウ";
        d.resident.birth = boost::gregorian::date(1970, 5, 20);
        store->add(d, {"admin", Role::Admin});
    }
    {
        SQLite::Database raw(book.string(), SQLite::OPEN_READWRITE);
        raw.exec("UPDATE cases SET name = '山田' || char(27) || '[2J' || char(155) || '31m 太郎', "
                 "address = char(8238) || 'abc'");
    }
    for (std::vector<std::string> args : {std::vector<std::string>{"case", "show", "1"},
                                          {"case", "show", "1", "--json"},
                                          {"case", "list"},
                                          {"case", "list", "--json"}}) {
        auto r = cli(args);
        ASSERT_EQ(r.exitCode, 0) << r.err;
        EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
        EXPECT_EQ(r.out.find("\xc2\x9b"), std::string::npos) << r.out;
        EXPECT_EQ(r.out.find("\xe2\x80\xae"), std::string::npos) << r.out;
        EXPECT_NE(r.out.find("\\u001b[2J"), std::string::npos) << r.out;
        if (args.back() == "--json") {
            auto j = r.json();
            const auto& c = j.is_array() ? j[0] : j;
            EXPECT_EQ(c["name"].get<std::string>(), "山田\x1b[2J\xc2\x9b"
                                                    "31m 太郎"); // the same text, escaped
        }
    }
}

// `case add --input -`: the resident's data as a JSON object on standard input, so that it never
// stands on the command line, where `ps` shows it to every user (issue 20). The same checks as
// the options: a bad text, an unknown key, a wrong type or a broken JSON is exit 2 naming it, and
// nothing is stored.
TEST_F(CliText, ACaseGivenOnStandardInputIsStoredAsTheOptionsWouldStoreIt)
{
    const std::string json =
        R"({"procedure": ["pin-reset", "cert-renewal"], "name": "髙橋 﨑子", "kana": "タカハシ サキコ",
        "birth": "1985-01-02", "address": "市内1-2-3", "sex": "female", "applicant": "proxy",
        "proxy_name": "髙橋 一郎", "proxy_relation": "父", "window": "3", "foreign": true,
        "stay_until": "2030-01-31", "document": ["notice"], "fee": 200, "notes": "一行目\n二行目"})";
    auto r = cli({"case", "add", "--input", "-", "--json"}, json);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto c = r.json();
    EXPECT_EQ(c["name"], "髙橋 﨑子"); // the resident's characters exactly
    EXPECT_EQ(c["procedures"].size(), 2u);
    EXPECT_EQ(c["procedures"][1]["procedure"], "cert-renewal");
    EXPECT_EQ(c["address"], "市内1-2-3");
    EXPECT_EQ(c["applicant"], "proxy");
    EXPECT_EQ(c["proxy_name"], "髙橋 一郎");
    EXPECT_EQ(c["fee_yen"], 200);
    EXPECT_EQ(c["stay_until"], "2030-01-31");
    EXPECT_EQ(c["foreign_resident"], true);
    EXPECT_EQ(c["window"], "3");
    EXPECT_EQ(c["clerk"], "admin");
    EXPECT_EQ(c["notes"], "一行目\n二行目");
    auto shown = cli({"case", "show", std::to_string(c["id"].get<long long>()), "--json"});
    ASSERT_EQ(shown.exitCode, 0) << shown.err;
    EXPECT_EQ(shown.json()["name"], "髙橋 﨑子");
}

TEST_F(CliText, ABadCaseOnStandardInputIsRefusedNamingWhatIsWrong)
{
    const std::string before = caseBookDump(book);
    const std::string base = R"("procedure": "reissue", "kana": "ヤマダ タロウ", "birth": "1970-05-20")";
    const std::vector<std::pair<std::string, std::string>> bad{
        {"{" + base + R"(, "name": "山田\u001b[2J"})", "name: holds a control character"},
        {"{" + base + ", \"name\": \"山田\xff\"}", "--input: not a JSON object in UTF-8"},
        {"{" + base + R"(, "name": "山田", "nmae": "x"})", "unknown key \"nmae\""},
        {"{" + base + R"(, "name": 12})", "\"name\" must be a string"},
        {"{" + base + R"(, "name": "山田", "fee": "200"})", "\"fee\" must be a whole number"},
        {"{" + base + R"(, "name": "山田", "fee": -1})", "a fee cannot be negative"},
        {"{" + base + R"(, "name": "山田", "birth": "1970-02-30"})", "--input: \"birth\""},
        {"{" + base + "}", "\"name\" is required"},
        {R"(["reissue"])", "give one JSON object"},
        {"{" + base + R"(, "name": "山田")", "not a JSON object"},
        {"", "not a JSON object"},
    };
    for (const auto& [input, expected] : bad) {
        auto r = cli({"case", "add", "--input", "-"}, input);
        EXPECT_EQ(r.exitCode, 2) << input << ": " << r.err;
        EXPECT_NE(r.err.find(expected), std::string::npos) << input << ": " << r.err;
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
        EXPECT_EQ(r.err.find("山田"), std::string::npos) << "the refusal repeats the name: " << r.err;
    }
    auto mixed = cli({"case", "add", "--input", "-", "--name", "山田"}, "{" + base + R"(, "name": "山田"})");
    EXPECT_EQ(mixed.exitCode, 2) << mixed.err;
    EXPECT_NE(mixed.err.find("not also --name"), std::string::npos) << mixed.err;
    EXPECT_EQ(caseBookDump(book), before) << "a refusal changed the case book";
}
