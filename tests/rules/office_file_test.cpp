// An office's own rule file beside the national data: Kodaira's shipped example answers with its
// places, hours and reservations; an office file overrides only what it names; the former
// office.json is still an office file; every fault names the file, the entry and what is wrong.
#include "core/common/data_paths.hpp"
#include "core/common/errors.hpp"
#include "core/rules/office_file.hpp"
#include "core/rules/rule_book.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::rules;
using boost::gregorian::date;

namespace {

const std::filesystem::path kKodaira = dataDirectory() / "rules" / "offices" / "kodaira.json";

const RuleBook& kodaira()
{
    static RuleBook book = RuleBook::load(dataDirectory() / "rules", kKodaira);
    return book;
}
const RuleBook& national()
{
    static RuleBook book = RuleBook::load(dataDirectory() / "rules");
    return book;
}

const OfficePlace* placeOf(const Requirements& r, const std::string& id)
{
    for (const auto& p : r.places)
        if (p.id == id)
            return &p;
    return nullptr;
}

} // namespace

TEST(OfficeFile, KodairaPinResetAtThreePlacesWithReservationsSinceApril2024)
{
    // Kodaira City, 「マイナンバーカードの暗証番号の再設定について」: 市民課, 東部出張所, 西部出張所;
    // from 2024-04 a reservation outside the weekday 市民課; 市民課 also on Saturday mornings.
    auto r = kodaira().requirementsFor(Procedure::PinReset, ApplicantType::Principal, {}, date(2026, 12, 1));
    ASSERT_EQ(r.places.size(), 3u);
    const OfficePlace* shiminka = placeOf(r, "shiminka");
    const OfficePlace* tobu = placeOf(r, "tobu");
    const OfficePlace* seibu = placeOf(r, "seibu");
    ASSERT_TRUE(shiminka && tobu && seibu);
    EXPECT_EQ(shiminka->name.ja, "市民課（小平市役所1階）");
    ASSERT_EQ(shiminka->hours.size(), 2u);
    EXPECT_EQ(shiminka->hours[0].ja, "月〜金 8:30〜17:00");
    EXPECT_EQ(shiminka->hours[1].ja, "土 8:30〜12:15（祝日を除く）");
    EXPECT_EQ(shiminka->hours[1].en, "Sat 8:30–12:15 (except holidays)");
    ASSERT_TRUE(tobu->reservation && seibu->reservation && shiminka->reservation);
    EXPECT_NE(tobu->reservation->ja.find("予約が必要"), std::string::npos);
    EXPECT_NE(shiminka->reservation->ja.find("土曜日は予約が必要"), std::string::npos);
    EXPECT_TRUE(tobu->from.office);
    EXPECT_EQ(tobu->from.file, "kodaira.json");
    EXPECT_EQ(tobu->from.effectiveFrom, date(2024, 4, 1));
    EXPECT_NE(tobu->from.source.find("暗証番号の再設定"), std::string::npos);
    // Before April 2024: the same places, no reservation.
    auto before = kodaira().requirementsFor(Procedure::PinReset, ApplicantType::Principal, {}, date(2024, 3, 31));
    ASSERT_EQ(before.places.size(), 3u);
    for (const auto& p : before.places)
        EXPECT_FALSE(p.reservation) << p.id;
    // Where to go says the office's words, and where they come from.
    EXPECT_NE(r.whereToGo.ja.find("東部出張所"), std::string::npos);
    EXPECT_TRUE(r.whereFrom.office);
}

TEST(OfficeFile, OverridesOnlyWhatItNamesAndTheNationalDataStays)
{
    for (const auto& p : allProcedures())
        for (ApplicantType a : allApplicantTypes()) {
            if (p.procedure == Procedure::ExpressReissue || p.procedure == Procedure::FaceAuthChange)
                continue;
            SCOPED_TRACE(std::string(p.id) + "/" + std::string(applicantId(a)));
            auto n = national().requirementsFor(p.procedure, a, {std::nullopt, true}, date(2026, 12, 1));
            auto k = kodaira().requirementsFor(p.procedure, a, {std::nullopt, true}, date(2026, 12, 1));
            // The same documents and fees as the national rules...
            ASSERT_EQ(n.documents.size(), k.documents.size());
            for (std::size_t i = 0; i < n.documents.size(); ++i) {
                EXPECT_EQ(n.documents[i].id, k.documents[i].id);
                EXPECT_FALSE(k.documents[i].from.office);
            }
            EXPECT_EQ(n.totalYen(), k.totalYen());
            EXPECT_EQ(n.refused(), k.refused());
            // ...and only where to go is the office's.
            EXPECT_TRUE(k.whereFrom.office);
            EXPECT_FALSE(n.whereFrom.office);
            EXPECT_TRUE(n.places.empty());
        }
    ASSERT_TRUE(kodaira().office());
    EXPECT_EQ(kodaira().office()->id, "kodaira");
    EXPECT_EQ(kodaira().office()->nameJa, "小平市役所 市民課");
    EXPECT_FALSE(national().office());
}

class OfficeFiles : public ::testing::Test {
protected:
    test::TempDir dir;
    std::filesystem::path write(const std::string& text)
    {
        auto path = dir / "myoffice.json";
        std::ofstream(path) << text;
        return path;
    }
    static std::string office(const std::string& more)
    {
        return R"({"format": 1, "office": "test", "source": "the city's page",
                   "places": {"main": {"name": {"ja": "本庁", "en": "Main"},
                              "hours": [{"days": ["mon", "tue", "wed", "thu", "fri"], "open": "08:30", "close": "17:15"}]}})" +
               more + "}";
    }
    void refused(const std::string& text, const std::string& entry, const std::string& fault)
    {
        auto path = write(text);
        try {
            RuleBook::load(dataDirectory() / "rules", path);
            ADD_FAILURE() << "loaded";
        } catch (const RuleFileError& e) {
            std::string m = e.what();
            EXPECT_EQ(e.file(), "myoffice.json") << m;
            EXPECT_EQ(e.entry(), entry) << m;
            EXPECT_NE(m.find("myoffice.json"), std::string::npos) << m;
            EXPECT_NE(m.find(fault), std::string::npos) << m;
        }
    }
};

TEST_F(OfficeFiles, AnExtraDocumentAndNoteOfTheOffice)
{
    auto path =
        write(office(R"(, "documents": {"city-form": {"ja": "申請書（窓口でお渡しします）", "en": "The city's form"}},
        "entries": [{"id": "test-form", "procedures": ["pin-reset"], "effective_from": "2020-01-01", "source": "the form page",
                     "documents": [{"id": "form", "item": "city-form"}], "places": [{"place": "main"}],
                     "notes": [{"ja": "本庁のみ", "en": "Main office only"}]}])"));
    auto book = RuleBook::load(dataDirectory() / "rules", path);
    auto r = book.requirementsFor(Procedure::PinReset, ApplicantType::Principal, {}, date(2026, 12, 1));
    auto form = std::find_if(r.documents.begin(), r.documents.end(), [](const auto& d) { return d.id == "form"; });
    ASSERT_NE(form, r.documents.end());
    EXPECT_TRUE(form->from.office);
    EXPECT_EQ(form->from.source, "the form page");
    EXPECT_TRUE(std::any_of(r.documents.begin(), r.documents.end(), [](const auto& d) { return d.id == "card"; }));
    ASSERT_EQ(r.places.size(), 1u);
    EXPECT_EQ(r.places[0].hours[0].ja, "月〜金 8:30〜17:15");
    // Where to go stays the national one: the office did not name it.
    EXPECT_FALSE(r.whereFrom.office);
}

TEST_F(OfficeFiles, TheFormerOfficeJsonIsStillAnOfficeFile)
{
    auto path = write(R"({"name_ja": "○○市役所", "name_en": "X City Hall", "phone": "000-000-0000"})");
    auto file = readOfficeFile(path);
    EXPECT_EQ(file.nameJa, "○○市役所");
    EXPECT_FALSE(file.hasRules());
    auto book = RuleBook::load(dataDirectory() / "rules", path);
    EXPECT_NO_THROW(book.requirementsFor(Procedure::Reissue, ApplicantType::Principal, {}, date(2026, 12, 1)));
}

TEST_F(OfficeFiles, TheBookingCalendarRidesInTheSameFile)
{
    auto path = write(office(R"(, "appointments": {"slots": []})"));
    EXPECT_TRUE(readOfficeFile(path).appointments.is_object());
    EXPECT_TRUE(readOfficeFile(write(office(""))).appointments.is_null());
    refused(office(R"(, "appointments": 3)"), "", "\"appointments\" must be an object or the name of a file");
}

TEST_F(OfficeFiles, FaultsNameTheFileTheEntryAndTheFault)
{
    refused(R"({"nmae_ja": "x"})", "", "unknown field \"nmae_ja\"");
    refused(R"({"name_ja": 3})", "", "\"name_ja\" must be a string");
    refused(R"({"office": "x", "source": "s", "entries": []})", "", "\"format\": 1 is required");
    refused("{\"format\": 1,\n \"office\": \"x\",,\n}", "", "myoffice.json line 2: not valid JSON");
    refused(R"({"format": 1, "office": "x", "source": "s",
                "places": {"main": {"name": {"ja": "本庁", "en": "Main"}, "hours": [{"days": ["mon"], "open": "8:30", "close": "17:00"}]}}})",
            "places.main", "times HH:MM");
    refused(R"({"format": 1, "office": "x", "source": "s",
                "places": {"main": {"name": {"ja": "本庁", "en": "Main"}, "hours": [{"days": ["mon"], "open": "17:00", "close": "08:30"}]}}})",
            "places.main", "closes (08:30) before it opens (17:00)");
    refused(R"({"format": 1, "office": "x", "source": "s",
                "places": {"main": {"name": {"ja": "本庁", "en": "Main"}, "hours": [{"days": ["monday"], "open": "08:30", "close": "17:00"}]}}})",
            "places.main", "unknown day \"monday\"");
    refused(
        office(
            R"(, "entries": [{"id": "x", "effective_from": "2020-01-01", "source": "s", "places": [{"place": "annex"}]}])"),
        "x", "unknown place \"annex\"");
    refused(
        office(
            R"(, "entries": [{"id": "reissue", "effective_from": "2020-01-01", "source": "s", "where": {"ja": "x", "en": "y"}}])"),
        "reissue", "has the id of a national entry");
    refused(
        office(
            R"(, "entries": [{"id": "x", "effective_from": "2020-02-30", "source": "s", "where": {"ja": "x", "en": "y"}}])"),
        "x", "effective_from \"2020-02-30\" is not a date");
    refused(
        office(
            R"(, "entries": [{"id": "x", "procedures": ["pin-rest"], "effective_from": "2020-01-01", "source": "s", "where": {"ja": "x", "en": "y"}}])"),
        "x", "unknown procedure \"pin-rest\"");
}

TEST_F(OfficeFiles, AFaultNamesTheLineWhereItsEntryOrPlaceStarts)
{
    // Whoever edits the file is sent to the line: the entry's "id", or the place's key.
    std::string text = "{\"format\": 1, \"office\": \"test\", \"source\": \"s\",\n"
                       " \"places\": {\n"
                       "  \"main\": {\"name\": {\"ja\": \"本庁\", \"en\": \"Main\"},\n"
                       "           \"hours\": [{\"days\": [\"mon\"], \"open\": \"08:30\", \"close\": \"17:00\"}]},\n"
                       "  \"annex\": {\"name\": {\"ja\": \"別館\", \"en\": \"Annex\"},\n"
                       "           \"hours\": [{\"days\": [\"mon\"], \"open\": \"9:00\", \"close\": \"17:00\"}]}},\n"
                       " \"entries\": []}\n";
    refused(text, "places.annex", "myoffice.json line 5: entry \"places.annex\"");
    text = "{\"format\": 1, \"office\": \"test\", \"source\": \"s\",\n"
           " \"entries\": [\n"
           "  {\"id\": \"fine\", \"effective_from\": \"2020-01-01\", \"source\": \"s\", \"where\": {\"ja\": \"x\", "
           "\"en\": \"y\"}},\n"
           "  {\n"
           "   \"id\" : \"broken\",\n"
           "   \"effective_from\": \"2020-13-01\", \"source\": \"s\", \"where\": {\"ja\": \"x\", \"en\": \"y\"}}]}\n";
    refused(text, "broken", "myoffice.json line 5: entry \"broken\": effective_from \"2020-13-01\" is not a date");
}
