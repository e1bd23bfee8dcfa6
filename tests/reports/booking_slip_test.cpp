// The booking slip read back with poppler: the booking number, the day in 西暦 and 和暦, the time,
// the place from the office data, what to bring from the rule book for the procedure and
// applicant, the loss hotline; in Japanese and English, inside the margins.
#include "core/common/data_paths.hpp"
#include "core/files/output_file.hpp"
#include "core/rules/rule_book.hpp"
#include "reports/booking_slip.hpp"
#include "tests/reports/pdf_reader.hpp"
#include "tests/reports/report_fixtures.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::bookings;
using namespace madoguchi::test;
using boost::gregorian::date;

namespace {

Booking sampleBooking(std::vector<Procedure> procedures = {Procedure::PinReset},
                      ApplicantType applicant = ApplicantType::Principal)
{
    Booking b;
    b.id = 7;
    b.number = "Y-000042";
    b.procedures = std::move(procedures);
    b.start = {date(2026, 12, 3), 10 * 60};
    b.minutes = OfficeCalendar::defaults().minutesFor(b.procedures);
    b.applicant = applicant;
    b.name = "山田 太郎";
    b.kana = "ヤマダ タロウ";
    b.phone = "090-1234-5678";
    return b;
}

reports::OfficeInfo office()
{
    reports::OfficeInfo o;
    o.nameJa = "小平市役所 市民課";
    o.nameEn = "Kodaira City Hall, Citizens Division";
    o.addressJa = "東京都小平市小川町2-1333";
    o.addressEn = "2-1333 Ogawa-cho, Kodaira, Tokyo";
    o.phone = "042-341-1211";
    return o;
}

const rules::RuleBook& book()
{
    static const rules::RuleBook b = rules::RuleBook::load(dataDirectory() / "rules");
    return b;
}

std::string slipText(const Booking& b, reports::Language l, TempDir& dir)
{
    auto doc = reports::renderBookingSlip(b, l, office(), reports::slipRulesFor(b, book()), OfficeCalendar::defaults(),
                                          date(2026, 12, 1));
    expectInside(doc, 0);
    auto path = dir / (b.number + (l == reports::Language::Ja ? "-ja.pdf" : "-en.pdf"));
    files::writeOutputFile(path, doc.pdf, files::Overwrite::No);
    return pdfTextCompact(path);
}

} // namespace

TEST(BookingSlip, JapaneseSlipHasTheNumberBothCalendarsThePlaceWhatToBringAndTheHotline)
{
    TempDir dir;
    Booking b = sampleBooking();
    std::string text = slipText(b, reports::Language::Ja, dir);
    for (const char* expected :
         {"予約票", "Y-000042", "2026年12月3日", "令和8年12月3日", "木曜日", "10:00〜10:15", "暗証番号の再設定",
          "山田太郎様", "ヤマダタロウ", "小平市役所市民課", "東京都小平市小川町2-1333", "お持ちいただくもの",
          "0120-95-0178", "042-341-1211", "30分過ぎても"})
        EXPECT_NE(text.find(compact(expected)), std::string::npos) << expected << "\n" << text;
    // What to bring is the rule book's answer for the procedure and applicant: the card itself.
    auto req = reports::slipRulesFor(b, book()).requirements;
    ASSERT_FALSE(req.documents.empty());
    for (const auto& d : req.documents)
        EXPECT_NE(text.find(compact(d.text.ja)), std::string::npos) << d.text.ja;
    EXPECT_NE(text.find(compact(req.whereToGo.ja)), std::string::npos) << req.whereToGo.ja;
}

TEST(BookingSlip, EnglishSlipAndAProxysPapers)
{
    TempDir dir;
    Booking b = sampleBooking({Procedure::PinReset, Procedure::CertRenewal}, ApplicantType::Proxy);
    b.language = BookingLanguage::En;
    EXPECT_EQ(reports::slipLanguage(b), reports::Language::En);
    std::string text = slipText(b, reports::Language::En, dir);
    for (const char* expected : {"Appointmentslip", "Y-000042", "3December2026", "Reiwa8", "Thursday", "10:00–10:35",
                                 "PINreset", "Proxy", "Whattobring", "0120-95-0178", "KodairaCityHall"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    // A proxy brings more than the principal: the rule book's answer differs, and the slip follows it.
    auto principal = reports::slipRulesFor(sampleBooking({Procedure::PinReset, Procedure::CertRenewal}), book());
    auto proxy = reports::slipRulesFor(b, book());
    EXPECT_NE(principal.requirements.documents.size() + principal.requirements.notes.size(),
              proxy.requirements.documents.size() + proxy.requirements.notes.size());
    for (const auto& d : proxy.requirements.documents)
        EXPECT_NE(text.find(compact(d.text.en)), std::string::npos) << d.text.en;
}

TEST(BookingSlip, NeverPrintsAPhoneOrNotesButTheOffices)
{
    TempDir dir;
    Booking b = sampleBooking();
    b.notes = "内線メモ: 車いす";
    std::string text = slipText(b, reports::Language::Ja, dir);
    EXPECT_EQ(text.find("090-1234-5678"), std::string::npos);
    EXPECT_EQ(text.find(compact("内線メモ")), std::string::npos);
}
