// The booking calendar: the Cabinet Office's holiday list against the law's rules, the shipped
// defaults, an office's own section, capacity at its edges, and late/missed.
#include "core/bookings/booking_rules.hpp"
#include "core/bookings/booking_texts.hpp"
#include "core/bookings/capacity.hpp"
#include "core/bookings/holiday_list.hpp"
#include "core/bookings/office_calendar.hpp"
#include "core/bookings/weekly_capacity.hpp"
#include "core/common/clock.hpp"
#include "core/common/data_paths.hpp"
#include "core/rules/office_file.hpp"
#include "core/rules/open_days.hpp"
#include "core/text/japanese_encoding.hpp"
#include "tests/support/temp_dir.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

using namespace madoguchi;
using namespace madoguchi::bookings;
using boost::gregorian::date;
using boost::gregorian::days;

namespace {

using test::readFile;
void write(const std::filesystem::path& p, const std::string& bytes)
{
    test::writeFile(p, bytes);
}

OfficeCalendar calendarFrom(const std::string& section)
{
    return OfficeCalendar::read(nlohmann::json::parse(section), "office.json", OfficeCalendar::defaults());
}

} // namespace

TEST(HolidayList, ShipsTheCabinetOfficeListFrom2016ToItsLatestYear)
{
    const HolidayList& list = HolidayList::shipped();
    EXPECT_EQ(list.firstYear(), 2016);
    EXPECT_GE(list.lastYear(), 2027);
    EXPECT_EQ(list.nameOf(date(2027, 3, 22)), "休日"); // 春分の日 on a Sunday: 振替休日
    EXPECT_EQ(list.nameOf(date(2019, 5, 1)), "休日（祝日扱い）");
    EXPECT_EQ(list.nameOf(date(2020, 7, 24)), "スポーツの日");
    EXPECT_EQ(list.nameOf(date(2026, 9, 22)), "休日"); // 国民の休日 between 敬老の日 and 秋分の日
    EXPECT_FALSE(list.nameOf(date(2026, 12, 29)));     // the year end is no national holiday
}

TEST(HolidayList, AgreesWithTheLawsRulesOnEveryDayItCovers)
{
    // Two sources, one answer: the published list and the law as core/rules/open_days computes it.
    const HolidayList& list = HolidayList::shipped();
    int holidays = 0;
    for (date d(list.firstYear(), 1, 1); d <= date(list.lastYear(), 12, 31); d += days(1)) {
        EXPECT_EQ(list.isHoliday(d), rules::isNationalHoliday(d)) << toIso(d);
        holidays += list.isHoliday(d);
    }
    EXPECT_EQ(static_cast<std::size_t>(holidays), list.size());
}

TEST(HolidayList, BeyondItsYearsTheLawDecides)
{
    const HolidayList& list = HolidayList::shipped();
    date newYear(list.lastYear() + 1, 1, 1);
    EXPECT_FALSE(list.covers(newYear.year()));
    EXPECT_TRUE(list.isHoliday(newYear));
    EXPECT_FALSE(list.isHoliday(newYear + days(1)));
}

TEST(HolidayList, TheShippedFileIsShiftJisAsTheCabinetOfficePublishesItAndReadsTheSameConverted)
{
    std::string published = readFile(dataDirectory() / "calendar" / "syukujitsu.csv");
    DecodedText text = decodeJapaneseText(published);
    EXPECT_EQ(text.encoding, TextEncoding::ShiftJis);
    ASSERT_TRUE(text.faults.empty());
    EXPECT_EQ(text.lines.front().text, "国民の祝日・休日月日,国民の祝日・休日名称");
    const HolidayList& shipped = HolidayList::shipped();
    EXPECT_EQ(shipped.nameOf(date(2026, 1, 1)), "元日");
    EXPECT_EQ(shipped.nameOf(date(2026, 9, 22)), "休日"); // 国民の休日 between 敬老の日 and 秋分の日
    // The same list converted to UTF-8 (as an administrator might save it) reads the same.
    test::TempDir dir;
    std::string utf8;
    for (const auto& l : text.lines)
        utf8 += l.text + "\r\n";
    write(dir / "syukujitsu.csv", utf8);
    EXPECT_EQ(HolidayList::load(dir / "syukujitsu.csv").days(), shipped.days());
}

TEST(HolidayList, RefusesALineThatIsNoHolidayAndAMissingYear)
{
    test::TempDir dir;
    write(dir / "a.csv", "国民の祝日・休日月日,国民の祝日・休日名称\n2026/1/1,元日\n2026/13/1,なし\n");
    try {
        HolidayList::load(dir / "a.csv");
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
    }
    write(dir / "b.csv", "h,h\n2025/1/1,元日\n2027/1/1,元日\n");
    EXPECT_THROW(HolidayList::load(dir / "b.csv"), ValidationError);
}

TEST(OfficeCalendar, DefaultsAreWeekdays0830To1715WithTwoWindows)
{
    const OfficeCalendar& c = OfficeCalendar::defaults();
    auto hours = c.hoursOn(date(2026, 12, 3)); // Thursday
    ASSERT_EQ(hours.size(), 1u);
    EXPECT_EQ(hours[0].open, 8 * 60 + 30);
    EXPECT_EQ(hours[0].close, 17 * 60 + 15);
    EXPECT_TRUE(c.hoursOn(date(2026, 12, 5)).empty());  // Saturday
    EXPECT_TRUE(c.hoursOn(date(2026, 11, 23)).empty()); // 勤労感謝の日 (Monday)
    ASSERT_TRUE(c.closedOn(date(2026, 11, 23)));
    EXPECT_EQ(c.closedOn(date(2026, 11, 23))->why, Closed::Why::NationalHoliday);
    for (date d :
         {date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 4) - days(1)})
        EXPECT_TRUE(c.hoursOn(d).empty()) << toIso(d);
    EXPECT_EQ(c.closedOn(date(2026, 12, 29))->why, Closed::Why::YearEnd); // a Tuesday
    EXPECT_FALSE(c.hoursOn(date(2027, 1, 4)).empty());                    // Monday after the year end
    EXPECT_EQ(c.kinds().size(), 1u);
    EXPECT_EQ(c.kindFor(Procedure::PinReset).windows, 2);
    EXPECT_EQ(c.minutesFor(Procedure::PinReset), 15);
    EXPECT_EQ(c.minutesFor(Procedure::CertRenewal), 20);
    EXPECT_EQ(c.minutesFor(Procedure::CardReceipt), 30);
    std::vector<Procedure> both{Procedure::PinReset, Procedure::CertRenewal};
    EXPECT_EQ(c.minutesFor(both), 35);
}

TEST(OfficeCalendar, AnOfficesSectionOverridesKeyByKey)
{
    OfficeCalendar c = calendarFrom(R"({
      "hours": [{"days": ["mon", "tue", "wed", "thu", "fri"], "open": "08:30", "close": "12:00"},
                {"days": ["mon", "tue", "wed", "thu", "fri"], "open": "13:00", "close": "17:00"}],
      "closures": [{"from": "2026-12-10", "until": "2026-12-11", "reason": {"ja": "システム更新", "en": "system update"}}],
      "openings": [{"date": "2026-12-05", "open": "09:00", "close": "12:00", "note": {"ja": "休日開庁", "en": "Saturday opening"}}],
      "kinds": [{"id": "issue", "name": {"ja": "交付", "en": "Issue"}, "windows": 3, "procedures": ["card-receipt", "reissue"]},
                {"id": "certs", "name": {"ja": "電子証明書", "en": "Certificates"}, "windows": 1, "procedures": "rest"}],
      "appointment_minutes": {"pin-reset": 10},
      "late_after_minutes": 5, "missed_after_minutes": 20})");
    EXPECT_EQ(c.hoursOn(date(2026, 12, 3)).size(), 2u);
    EXPECT_TRUE(c.hoursOn(date(2026, 12, 10)).empty());
    EXPECT_EQ(c.closedOn(date(2026, 12, 11))->text.ja, "システム更新");
    ASSERT_EQ(c.hoursOn(date(2026, 12, 5)).size(), 1u); // the Saturday opening
    EXPECT_EQ(c.kindFor(Procedure::CardReceipt).id, "issue");
    EXPECT_EQ(c.kindFor(Procedure::PinReset).id, "certs");
    EXPECT_EQ(c.kindFor(Procedure::PinReset).windows, 1);
    EXPECT_EQ(c.minutesFor(Procedure::PinReset), 10);
    EXPECT_EQ(c.minutesFor(Procedure::CertRenewal), 20); // kept from the defaults
    EXPECT_EQ(c.lateAfterMinutes(), 5);
}

TEST(OfficeCalendar, ASectionThatIsWrongIsRefusedNamingTheKey)
{
    auto refused = [](const std::string& section, const std::string& named) {
        try {
            calendarFrom(section);
            ADD_FAILURE() << section;
        } catch (const ValidationError& e) {
            EXPECT_NE(std::string(e.what()).find(named), std::string::npos) << e.what();
        }
    };
    refused(R"({"windows": 3})", "windows");
    refused(R"({"hours": [{"days": ["mon"], "open": "17:00", "close": "08:30"}]})", "before it opens");
    refused(R"({"hours": [{"days": ["monday"], "open": "08:30", "close": "17:00"}]})", "monday");
    refused(R"({"hours": [{"days": ["mon"], "open": "8:30", "close": "25:00"}]})", "25:00");
    refused(R"({"appointment_minutes": {"pin-reset": 0}})", "appointment_minutes.pin-reset");
    refused(R"({"appointment_minutes": {"teleport": 10}})", "teleport");
    refused(R"({"kinds": [{"id": "a", "name": {"ja": "a", "en": "a"}, "windows": 1, "procedures": ["pin-reset"]}]})",
            "card-receipt");
    refused(R"({"closures": [{"from": "2026-02-30", "reason": {"ja": "x", "en": "x"}}]})", "closures[0].from");
    refused(R"({"late_after_minutes": 40, "missed_after_minutes": 30})", "missed_after_minutes");
}

TEST(OfficeCalendar, AnOfficeFileHoldsTheSectionInlineOrNamesAFileBesideIt)
{
    test::TempDir dir;
    write(dir / "office.json",
          R"({"name_ja": "小平市役所", "appointments": {"appointment_minutes": {"pin-reset": 25}}})");
    EXPECT_EQ(OfficeCalendar::forOfficeFile(dir / "office.json").minutesFor(Procedure::PinReset), 25);
    write(dir / "office2.json", R"({"name_ja": "小平市役所", "appointments": "appointments.json"})");
    write(dir / "appointments.json", R"({"format": 1, "kinds": [{"id": "all", "name": {"ja": "窓口", "en": "Counter"},
        "windows": 5, "procedures": "rest"}]})");
    EXPECT_EQ(OfficeCalendar::forOfficeFile(dir / "office2.json").kindFor(Procedure::Reissue).windows, 5);
    // No file, or a file of the handout's keys only: the defaults.
    EXPECT_EQ(OfficeCalendar::forOfficeFile(dir / "missing.json").kindFor(Procedure::Reissue).windows, 2);
    write(dir / "office3.json", R"({"name_ja": "小平市役所"})");
    EXPECT_EQ(OfficeCalendar::forOfficeFile(dir / "office3.json").minutesFor(Procedure::PinReset), 15);
}

TEST(OfficeCalendar, TheOfficeFileIsReadByItsOneReaderAndItsFaultsNameTheFile)
{
    test::TempDir dir;
    // A key the office file does not know is refused by the office file's reader
    // (core/rules/office_file.hpp), not passed over by the calendar.
    write(dir / "office.json", R"({"name_ja": "小平市役所", "appointmnets": {}})");
    try {
        OfficeCalendar::forOfficeFile(dir / "office.json");
        ADD_FAILURE() << "a misspelt key was accepted";
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("office.json"), std::string::npos) << e.what();
    }
    // The shipped office file of Kodaira reads, with or without its own calendar.
    auto kodaira = dataDirectory() / "rules" / "offices" / "kodaira.json";
    EXPECT_NO_THROW(OfficeCalendar::forOfficeFile(kodaira));
    // The rule book's office, already read, gives the same section.
    write(dir / "office2.json", R"({"name_ja": "小平市役所", "appointments": {"slot_minutes": 10}})");
    EXPECT_EQ(OfficeCalendar::forOffice(rules::readOfficeFile(dir / "office2.json"), dir.path()).slotMinutes(), 10);
}

TEST(WeeklyCapacity, AUsualWeekHoldsBackToBackAppointmentsOnTheGridTimesTheWindows)
{
    // The defaults: 8:30–17:15 Monday to Friday, two windows, a 15-minute grid. Card receipt (30
    // minutes) starts 8:30, 9:00 … 16:30 (16:45 would end after 17:15): 17 a day. Certificate
    // renewal (20 minutes) waits for the grid too: 8:30, 9:00 … also 17 a day.
    const OfficeCalendar& c = OfficeCalendar::defaults();
    EXPECT_EQ(appointmentsPerWeek(c, Procedure::CardReceipt), 17 * 5 * 2);
    EXPECT_EQ(appointmentsPerWeek(c, Procedure::CertRenewal), 17 * 5 * 2);
    // PIN reset, 15 minutes: 8:30 … 17:00, 35 a day.
    EXPECT_EQ(appointmentsPerWeek(c, Procedure::PinReset), 35 * 5 * 2);

    // An office with its own kinds: three windows for renewals, a Saturday morning, a lunch break.
    auto office = OfficeCalendar::read(nlohmann::json::parse(R"({
        "hours": [{"days": ["mon", "tue", "wed", "thu", "fri"], "open": "09:00", "close": "12:00"},
                  {"days": ["mon", "tue", "wed", "thu", "fri"], "open": "13:00", "close": "17:00"},
                  {"days": ["sat"], "open": "09:00", "close": "12:00"}],
        "slot_minutes": 10,
        "kinds": [{"id": "renewal", "name": {"ja": "更新", "en": "Renewals"}, "windows": 3,
                   "procedures": ["cert-renewal"]},
                  {"id": "other", "name": {"ja": "その他", "en": "Other"}, "windows": 1, "procedures": "rest"}],
        "appointment_minutes": {"cert-renewal": 20, "card-receipt": 25}})"),
                                       "office.json", c);
    // 20 minutes on a 10-minute grid: 9 in the morning, 12 in the afternoon, 9 on Saturday.
    WeeklyCapacity w = weeklyCapacityOf(office);
    EXPECT_EQ(w.certRenewal, (9 + 12) * 5 * 3 + 9 * 3);
    // 25 minutes take 30 on the grid: 6 and 8 (16:30 ends at 16:55), 6 on Saturday; one window.
    EXPECT_EQ(w.cardReceipt, (6 + 8) * 5 + 6);
}

TEST(Capacity, TheLastWindowIsTakenAndThenTheSlotIsFull)
{
    const OfficeCalendar& c = OfficeCalendar::defaults();
    const KindOfWork& k = c.kindFor(Procedure::CardReceipt);
    date day(2026, 12, 3);
    StartTime ten{day, 600};
    std::vector<Appointment> book;
    EXPECT_EQ(fitAt(c, ten, k, 30, book).free, 2);
    book.push_back({1, k.id, 600, 30});
    EXPECT_EQ(fitAt(c, ten, k, 30, book).free, 1);
    book.push_back({2, k.id, 615, 15}); // overlaps the second half only
    Fit full = fitAt(c, ten, k, 30, book);
    EXPECT_EQ(full.misfit, Misfit::Full);
    EXPECT_EQ(fitAt(c, {day, 630}, k, 15, book).free, 2); // both end at 10:30: the windows are free again
    EXPECT_EQ(fitAt(c, {day, 570}, k, 30, book).free, 2); // ends at 10:00, as the first begins
    // Moving booking 2 need not find room beside itself.
    EXPECT_EQ(fitAt(c, {day, 615}, k, 15, book, BookingId{2}).free, 1);
}

TEST(Capacity, AnAppointmentEndsByClosingTimeAndNotOnAClosedDay)
{
    const OfficeCalendar& c = OfficeCalendar::defaults();
    const KindOfWork& k = c.kindFor(Procedure::CardReceipt);
    EXPECT_FALSE(fitAt(c, {date(2026, 12, 3), 16 * 60 + 45}, k, 30, {}).misfit); // 16:45–17:15
    EXPECT_EQ(fitAt(c, {date(2026, 12, 3), 17 * 60}, k, 30, {}).misfit, Misfit::OutsideHours);
    EXPECT_EQ(fitAt(c, {date(2026, 12, 3), 8 * 60}, k, 30, {}).misfit, Misfit::OutsideHours);
    EXPECT_EQ(fitAt(c, {date(2026, 12, 5), 600}, k, 30, {}).misfit, Misfit::Closed);
    EXPECT_EQ(fitAt(c, {date(2027, 1, 2), 600}, k, 30, {}).misfit, Misfit::Closed);
    // Over a lunch break is outside the hours.
    OfficeCalendar lunch = calendarFrom(R"({"hours": [{"days": ["thu"], "open": "08:30", "close": "12:00"},
        {"days": ["thu"], "open": "13:00", "close": "17:00"}]})");
    EXPECT_EQ(fitAt(lunch, {date(2026, 12, 3), 11 * 60 + 45}, k, 30, {}).misfit, Misfit::OutsideHours);
}

TEST(Capacity, SlotsFollowTheGridAndLeaveOutTheFullAndThePast)
{
    const OfficeCalendar& c = OfficeCalendar::defaults();
    const KindOfWork& k = c.kindFor(Procedure::PinReset);
    date day(2026, 12, 3);
    auto all = slotsOn(c, day, k, 15, {});
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(all.front().start.minute, 8 * 60 + 30);
    EXPECT_EQ(all.back().start.minute, 17 * 60); // 17:00–17:15
    EXPECT_EQ(all.size(), 35u);                  // 8:30 … 17:00 every 15 minutes
    std::vector<Appointment> book{{1, k.id, 510, 15}, {2, k.id, 510, 15}};
    auto free = slotsOn(c, day, k, 15, book);
    EXPECT_EQ(free.front().start.minute, 525);
    auto withFull = slotsOn(c, day, k, 15, book, 0, true);
    EXPECT_EQ(withFull.front().free, 0);
    EXPECT_EQ(slotsOn(c, day, k, 15, {}, 12 * 60 + 1).front().start.minute, 12 * 60 + 15);
}

TEST(Capacity, FillRateCountsBookedWindowMinutes)
{
    const OfficeCalendar& c = OfficeCalendar::defaults();
    date day(2026, 12, 3);
    std::vector<Appointment> book{{1, "counter", 510, 525}}; // one window the whole day
    DayFill f = fillOf(c, day, book);
    EXPECT_TRUE(f.open);
    EXPECT_EQ(f.capacityMinutes, 2 * 525);
    EXPECT_DOUBLE_EQ(f.rate(), 0.5);
    EXPECT_FALSE(fillOf(c, date(2026, 12, 5), {}).open);
}

TEST(BookingRules, LateThenMissedAfterTheOfficesMinutes)
{
    const OfficeCalendar& c = OfficeCalendar::defaults(); // late after 10, missed after 30
    Booking b;
    b.start = {date(2026, 12, 3), 600};
    EXPECT_FALSE(standingAt(b, {date(2026, 12, 3), 605}, c).late);
    Standing late = standingAt(b, {date(2026, 12, 3), 612}, c);
    EXPECT_TRUE(late.late);
    EXPECT_EQ(late.state, BookingState::Booked);
    EXPECT_EQ(late.minutesLate, 12);
    EXPECT_EQ(standingAt(b, {date(2026, 12, 3), 630}, c).state, BookingState::Missed);
    EXPECT_EQ(standingAt(b, {date(2026, 12, 4), 500}, c).state, BookingState::Missed);
    b.state = BookingState::Arrived;
    b.arrivedAt = "2026-12-03T10:14:00+09:00";
    Standing arrived = standingAt(b, {date(2026, 12, 3), 700}, c);
    EXPECT_EQ(arrived.state, BookingState::Arrived);
    EXPECT_TRUE(arrived.late);
    EXPECT_EQ(arrived.minutesLate, 14);
}

TEST(BookingRules, RoomIsRefusedWithTheReasonInBothLanguages)
{
    const OfficeCalendar& c = OfficeCalendar::defaults();
    std::vector<Procedure> pin{Procedure::PinReset};
    StartTime early{date(2026, 12, 1), 0};
    try {
        requireRoom(c, {date(2026, 12, 29), 600}, pin, {}, early);
        FAIL();
    } catch (const BookingRefused& e) {
        EXPECT_EQ(e.why(), BookingRefused::Why::Closed);
        EXPECT_NE(e.text().ja.find("年末年始"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("year-end"), std::string::npos);
    }
    std::vector<Appointment> full{{1, "counter", 600, 15}, {2, "counter", 600, 15}};
    try {
        requireRoom(c, {date(2026, 12, 3), 600}, pin, full, early);
        FAIL();
    } catch (const BookingRefused& e) {
        EXPECT_EQ(e.why(), BookingRefused::Why::Full);
        EXPECT_NE(e.text().ja.find("満席"), std::string::npos);
    }
    EXPECT_THROW(requireRoom(c, {date(2026, 12, 1), 600}, pin, {}, {date(2026, 12, 1), 601}), BookingRefused);
    EXPECT_NO_THROW(requireRoom(c, {date(2026, 12, 3), 615}, pin, full, early));
}

TEST(BookingRules, ADraftIsCheckedFieldByFieldAndHoldsNoMyNumber)
{
    BookingDraft d;
    d.procedures = {Procedure::PinReset};
    d.start = {date(2026, 12, 3), 600};
    d.name = "山田 太郎";
    d.kana = "ヤマダ タロウ";
    d.phone = "090-1234-5678";
    date today(2026, 12, 1);
    EXPECT_NO_THROW(validateDraft(d, today));
    auto refused = [&](BookingDraft bad, const std::string& field) {
        try {
            validateDraft(bad, today);
            ADD_FAILURE() << field;
        } catch (const ValidationError& e) {
            EXPECT_EQ(std::string(e.what()).rfind(field + ":", 0), 0u) << e.what();
        }
    };
    BookingDraft b = d;
    b.notes = "番号 1234 5678 9018"; // a valid My Number (docs/rules.md Part II)
    refused(b, "notes");
    b = d;
    b.kana = "Yamada";
    refused(b, "kana");
    b = d;
    b.name = "山田\x01太郎";
    refused(b, "name");
    b = d;
    b.name = "\xFF\xFE";
    refused(b, "name");
    b = d;
    b.phone = "090-abcd";
    refused(b, "phone");
    b = d;
    b.birth = date(2027, 1, 1);
    refused(b, "birth");
    b = d;
    b.procedures = {Procedure::PinReset, Procedure::PinReset};
    refused(b, "procedure");
    b = d;
    b.source = BookingSource::Import;
    refused(b, "external-id");
}

TEST(BookingTexts, EveryTextGoesThroughTheOneTextCheck)
{
    BookingDraft d;
    d.name = "山田 太郎";
    d.kana = "ヤマダ タロウ";
    d.phone = "+81 90 1234 5678"; // twelve digits: a phone, not taken for a My Number
    d.notes = "電話で予約。\n\t本人確認書類を持参";
    EXPECT_NO_THROW(checkBookingTexts(d));
    auto message = [](BookingDraft bad) -> std::string {
        try {
            checkBookingTexts(bad);
        } catch (const ValidationError& e) {
            return e.what();
        }
        return "accepted";
    };
    BookingDraft b = d;
    b.name = "山田\t太郎"; // a tab has no place in a one-line field (as in a case's name)
    EXPECT_EQ(message(b).rfind("name: holds a control character (U+0009", 0), 0u) << message(b);
    b = d;
    b.kana = "ヤマダ\u202Eウロタ"; // a bidirectional override would make it read otherwise
    EXPECT_EQ(message(b).rfind("kana:", 0), 0u) << message(b);
    b = d;
    b.notes = std::string(10001, 'a');
    EXPECT_EQ(message(b), "notes: longer than 10000 characters");
    b = d;
    b.externalId = "R-\x1b[31m1";
    EXPECT_EQ(message(b).rfind("external-id:", 0), 0u) << message(b);
    EXPECT_EQ(message(b).find("[31m"), std::string::npos) << "the message never repeats the text";

    EXPECT_NO_THROW(checkCancelReason("本人から電話\n都合がつかない"));
    EXPECT_THROW(checkCancelReason("  "), ValidationError);
    EXPECT_THROW(checkCancelReason("理由\x07"), ValidationError);
    EXPECT_THROW(checkCancelReason("番号は123456789018です"), ValidationError); // a valid My Number
}

TEST(BookingTimes, ParsedAndPrintedAsTheContractSays)
{
    StartTime t = parseStartTime("2026-12-03T10:15", "--at");
    EXPECT_EQ(t.day, date(2026, 12, 3));
    EXPECT_EQ(t.minute, 615);
    EXPECT_EQ(parseStartTime("2026-12-03T10:15:00+09:00", "--at"), t);
    EXPECT_EQ(parseStartTime("2026-12-03 10:15", "--at"), t);
    EXPECT_THROW(parseStartTime("2026-12-03T25:00", "--at"), ValidationError);
    EXPECT_THROW(parseStartTime("2026-02-30T10:00", "--at"), ValidationError);
    EXPECT_THROW(parseStartTime("10:00", "--at"), ValidationError);
    EXPECT_EQ(toIsoMinute(t), "2026-12-03T10:15");
    EXPECT_EQ(formatBookingNumber(42), "Y-000042");
    EXPECT_EQ(parseBookingNumber("Ｙ－０００４２"), 42);
    EXPECT_EQ(parseBookingNumber("y42"), 42);
    EXPECT_FALSE(parseBookingNumber("A-012"));
    EXPECT_EQ(parseListDate("2026/12/3", "d"), date(2026, 12, 3));
}
