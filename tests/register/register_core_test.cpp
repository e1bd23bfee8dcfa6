// The register's file format, the cards the counter's cases tell it, and the forecast counted
// against the deadline engine itself on a generated register: every card counted once, in the
// month (and week) the engine gives.
#include "core/common/errors.hpp"
#include "core/register/cards_from_cases.hpp"
#include "core/register/forecast.hpp"
#include "core/register/register_csv.hpp"
#include "core/rules/deadlines.hpp"
#include "tests/register/generated_register.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

using namespace madoguchi;
using boost::gregorian::date;

namespace {

std::string fixture(const std::string& name)
{
    std::ifstream in(std::string(MADOGUCHI_TEST_SOURCE_DIR) + "/register/data/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    EXPECT_FALSE(s.str().empty()) << name;
    return s.str();
}

std::string errorOf(const std::string& csv)
{
    try {
        parseRegisterCsv(csv);
    } catch (const ValidationError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(RegisterCsv, ReadsTheDocumentedHeaderWithEmptyOptionalFields)
{
    auto cards = parseRegisterCsv("record_id,birth,card_issued,cert_issued,stay_until\n"
                                  "R1,1980-04-02,2016-03-01,,\n"
                                  "R2,1990-12-31,2017-01-10,2021-12-01,\r\n"
                                  "R3,1995-06-15,2020-05-20,,2027-09-30\n");
    ASSERT_EQ(cards.size(), 3u);
    EXPECT_EQ(cards[0].recordId, "R1");
    EXPECT_EQ(cards[0].birth, date(1980, 4, 2));
    EXPECT_EQ(cards[0].cardIssued, date(2016, 3, 1));
    EXPECT_FALSE(cards[0].certIssued);
    EXPECT_FALSE(cards[0].stayUntil);
    EXPECT_EQ(cards[1].certIssued, date(2021, 12, 1));
    EXPECT_EQ(cards[2].stayUntil, date(2027, 9, 30));
}

TEST(RegisterCsv, ReadsJapaneseHeadersInAnyOrderWithBom)
{
    auto cards =
        parseRegisterCsv("\xEF\xBB\xBF生年月日,レコードID,カード発行日,在留期間満了日,電子証明書発行日,顔認証\n"
                         "1980-04-02,R1,2016-03-01,,,はい\n");
    ASSERT_EQ(cards.size(), 1u);
    EXPECT_EQ(cards[0].recordId, "R1");
    EXPECT_EQ(cards[0].birth, date(1980, 4, 2));
    EXPECT_TRUE(cards[0].faceAuth);
    EXPECT_EQ(registerCsvEncoding("a"), "UTF-8");
}

TEST(RegisterCsv, ShiftJisFileIsConvertedWithIcu)
{
    const std::string bytes = fixture("register_sjis.csv");
    EXPECT_EQ(registerCsvEncoding(bytes), "Shift_JIS");
    auto cards = parseRegisterCsv(bytes);
    ASSERT_EQ(cards.size(), 3u);
    EXPECT_EQ(cards[0].recordId, "S-0001");
    EXPECT_EQ(cards[2].stayUntil, date(2028, 3, 31));
}

TEST(RegisterCsv, EveryBadLineIsNamedByItsNumberAndNothingIsKept)
{
    std::string e = errorOf("record_id,birth,card_issued,cert_issued,stay_until\n"
                            "R1,1980-04-02,2016-03-01,,\n"
                            "R2,1980-02-30,2016-03-01,,\n"  // no such day
                            "R3,2017-01-01,2016-03-01,,\n"  // born after the card
                            "R1,1980-04-02,2016-03-01,,\n"  // the same id again
                            "R 5,1980-04-02,2016-03-01,,\n" // a space in the id
                            "R6,1980-04-02,2016-03-01,2015-01-01,\n"
                            "R7,1980-04-02\n");
    EXPECT_NE(e.find("6 bad lines, nothing imported"), std::string::npos) << e;
    for (const char* where : {"line 3: ", "line 4: ", "line 5: ", "line 6: ", "line 7: ", "line 8: "})
        EXPECT_NE(e.find(where), std::string::npos) << where << " in " << e;
    EXPECT_EQ(e.find("line 2:"), std::string::npos) << e;
    EXPECT_NE(e.find("already on line 2"), std::string::npos) << e;
}

TEST(RegisterCsv, ABrokenShiftJisLineIsReportedByNumber)
{
    std::string bytes = fixture("register_sjis.csv");
    bytes += "S-0009,1970-01-01,2018-01-01,,\x82\n"; // a lead byte with no second byte
    std::string e = errorOf(bytes);
    EXPECT_NE(e.find("line 5: not valid Shift_JIS"), std::string::npos) << e;
}

TEST(RegisterCsv, AWrongHeaderIsRefused)
{
    EXPECT_NE(errorOf("id,birth,card_issued\nR1,1980-04-02,2016-03-01\n").find("unknown column \"id\""),
              std::string::npos);
    EXPECT_NE(errorOf("").find("empty"), std::string::npos);
    EXPECT_NE(errorOf("record_id,birth\n").find("no column card_issued"), std::string::npos);
}

// ---- the cases ----

namespace {

Case finished(Procedure p, const std::string& at, std::optional<date> stayUntil = std::nullopt)
{
    Case c;
    c.procedure = p;
    c.procedures = {{p, CaseStatus::Done}};
    c.resident.name = "山田 太郎";
    c.resident.kana = "ヤマダ タロウ";
    c.resident.birth = date(1980, 4, 2);
    c.resident.stayUntil = stayUntil;
    c.history = {{at.substr(0, 10) + "T09:00:00+09:00", "clerk", std::nullopt, CaseStatus::Received, "", std::nullopt},
                 {at, "clerk", CaseStatus::InProgress, CaseStatus::Done, "", p}};
    c.updatedAt = at;
    return c;
}

} // namespace

TEST(CardsFromCases, AReceiptMakesTheRecordAndALaterRenewalGivesItsCertificateDay)
{
    auto cert = finished(Procedure::CertRenewal, "2026-10-05T10:00:00+09:00");
    auto receipt = finished(Procedure::CardReceipt, "2021-03-01T10:00:00+09:00");
    // Given out of order: applied in the order the lines were finished.
    auto u = cardsFromCases({cert, receipt}, {});
    ASSERT_EQ(u.cards.size(), 1u);
    EXPECT_EQ(u.skipped, 0u);
    const IssuedCard& card = u.cards[0];
    EXPECT_EQ(card.recordId, caseRecordId(receipt.resident));
    EXPECT_EQ(card.recordId.rfind("case-", 0), 0u);
    EXPECT_EQ(card.recordId.find("山田"), std::string::npos);
    EXPECT_EQ(card.birth, date(1980, 4, 2));
    EXPECT_EQ(card.cardIssued, date(2021, 3, 1));
    EXPECT_EQ(card.certIssued, date(2026, 10, 5));
}

TEST(CardsFromCases, ACertificateRenewalOfAnUnknownCardIsSkipped)
{
    auto u = cardsFromCases({finished(Procedure::CertRenewal, "2026-10-05T10:00:00+09:00")}, {});
    EXPECT_TRUE(u.cards.empty());
    EXPECT_EQ(u.skipped, 1u);
    // A line not finished, or a procedure the register does not learn from, is not even looked at.
    auto open = finished(Procedure::CardReceipt, "2026-10-05T10:00:00+09:00");
    open.procedures[0].status = CaseStatus::InProgress;
    auto pin = finished(Procedure::PinReset, "2026-10-05T10:00:00+09:00");
    u = cardsFromCases({open, pin}, {});
    EXPECT_TRUE(u.cards.empty());
    EXPECT_EQ(u.skipped, 0u);
}

TEST(CardsFromCases, AStayExtensionBringsTheNewPeriodOfStay)
{
    auto receipt = finished(Procedure::CardReceipt, "2024-03-01T10:00:00+09:00", date(2025, 3, 31));
    auto known = cardsFromCases({receipt}, {}).cards;
    ASSERT_EQ(known.size(), 1u);
    auto ext = finished(Procedure::StayExtension, "2025-03-20T10:00:00+09:00", date(2028, 3, 31));
    auto u = cardsFromCases({ext}, {{known[0].recordId, known[0]}});
    ASSERT_EQ(u.cards.size(), 1u);
    EXPECT_EQ(u.cards[0].stayUntil, date(2028, 3, 31));
    EXPECT_EQ(u.cards[0].cardIssued, date(2024, 3, 1));
}

// ---- the forecast ----

namespace {

int monthIndex(const date& first, const date& d)
{
    return (d.year() - first.year()) * 12 + (d.month() - first.month());
}

} // namespace

TEST(Forecast, EveryCardIsCountedOnceInTheMonthTheEngineGives)
{
    const auto cards = test::generatedRegister(20000);
    const date first(2026, 12, 1);
    const Forecast f = computeForecast(cards, first, 24, std::nullopt);
    ASSERT_EQ(f.months.size(), 24u);
    EXPECT_EQ(f.months.front().label, "2026-12");
    EXPECT_EQ(f.months.back().label, "2028-11");
    EXPECT_EQ(f.last, date(2028, 11, 30));
    EXPECT_EQ(f.cards, cards.size());

    // The expected counts, card by card, straight from the engine.
    std::vector<ForecastCounts> expected(24);
    std::size_t inSpan = 0;
    auto put = [&](const std::optional<date>& d, int ForecastCounts::*field) {
        if (d && *d >= first && *d <= f.last) {
            ++(expected[static_cast<std::size_t>(monthIndex(first, *d))].*field);
            return true;
        }
        return false;
    };
    for (const auto& c : cards) {
        auto d = rules::computeDeadlines(deadlineInputFor(c, first));
        inSpan += put(d.cardRenewalOpens, &ForecastCounts::cardRenewals);
        put(d.certRenewalOpens, &ForecastCounts::certRenewals);
        put(d.cardExpiry, &ForecastCounts::cardExpiries);
        put(d.authCertExpiry, &ForecastCounts::certExpiries);
        if (d.boundToStay)
            put(d.cardExpiry, &ForecastCounts::stayEnds);
        put(d.healthInsuranceUntil, &ForecastCounts::healthInsuranceEnds);
    }
    // The 2016–2017 cards are in their renewal wave: a good share of the register.
    EXPECT_GT(inSpan, cards.size() / 10);
    for (std::size_t m = 0; m < 24; ++m)
        for (const auto& field : forecastFields())
            EXPECT_EQ(f.months[m].counts.*(field.count), expected[m].*(field.count))
                << f.months[m].label << " " << field.key;

    // The weeks hold the same cards as the months, each once.
    for (const auto& field : forecastFields()) {
        int byMonth = 0, byWeek = 0;
        for (const auto& m : f.months)
            byMonth += m.counts.*(field.count);
        for (const auto& w : f.weeks)
            byWeek += w.counts.*(field.count);
        EXPECT_EQ(byWeek, byMonth) << field.key;
    }
}

TEST(Forecast, ACardCountsInTheMonthAndWeekItsWindowOpens)
{
    // Issued 2018-06-10 to someone born 1980-09-15: the card ends on the 10th birthday after issue,
    // 2027-09-15; its window opens when less than 3 months remain — the engine says when.
    IssuedCard card{"R1", date(1980, 9, 15), date(2018, 6, 10), std::nullopt, std::nullopt, false};
    auto d = rules::computeDeadlines(deadlineInputFor(card, date(2026, 12, 1)));
    ASSERT_TRUE(d.cardRenewalOpens);
    EXPECT_EQ(d.cardExpiry, date(2027, 9, 15));
    const Forecast f = computeForecast({card}, date(2026, 12, 15), 24, std::nullopt);
    int months = 0;
    for (const auto& m : f.months) {
        if (m.counts.cardRenewals) {
            ++months;
            EXPECT_LE(m.first, *d.cardRenewalOpens);
            EXPECT_GE(m.last, *d.cardRenewalOpens);
        }
    }
    EXPECT_EQ(months, 1);
    for (const auto& w : f.weeks)
        if (w.counts.cardRenewals) {
            EXPECT_LE(w.first, *d.cardRenewalOpens);
            EXPECT_GE(w.last, *d.cardRenewalOpens);
            EXPECT_EQ(w.first.day_of_week().as_number() == 1 || w.first == f.first, true);
        }
}

TEST(Forecast, WeeksAboveCapacityAreFlaggedWithByHowMuch)
{
    const auto cards = test::generatedRegister(5000);
    const Forecast f = computeForecast(cards, date(2026, 12, 1), 12, WeeklyCapacity{10, 20});
    bool someOver = false;
    for (const auto& w : f.weeks) {
        ASSERT_TRUE(w.capacity && w.over);
        long days = (w.last - w.first).days() + 1;
        if (days == 7) {
            EXPECT_EQ(w.capacity->cardReceipt, 10);
            EXPECT_EQ(w.capacity->certRenewal, 20);
        }
        EXPECT_EQ(w.over->cardReceipt, std::max(0, w.counts.cardRenewals - w.capacity->cardReceipt));
        EXPECT_EQ(w.over->certRenewal, std::max(0, w.counts.certRenewals - w.capacity->certRenewal));
        someOver = someOver || w.overCapacity();
    }
    EXPECT_TRUE(someOver);
    // A 31-day month: 31/7 weeks of slots.
    EXPECT_EQ(f.months[0].capacity->cardReceipt, 44);
    EXPECT_FALSE(computeForecast(cards, date(2026, 12, 1), 1, std::nullopt).months[0].capacity);
    EXPECT_THROW(computeForecast(cards, date(2026, 12, 1), 0, std::nullopt), ValidationError);
}
