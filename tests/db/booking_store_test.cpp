// The booking book's promises, kept by every backend: booking to the edge of capacity and past it,
// closed days, moves and cancels, the search, check-in to a linked case, imports, the audit and
// the purge.
#include "core/bookings/booking_rules.hpp"
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/security/audit_chain.hpp"
#include "db/audit_log.hpp"
#include "db/booking_store.hpp"
#include "db/hall_reader.hpp"
#include "tests/db/store_fixture.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::bookings;
using namespace madoguchi::test;
using boost::gregorian::date;
using boost::gregorian::days;

namespace {

const db::Actor kAdmin{"admin1", Role::Admin};

// A calendar whose days are all open from 00:00 to 23:55 with one window: today always has a
// slot ahead, whatever the hour the test runs at (but the last minutes of the day).
const OfficeCalendar& allDay()
{
    static const OfficeCalendar c = OfficeCalendar::read(nlohmann::json::parse(R"({
      "hours": [{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "open": "00:00", "close": "23:55"}],
      "closed_on_national_holidays": false, "closed_at_year_end": false, "slot_minutes": 5,
      "kinds": [{"id": "one", "name": {"ja": "窓口", "en": "Counter"}, "windows": 1, "procedures": "rest"}],
      "appointment_minutes": {"pin-reset": 5, "cert-renewal": 5}})"),
                                                         "test", OfficeCalendar::defaults());
    return c;
}

// The next weekday at least `ahead` days from today that the default calendar keeps open.
date openDay(int ahead = 1)
{
    const OfficeCalendar& c = OfficeCalendar::defaults();
    date d = now().localDay + days(ahead);
    while (c.hoursOn(d).empty())
        d += days(1);
    return d;
}

BookingDraft booking(const std::string& name, const std::string& kana, StartTime at,
                     std::vector<Procedure> procedures = {Procedure::CardReceipt})
{
    BookingDraft d;
    d.procedures = std::move(procedures);
    d.start = at;
    d.name = name;
    d.kana = kana;
    d.phone = "090-1234-5678";
    d.source = BookingSource::Phone;
    return d;
}

db::BookingQuery onDay(date d)
{
    db::BookingQuery q;
    q.day = d;
    return q;
}

db::BookingQuery withText(const std::string& text)
{
    db::BookingQuery q;
    q.text = text;
    return q;
}

} // namespace

class BookingBook : public BackendTest {
protected:
    db::BookingStore& book() { return *store->bookings(); }
    // A minute of today still ahead, with room for an appointment (none in the day's last minutes).
    static std::optional<StartTime> todayAhead()
    {
        StartTime t = nowAtOffice();
        t.minute = (t.minute / 5 + 2) * 5;
        if (t.minute + 5 > 23 * 60 + 55)
            return std::nullopt;
        return t;
    }
};
MADOGUCHI_ON_BOTH_BACKENDS(BookingBook);

TEST_P(BookingBook, ABookingIsNumberedKeptAndReadBack)
{
    date day = openDay();
    BookingDraft d = booking("山田 太郎", "ヤマダ タロウ", {day, 600}, {Procedure::PinReset, Procedure::CertRenewal});
    d.birth = date(1970, 5, 20);
    d.language = BookingLanguage::En;
    d.applicant = ApplicantType::Proxy;
    d.notes = "車いすで来庁";
    Booking a = book().addBooking(d, OfficeCalendar::defaults(), kClerk);
    Booking b =
        book().addBooking(booking("佐藤 花子", "サトウ ハナコ", {day, 700}), OfficeCalendar::defaults(), kClerk);
    EXPECT_EQ(a.number, "Y-000001");
    EXPECT_EQ(b.number, "Y-000002");
    EXPECT_EQ(a.state, BookingState::Booked);
    EXPECT_EQ(a.minutes, 35); // 15 + 20
    EXPECT_EQ(a.kind, "counter");
    Booking back = book().getBooking(a.id);
    EXPECT_EQ(back.procedures, (std::vector<Procedure>{Procedure::PinReset, Procedure::CertRenewal}));
    EXPECT_EQ(back.start, (StartTime{day, 600}));
    EXPECT_EQ(back.birth, date(1970, 5, 20));
    EXPECT_EQ(back.language, BookingLanguage::En);
    EXPECT_EQ(back.applicant, ApplicantType::Proxy);
    EXPECT_EQ(back.notes, "車いすで来庁");
    EXPECT_EQ(back.source, BookingSource::Phone);
    EXPECT_EQ(book().findBookingByNumber("Y-000002")->id, b.id);
    EXPECT_FALSE(book().findBooking(9999));
    EXPECT_THROW(book().getBooking(9999), NotFound);
}

TEST_P(BookingBook, TheLastWindowIsBookedAndThenTheSlotIsRefused)
{
    date day = openDay();
    const OfficeCalendar& c = OfficeCalendar::defaults(); // two windows
    book().addBooking(booking("一 一", "イチ イチ", {day, 600}), c, kClerk);
    Booking second = book().addBooking(booking("二 二", "ニ ニ", {day, 615}), c, kClerk); // overlaps 10:15–10:30
    try {
        book().addBooking(booking("三 三", "サン サン", {day, 620}), c, kClerk);
        FAIL() << "a third overlapping booking was taken with two windows";
    } catch (const BookingRefused& e) {
        EXPECT_EQ(e.why(), BookingRefused::Why::Full);
    }
    // At 10:30 the first window is free again (the first booking ends), 10:45 both.
    EXPECT_NO_THROW(book().addBooking(booking("四 四", "ヨン ヨン", {day, 630}), c, kClerk));
    EXPECT_EQ(book().searchBookings(onDay(day)).size(), 3u);
    // A cancel frees the window.
    book().cancelBooking(second.id, "本人から電話", kClerk);
    EXPECT_NO_THROW(book().addBooking(booking("三 三", "サン サン", {day, 620}), c, kClerk));
}

TEST_P(BookingBook, ClosedDaysOutsideTheHoursAndThePastAreRefused)
{
    const OfficeCalendar& c = OfficeCalendar::defaults();
    auto why = [&](StartTime at) {
        try {
            book().addBooking(booking("山田 太郎", "ヤマダ タロウ", at), c, kClerk);
        } catch (const BookingRefused& e) {
            return e.why();
        }
        return BookingRefused::Why::Duplicate; // not refused
    };
    date day = openDay();
    date saturday = day;
    while (saturday.day_of_week().as_number() != 6)
        saturday += days(1);
    int nextYear = now().localDay.year() + 1;
    EXPECT_EQ(why({saturday, 600}), BookingRefused::Why::Closed);
    EXPECT_EQ(why({date(nextYear, 1, 2), 600}), BookingRefused::Why::Closed); // year end
    // The next national holiday on a weekday, from the Cabinet Office's list.
    date holiday = now().localDay + days(1);
    auto weekday = [](date d) { return d.day_of_week().as_number() != 0 && d.day_of_week().as_number() != 6; };
    while (!(HolidayList::shipped().isHoliday(holiday) && weekday(holiday)))
        holiday += days(1);
    EXPECT_EQ(why({holiday, 600}), BookingRefused::Why::Closed) << toIso(holiday);
    EXPECT_EQ(why({day, 17 * 60}), BookingRefused::Why::OutsideHours); // 17:00 + 30 > 17:15
    EXPECT_EQ(why({day, 8 * 60}), BookingRefused::Why::OutsideHours);
    EXPECT_EQ(why({now().localDay - days(1), 600}), BookingRefused::Why::Past);
    EXPECT_TRUE(book().searchBookings({}).empty()); // nothing written by a refusal
}

TEST_P(BookingBook, FirstFreeSlotAndTheWeeksFreeSlotsComeFromTheBook)
{
    const OfficeCalendar& c = OfficeCalendar::defaults();
    date day = openDay(2);
    std::vector<Procedure> pin{Procedure::PinReset};
    StartTime from{day, 0};
    auto first = book().firstFreeSlot(pin, from, c);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->start, (StartTime{day, 510}));
    EXPECT_EQ(first->free, 2);
    for (const char* kana : {"イチ", "ニ"})
        book().addBooking(booking("予約 者", kana, {day, 510}, pin), c, kClerk);
    first = book().firstFreeSlot(pin, from, c);
    EXPECT_EQ(first->start, (StartTime{day, 525}));
    auto week = book().freeSlots(pin, from, 7, c);
    ASSERT_FALSE(week.empty());
    EXPECT_EQ(week.front().start, (StartTime{day, 525}));
    for (const auto& s : week) {
        EXPECT_FALSE(c.hoursOn(s.start.day).empty()) << toIsoMinute(s.start);
        EXPECT_GT(s.free, 0);
    }
    // One free window left at 10:00 after one booking there.
    book().addBooking(booking("予約 者", "サン", {day, 600}, pin), c, kClerk);
    auto at10 = std::find_if(week.begin(), week.end(), [&](const FreeSlot& s) {
        return s.start == StartTime{day, 600};
    });
    ASSERT_NE(at10, week.end());
    auto again = book().freeSlots(pin, from, 1, c);
    auto now10 = std::find_if(again.begin(), again.end(), [&](const FreeSlot& s) {
        return s.start == StartTime{day, 600};
    });
    ASSERT_NE(now10, again.end());
    EXPECT_EQ(now10->free, 1);
}

TEST_P(BookingBook, AMoveChecksTheRoomThereAndACancelNeedsAReason)
{
    const OfficeCalendar& c = OfficeCalendar::defaults();
    date day = openDay();
    Booking a = book().addBooking(booking("一 一", "イチ", {day, 600}), c, kClerk);
    book().addBooking(booking("二 二", "ニ", {day, 700}), c, kClerk);
    book().addBooking(booking("三 三", "サン", {day, 700}), c, kClerk);
    EXPECT_THROW(book().moveBooking(a.id, {day, 700}, c, kClerk), BookingRefused); // both windows taken
    Booking moved = book().moveBooking(a.id, {day, 615}, c, kClerk);               // overlapping its own old time
    EXPECT_EQ(moved.start, (StartTime{day, 615}));
    EXPECT_EQ(moved.version, a.version + 1);
    EXPECT_THROW(book().cancelBooking(a.id, "  ", kClerk), ValidationError);
    Booking cancelled = book().cancelBooking(a.id, "体調不良", kClerk);
    EXPECT_EQ(cancelled.state, BookingState::Cancelled);
    EXPECT_EQ(cancelled.cancelReason, "体調不良");
    EXPECT_THROW(book().cancelBooking(a.id, "again", kClerk), BookingRefused);
    EXPECT_THROW(book().moveBooking(a.id, {day, 800}, c, kClerk), BookingRefused);
}

TEST_P(BookingBook, SearchFindsNamesInAnyScriptPhonesAndNumbers)
{
    const OfficeCalendar& c = OfficeCalendar::defaults();
    date day = openDay();
    BookingDraft d = booking("山田 太郎", "ヤマダ タロウ", {day, 600});
    d.phone = "090-1111-2222";
    Booking a = book().addBooking(d, c, kClerk);
    BookingDraft e = booking("佐藤 花子", "サトウ ハナコ", {day + days(0), 630});
    e.phone = "03-3333-4444";
    book().addBooking(e, c, kClerk);
    auto ids = [&](const std::string& text) {
        std::vector<BookingId> out;
        for (const auto& b : book().searchBookings(withText(text)))
            out.push_back(b.id);
        return out;
    };
    EXPECT_EQ(ids("やまだ"), std::vector<BookingId>{a.id});
    EXPECT_EQ(ids("ﾔﾏﾀﾞ"), std::vector<BookingId>{a.id});
    EXPECT_EQ(ids("山田"), std::vector<BookingId>{a.id});
    EXPECT_EQ(ids("1111-2222"), std::vector<BookingId>{a.id});
    EXPECT_EQ(ids("09011112222"), std::vector<BookingId>{a.id});
    EXPECT_EQ(ids(a.number), std::vector<BookingId>{a.id});
    EXPECT_EQ(ids("%"), std::vector<BookingId>{}); // LIKE's wildcards are plain characters
    EXPECT_EQ(book().searchBookings(onDay(day)).size(), 2u);
    EXPECT_EQ(book().searchBookings(onDay(day + days(1))).size(), 0u);
}

TEST_P(BookingBook, CheckInOpensTheVisitLinkedToTheBooking)
{
    auto ahead = todayAhead();
    if (!ahead)
        GTEST_SKIP() << "too near midnight for a booking today";
    StartTime at = *ahead;
    Booking b = book().addBooking(
        booking("山田 太郎", "ヤマダ タロウ", at, {Procedure::PinReset, Procedure::CertRenewal}), allDay(), kClerk);
    CaseDraft visit = db::caseDraftFromBooking(b);
    EXPECT_EQ(proceduresOf(visit), (std::vector<Procedure>{Procedure::PinReset, Procedure::CertRenewal}));
    visit.resident.birth = date(1970, 5, 20); // the booking had none; the card or the clerk gives it
    visit.window = "3";
    Case c = book().checkIn(b.id, visit, kClerk);
    EXPECT_FALSE(c.receptionNumber.empty());
    ASSERT_EQ(c.procedures.size(), 2u);
    ASSERT_TRUE(c.booking);
    EXPECT_EQ(c.booking->id, b.id);
    EXPECT_EQ(c.booking->start, toIsoWithOffset(at));
    Booking arrived = book().getBooking(b.id);
    EXPECT_EQ(arrived.state, BookingState::Arrived);
    EXPECT_EQ(arrived.caseId, c.id);
    EXPECT_FALSE(arrived.arrivedAt.empty());
    // The queue reads the booking from the case book's list rows.
    db::CaseQuery q;
    q.day = now().localDay;
    auto rows = store->search(q);
    ASSERT_EQ(rows.size(), 1u);
    ASSERT_TRUE(rows[0].booking);
    EXPECT_EQ(rows[0].booking->id, b.id);
    EXPECT_EQ(rows[0].booking->start, toIsoWithOffset(at));
    EXPECT_THROW(book().checkIn(b.id, visit, kClerk), BookingRefused); // once
    // A walk-in has none.
    EXPECT_FALSE(store->add(draft("佐藤 花子", "サトウ ハナコ"), kClerk).booking);
}

// The waiting hall's screen orders its "next numbers" as calling does: it reads the checked-in
// booking's start too (SQLite: the file read-only; PostgreSQL: the hall_visits view of migration
// 007), and nothing that names the resident.
TEST_P(BookingBook, TheHallReadsTheStartOfACheckedInBooking)
{
    auto ahead = todayAhead();
    if (!ahead)
        GTEST_SKIP() << "too near midnight for a booking today";
    Case walkIn = store->add(draft("佐藤 花子", "サトウ ハナコ"), kClerk);
    Booking b =
        book().addBooking(booking("山田 太郎", "ヤマダ タロウ", *ahead, {Procedure::PinReset}), allDay(), kClerk);
    CaseDraft visit = db::caseDraftFromBooking(b);
    visit.resident.birth = date(1970, 5, 20);
    Case booked = book().checkIn(b.id, visit, kClerk);
    auto hall = db::openHallReader(BackendTest::book->url(), db::StoreOptions{}.office);
    HallSnapshot s = hall->read(toIso(now().localDay));
    ASSERT_EQ(s.visits.size(), 2u);
    for (const HallVisit& v : s.visits) {
        if (v.receptionNumber == booked.receptionNumber) {
            ASSERT_TRUE(v.bookedAt);
            EXPECT_EQ(epochSeconds(*v.bookedAt), epochSeconds(toIsoWithOffset(*ahead)));
        } else {
            EXPECT_EQ(v.receptionNumber, walkIn.receptionNumber);
            EXPECT_FALSE(v.bookedAt);
        }
    }
}

TEST_P(BookingBook, CheckInIsForTheBookingsDayAndSavesNothingWhenRefused)
{
    Booking b =
        book().addBooking(booking("山田 太郎", "ヤマダ タロウ", {openDay(), 600}), OfficeCalendar::defaults(), kClerk);
    CaseDraft visit = db::caseDraftFromBooking(b);
    visit.resident.birth = date(1970, 5, 20);
    try {
        book().checkIn(b.id, visit, kClerk);
        FAIL();
    } catch (const BookingRefused& e) {
        EXPECT_EQ(e.why(), BookingRefused::Why::NotToday);
    }
    auto ahead = todayAhead();
    if (!ahead)
        GTEST_SKIP() << "too near midnight for a booking today";
    StartTime at = *ahead;
    Booking today = book().addBooking(booking("佐藤 花子", "サトウ ハナコ", at), allDay(), kClerk);
    CaseDraft noBirth = db::caseDraftFromBooking(today); // a case needs a birth date
    EXPECT_THROW(book().checkIn(today.id, noBirth, kClerk), ValidationError);
    EXPECT_EQ(book().getBooking(today.id).state, BookingState::Booked);
    EXPECT_TRUE(store->search({}).empty());
}

TEST_P(BookingBook, ImportAddsOnceReportsConflictsAndKeepsTheRest)
{
    const OfficeCalendar& c = OfficeCalendar::defaults();
    date day = openDay();
    auto line = [&](int n, const std::string& id, int minute) {
        BookingDraft d = booking("取込 " + std::to_string(n), "トリコミ", {day, minute}, {Procedure::PinReset});
        d.source = BookingSource::Import;
        d.externalId = id;
        return db::ImportedBooking{n, d};
    };
    std::vector<db::ImportedBooking> file{line(2, "E1", 600), line(3, "E2", 600), line(4, "E3", 600),
                                          line(5, "E4", 17 * 60 + 15)};
    db::BookingImportResult r = book().importBookings(file, c, kClerk);
    EXPECT_EQ(r.added, 2);
    EXPECT_EQ(r.unchanged, 0);
    ASSERT_EQ(r.refused.size(), 2u);
    EXPECT_EQ(r.refused[0].line, 4); // the third at 10:00 finds both windows taken by lines 2 and 3
    EXPECT_EQ(r.refused[0].kind, "full");
    EXPECT_EQ(r.refused[1].line, 5);
    EXPECT_EQ(r.refused[1].kind, "outside-hours");
    // The same file again changes nothing; a line changed at the service is reported.
    r = book().importBookings(file, c, kClerk);
    EXPECT_EQ(r.added, 0);
    EXPECT_EQ(r.unchanged, 2);
    file[0].draft.start.minute = 660;
    r = book().importBookings({file[0]}, c, kClerk);
    ASSERT_EQ(r.refused.size(), 1u);
    EXPECT_EQ(r.refused[0].kind, "changed");
    db::BookingQuery byId;
    byId.externalId = "E1";
    auto e1 = book().searchBookings(byId);
    ASSERT_EQ(e1.size(), 1u);
    EXPECT_EQ(e1[0].start.minute, 600);
    EXPECT_EQ(e1[0].source, BookingSource::Import);
}

TEST_P(BookingBook, ChangesAndViewsAreAuditedWithoutNames)
{
    const OfficeCalendar& c = OfficeCalendar::defaults();
    Booking b = book().addBooking(booking("山田 太郎", "ヤマダ タロウ", {openDay(), 600}), c, kClerk);
    book().moveBooking(b.id, {b.start.day, 630}, c, kClerk);
    book().recordBookingAccess(kClerk, audit_actions::kBookingView, {b.id}, "console");
    book().cancelBooking(b.id, "山田さんから電話", kClerk);
    auto entries = store->audit().auditDay(now().localDay, kAdmin);
    std::vector<std::string> actions;
    for (const auto& e : entries) {
        actions.push_back(e.action);
        EXPECT_EQ(e.detail.find("山田"), std::string::npos) << e.detail;
        EXPECT_NE(e.detail.find("booking " + std::to_string(b.id)), std::string::npos) << e.detail;
    }
    EXPECT_EQ(actions, (std::vector<std::string>{"booking.create", "booking.move", "booking.view", "booking.cancel"}));
    EXPECT_TRUE(store->audit().verifyAudit().ok);
}

TEST_P(BookingBook, ACaseClerkMayBookAndTheRetentionPurgeTakesOldBookings)
{
    const OfficeCalendar& c = OfficeCalendar::defaults();
    Booking b = book().addBooking(booking("山田 太郎", "ヤマダ タロウ", {openDay(), 600}), c, kClerk);
    store->audit().setRetentionDays(30, kAdmin);
    // Thirty-one days after the booking's day it is purged with the closed cases.
    auto r = store->audit().purgeExpired(b.start.day + days(31), kAdmin, db::PurgeRun::Delete);
    EXPECT_EQ(r.bookingsPurged, 1);
    EXPECT_FALSE(book().findBooking(b.id));
    EXPECT_THROW(store->audit().purgeExpired(now().localDay, kClerk, db::PurgeRun::Delete), AccessDenied);
}
