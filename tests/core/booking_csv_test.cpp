// The booking service's file: the documented format in UTF-8 (with and without a BOM) and in
// Shift_JIS, broken lines reported by number, RFC 4180 quoting, a column-mapping file.
#include "core/bookings/booking_csv.hpp"
#include "core/common/errors.hpp"
#include "core/text/japanese_encoding.hpp"
#include "tests/support/temp_dir.hpp"

#include <fstream>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::bookings;
using boost::gregorian::date;

namespace {

const date kToday(2026, 12, 1);

const std::string kFile =
    "予約ID,予約日,開始時刻,手続き,氏名,フリガナ,生年月日,電話番号,申請者,言語,備考\r\n"
    "W-1,2026-12-03,10:00,暗証番号の再設定,山田 太郎,ヤマダ タロウ,1970-05-20,090-1234-5678,本人,ja,\r\n"
    "W-2,2026/12/3,9:15,pin-reset+cert-renewal,佐藤 花子,さとう はなこ,,03-1234-5678,代理人,en,"
    "\"お子さんと来庁, 車いす\"\r\n"
    "W-3,2026-12-04,13:30,カードの受け取り,髙橋 一郎,タカハシ イチロウ,1985/1/2,,legal-representative,日本語,"
    "\"二行の\r\n備考\"\r\n";

} // namespace

TEST(JapaneseEncoding, TellsUtf8BomAndShiftJisApartAndConvertsWithIcu)
{
    std::string text = "氏名,フリガナ\n髙橋 ①,タカハシ\n";
    DecodedText plain = decodeJapaneseText(text);
    EXPECT_EQ(plain.encoding, TextEncoding::Utf8);
    EXPECT_TRUE(plain.faults.empty());
    DecodedText bom = decodeJapaneseText("\xEF\xBB\xBF" + text);
    EXPECT_EQ(bom.encoding, TextEncoding::Utf8WithBom);
    EXPECT_EQ(bom.lines[0].text, "氏名,フリガナ");
    std::string sjis = toShiftJis(text);
    EXPECT_NE(sjis, text);
    DecodedText back = decodeJapaneseText(sjis);
    EXPECT_EQ(back.encoding, TextEncoding::ShiftJis);
    ASSERT_EQ(back.lines.size(), 2u);
    EXPECT_EQ(back.lines[1].text, "髙橋 ①,タカハシ"); // CP932's NEC/IBM extensions
}

TEST(JapaneseEncoding, ABrokenShiftJisLineIsAFaultOfThatLine)
{
    std::string sjis = toShiftJis("ヘッダ\n一行目\n") + "\x82\n" + toShiftJis("四行目\n");
    DecodedText t = decodeJapaneseText(sjis);
    EXPECT_EQ(t.encoding, TextEncoding::ShiftJis);
    ASSERT_EQ(t.faults.size(), 1u);
    EXPECT_EQ(t.faults[0].first, 3);
    EXPECT_NE(t.faults[0].second.find("Shift_JIS"), std::string::npos);
    EXPECT_EQ(t.lines.size(), 3u);
}

TEST(BookingFile, ReadsTheDocumentedFormat)
{
    BookingFile f = readBookingFile(kFile, standardMapping(), kToday);
    ASSERT_TRUE(f.faults.empty()) << f.faults[0].line << ": " << f.faults[0].reason;
    ASSERT_EQ(f.bookings.size(), 3u);
    const BookingDraft& a = f.bookings[0].draft;
    EXPECT_EQ(f.bookings[0].line, 2);
    EXPECT_EQ(a.externalId, "W-1");
    EXPECT_EQ(a.start, (StartTime{date(2026, 12, 3), 600}));
    EXPECT_EQ(a.procedures, std::vector<Procedure>{Procedure::PinReset});
    EXPECT_EQ(a.birth, date(1970, 5, 20));
    EXPECT_EQ(a.source, BookingSource::Import);
    const BookingDraft& b = f.bookings[1].draft;
    EXPECT_EQ(b.start.minute, 9 * 60 + 15);
    EXPECT_EQ(b.procedures, (std::vector<Procedure>{Procedure::PinReset, Procedure::CertRenewal}));
    EXPECT_EQ(b.applicant, ApplicantType::Proxy);
    EXPECT_EQ(b.language, BookingLanguage::En);
    EXPECT_EQ(b.notes, "お子さんと来庁, 車いす");
    EXPECT_FALSE(b.birth);
    const BookingDraft& c = f.bookings[2].draft;
    EXPECT_EQ(f.bookings[2].line, 4);
    EXPECT_EQ(c.notes, "二行の\n備考");
    EXPECT_EQ(c.applicant, ApplicantType::LegalRepresentative);
    EXPECT_EQ(c.birth, date(1985, 1, 2));
}

TEST(BookingFile, ReadsTheSameInEveryEncoding)
{
    auto same = [](const BookingFile& x, const BookingFile& y) {
        ASSERT_EQ(x.bookings.size(), y.bookings.size());
        for (std::size_t i = 0; i < x.bookings.size(); ++i) {
            EXPECT_EQ(x.bookings[i].draft.name, y.bookings[i].draft.name);
            EXPECT_EQ(x.bookings[i].draft.notes, y.bookings[i].draft.notes);
            EXPECT_EQ(x.bookings[i].line, y.bookings[i].line);
        }
    };
    BookingFile utf8 = readBookingFile(kFile, standardMapping(), kToday);
    BookingFile bom = readBookingFile("\xEF\xBB\xBF" + kFile, standardMapping(), kToday);
    BookingFile sjis = readBookingFile(toShiftJis(kFile), standardMapping(), kToday);
    EXPECT_EQ(bom.encoding, TextEncoding::Utf8WithBom);
    EXPECT_EQ(sjis.encoding, TextEncoding::ShiftJis);
    EXPECT_TRUE(sjis.faults.empty());
    same(utf8, bom);
    same(utf8, sjis);
}

TEST(BookingFile, EachBadLineIsReportedWithItsNumber)
{
    std::string bad = "予約ID,予約日,開始時刻,手続き,氏名,フリガナ\n"
                      "X-1,2026-12-03,10:00,暗証番号の再設定,山田 太郎,ヤマダ タロウ\n"
                      "X-2,2026-02-30,10:00,暗証番号の再設定,山田 次郎,ヤマダ ジロウ\n"
                      "X-3,2026-12-03,10:00,瞬間移動,山田 三郎,ヤマダ サブロウ\n"
                      "X-4,2026-12-03,10:00,pin-reset,山田 四郎,Yamada\n"
                      "X-1,2026-12-03,11:00,pin-reset,山田 五郎,ヤマダ ゴロウ\n"
                      "X-6,2026-12-03,10:00\n";
    BookingFile f = readBookingFile(bad, standardMapping(), kToday);
    ASSERT_EQ(f.faults.size(), 5u);
    EXPECT_EQ(f.faults[0].line, 3);
    EXPECT_NE(f.faults[0].reason.find("予約日"), std::string::npos);
    EXPECT_EQ(f.faults[1].line, 4);
    EXPECT_NE(f.faults[1].reason.find("瞬間移動"), std::string::npos);
    EXPECT_EQ(f.faults[2].line, 5);
    EXPECT_NE(f.faults[2].reason.find("kana"), std::string::npos);
    EXPECT_EQ(f.faults[3].line, 6);
    EXPECT_NE(f.faults[3].reason.find("twice"), std::string::npos);
    EXPECT_EQ(f.faults[4].line, 7);
}

TEST(BookingFile, ABrokenShiftJisLineAndAMissingColumnAreFaults)
{
    std::string sjis = toShiftJis("予約ID,予約日,開始時刻,手続き,氏名,フリガナ\r\n"
                                  "S-1,2026-12-03,10:00,暗証番号の再設定,山田 太郎,ヤマダ タロウ\r\n") +
                       "S-2,2026-12-03,10:15,\x83\r\n";
    BookingFile f = readBookingFile(sjis, standardMapping(), kToday);
    ASSERT_FALSE(f.faults.empty());
    EXPECT_EQ(f.faults[0].line, 3);
    BookingFile noKana = readBookingFile("予約ID,予約日,開始時刻,手続き,氏名\nA,2026-12-03,10:00,pin-reset,山田\n",
                                         standardMapping(), kToday);
    ASSERT_EQ(noKana.faults.size(), 1u);
    EXPECT_EQ(noKana.faults[0].line, 1);
    EXPECT_NE(noKana.faults[0].reason.find("フリガナ"), std::string::npos);
}

TEST(BookingFile, AnotherServicesColumnsThroughAMappingFile)
{
    test::TempDir dir;
    std::ofstream(dir / "mapping.json") << R"({"format": 1, "service": "いつでも予約", "encoding": "shift_jis",
      "columns": {"external_id": "受付番号", "start": "来庁日時", "procedure": "用件", "name": "お名前",
                  "kana": "フリガナ", "phone": "連絡先", "applicant": "来庁者"},
      "procedures": {"暗証番号": "pin-reset", "証明書更新": "cert-renewal"},
      "applicants": {"ご本人": "principal", "ご家族": "proxy"}})";
    ColumnMapping m = readColumnMapping(dir / "mapping.json");
    std::string file =
        toShiftJis("受付番号,来庁日時,用件,お名前,フリガナ,連絡先,来庁者,メモ欄\n"
                   "9001,2026/12/03 10:30,暗証番号+証明書更新,鈴木 一,スズキ ハジメ,0422-11-2222,ご家族,無視\n");
    BookingFile f = readBookingFile(file, m, kToday);
    ASSERT_TRUE(f.faults.empty()) << f.faults[0].reason;
    ASSERT_EQ(f.bookings.size(), 1u);
    const BookingDraft& d = f.bookings[0].draft;
    EXPECT_EQ(d.externalId, "9001");
    EXPECT_EQ(d.start, (StartTime{date(2026, 12, 3), 630}));
    EXPECT_EQ(d.procedures, (std::vector<Procedure>{Procedure::PinReset, Procedure::CertRenewal}));
    EXPECT_EQ(d.applicant, ApplicantType::Proxy);
    std::ofstream(dir / "bad.json") << R"({"format": 1, "columns": {"surname": "姓"}})";
    EXPECT_THROW(readColumnMapping(dir / "bad.json"), ValidationError);
}
