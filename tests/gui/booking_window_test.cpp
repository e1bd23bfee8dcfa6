// Bookings in the real window, by keyboard: a booking taken on the phone (procedure → first free
// slots → pick → resident → save) shows in the bookings view beside the queue and is found by its
// reading in another script; on the day a booking is checked in — the new-case dialog opens filled
// from it, the visit saved is linked to it; a booking is moved and cancelled with a reason.
#include "app/gui/bookings_panel.hpp"
#include "core/bookings/booking_rules.hpp"
#include "core/common/clock.hpp"
#include "db/audit_log.hpp"
#include "db/booking_store.hpp"
#include "window_fixture.hpp"

#include <algorithm>
#include <wx/listbox.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/toplevel.h>

using namespace madoguchi;
using namespace madoguchi::bookings;
using namespace madoguchi::test;
using boost::gregorian::days;

namespace {

// Open from 00:00 to 23:55 every day with 5-minute slots: today has a slot ahead whatever the hour
// the test runs at (but its last minutes).
const OfficeCalendar& allDay()
{
    static const OfficeCalendar c = OfficeCalendar::read(nlohmann::json::parse(R"({
      "hours": [{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "open": "00:00", "close": "23:55"}],
      "closed_on_national_holidays": false, "closed_at_year_end": false, "slot_minutes": 5,
      "kinds": [{"id": "one", "name": {"ja": "窓口", "en": "Counter"}, "windows": 2, "procedures": "rest"}],
      "appointment_minutes": {"pin-reset": 5, "cert-renewal": 5}})"),
                                                         "test", OfficeCalendar::defaults());
    return c;
}

void focusAndCommit(UiDriver& d, const char* field, const std::string& text)
{
    d.act(std::string("click into ") + field, [field] { control<wxWindow>(field)->SetFocus(); });
    d.waitFor(std::string(field) + " has the focus", [field] { return focusIs(field); });
    d.act(std::string("type into ") + field, [text] { commitText(text); });
}

} // namespace

TEST_F(WindowTest, ABookingIsTakenOnThePhoneByKeyboardAndFoundInTheBookingsView)
{
    addEarlierVisitors();
    openFrame();
    frame->SetSize(0, 0, 1366, 768);
    db::BookingStore& book = *store->bookings();
    std::optional<Booking> saved;
    UiDriver d;
    d.waitFor("the window is ready, the bookings view beside the queue",
              [] { return focusIs("search") && findControl("bookingList") && findControl("caseList"); });
    d.act("Ctrl+B: a new booking", [] { pressKey('B', wxMOD_CONTROL); });
    d.waitFor("the booking dialog opens on the procedure search",
              [] { return shownTopLevel("bookingDialog") && focusIs("procedureSearch"); });
    d.act("the PIN reset, Enter", [] {
        commitText("暗証番号");
        pressKey(WXK_RETURN);
    });
    d.waitFor("the first free slots are listed, the first chosen, and have the focus", [] {
        auto* slots = control<wxListBox>("slots");
        return focusIs("slots") && slots && slots->GetCount() > 1 && slots->GetSelection() == 0;
    });
    d.act("↓ the second slot, Enter", [] {
        pressKey(WXK_DOWN);
        pressKey(WXK_RETURN);
    });
    d.waitFor("the focus moves to the name",
              [] { return focusIs("bookingName") && control<wxListBox>("slots")->GetSelection() == 1; });
    d.act("the name as the resident spells it", [] { commitText("山田 太郎"); });
    focusAndCommit(d, "bookingKana", "ヤマダ タロウ");
    focusAndCommit(d, "bookingPhone", "090-1234-5678");
    d.screenshot("booking-dialog.png");
    d.act("Ctrl+S saves", [] { pressKey('S', wxMOD_CONTROL); });
    d.waitFor("the dialog closes", [] { return !shownTopLevel("bookingDialog"); });
    d.act("the booking is in the book, at the second slot offered", [&] {
        auto found = book.searchBookings([] {
            db::BookingQuery q;
            q.text = "ヤマダ";
            return q;
        }());
        ASSERT_EQ(found.size(), 1u);
        saved = found[0];
        EXPECT_EQ(saved->procedures, std::vector<Procedure>{Procedure::PinReset});
        EXPECT_EQ(saved->phone, "090-1234-5678");
        EXPECT_EQ(saved->source, BookingSource::Phone);
        EXPECT_EQ(saved->state, BookingState::Booked);
        auto slots = book.freeSlots(saved->procedures, nowAtOffice(), 14, OfficeCalendar::defaults());
        ASSERT_FALSE(slots.empty());
        // The first slot is still free (the second was taken) unless both were one time with two windows.
        EXPECT_LE(slots.front().start, saved->start);
    });
    d.waitFor("the bookings view shows its day with the booking selected", [&] {
        const auto& rows = frame->bookingsPanel().rows();
        return saved && frame->bookingsPanel().day() == saved->start.day && rows.size() == 1 &&
               rows[0].id == saved->id && rows[0].resident == "山田 太郎（ヤマダ タロウ）" &&
               frame->bookingsPanel().selected() == saved->id;
    });
    d.act("Ctrl+Shift+F: search the bookings", [] { pressKey('F', wxMOD_CONTROL | wxMOD_SHIFT); });
    d.waitFor("the bookings search has the focus", [] { return focusIs("bookingSearch"); });
    d.act("the reading in hiragana", [] { commitText("やまだ"); });
    d.waitFor("found across the scripts", [&] {
        const auto& rows = frame->bookingsPanel().rows();
        return rows.size() == 1 && rows[0].id == saved->id;
    });
    d.act("clear and type the phone's digits", [] {
        pressKey(WXK_ESCAPE);
        commitText("09012345678");
    });
    d.waitFor("found by the phone", [&] {
        const auto& rows = frame->bookingsPanel().rows();
        return rows.size() == 1 && rows[0].id == saved->id;
    });
    d.act("clear, the booking number", [&] {
        pressKey(WXK_ESCAPE);
        commitText(saved->number);
    });
    d.waitFor("found by its number", [&] {
        const auto& rows = frame->bookingsPanel().rows();
        return rows.size() == 1 && rows[0].number == saved->number;
    });
    d.screenshot("bookings-view.png");
    d.act("the names shown were audited (booking.list)", [&] {
        frame->bookingsPanel().flushAudit();
        bool found = false;
        for (const auto& e : store->audit().auditDay(now().localDay, {"admin", Role::Admin}))
            found = found || (e.action == "booking.list" &&
                              e.detail.rfind("booking " + std::to_string(saved->id) + ";", 0) == 0);
        EXPECT_TRUE(found);
    });
    run(d);
}

TEST_F(WindowTest, ABookingIsMovedAndCancelledWithAReasonByKeyboard)
{
    db::BookingStore& book = *store->bookings();
    auto first =
        book.firstFreeSlot(std::vector<Procedure>{Procedure::CertRenewal}, nowAtOffice(), OfficeCalendar::defaults());
    ASSERT_TRUE(first);
    BookingDraft draft;
    draft.procedures = {Procedure::CertRenewal};
    draft.start = first->start;
    draft.name = "鈴木 一郎";
    draft.kana = "スズキ イチロウ";
    draft.source = BookingSource::Phone;
    Booking b = book.addBooking(draft, OfficeCalendar::defaults(), {"sato", Role::Clerk});
    openFrame();
    frame->bookingsPanel().showDay(b.start.day);
    UiDriver d;
    d.waitFor("the booking is listed", [&] { return frame->bookingsPanel().rows().size() == 1; });
    d.act("select it", [&] { frame->bookingsPanel().select(b.id); });
    // Not Ctrl+M (nor Ctrl+I): a text field takes them for Enter (and Tab), as wxGTK gives Ctrl+letter
    // the ASCII control code.
    d.act("Ctrl+E: move it", [] { pressKey('E', wxMOD_CONTROL); });
    d.waitFor("the dialog lists the free slots from its day, with the focus there", [] {
        auto* slots = control<wxListBox>("slots");
        return shownTopLevel("bookingDialog") && focusIs("slots") && slots->GetCount() > 2;
    });
    d.act("↓↓ Enter moves it to the third slot", [] {
        pressKey(WXK_DOWN);
        pressKey(WXK_DOWN);
        pressKey(WXK_RETURN);
    });
    d.waitFor("moved", [&] { return !shownTopLevel("bookingDialog") && book.getBooking(b.id).start > b.start; });
    d.act("Ctrl+Shift+D: cancel it", [] { pressKey('D', wxMOD_CONTROL | wxMOD_SHIFT); });
    d.waitFor("the reason is asked", [] { return shownTopLevel("cancelBooking"); });
    d.act("the reason, Enter", [] {
        commitText("本人から電話で取消し");
        pressKey(WXK_RETURN);
    });
    d.waitFor("cancelled with the reason, shown as cancelled", [&] {
        Booking now = book.getBooking(b.id);
        return !shownTopLevel("cancelBooking") && now.state == BookingState::Cancelled &&
               now.cancelReason == "本人から電話で取消し" && !frame->bookingsPanel().rows().empty() &&
               frame->bookingsPanel().rows()[0].look == gui::BookingLook::Cancelled;
    });
    run(d);
}

TEST_F(WindowTest, ABookingCheckedInOpensTheNewCaseFilledAndTheVisitIsLinkedToIt)
{
    db::BookingStore& book = *store->bookings();
    StartTime current = nowAtOffice();
    if (current.minute > 23 * 60 + 40)
        GTEST_SKIP() << "too close to midnight for a booking of today";
    auto slot = book.firstFreeSlot(std::vector<Procedure>{Procedure::PinReset}, current, allDay());
    ASSERT_TRUE(slot && slot->start.day == current.day);
    BookingDraft draft;
    draft.procedures = {Procedure::PinReset};
    draft.start = slot->start;
    draft.name = "高橋 花子";
    draft.kana = "タカハシ ハナコ";
    draft.birth = parseIsoDate("1980-04-01", "birth");
    draft.phone = "042-341-1211";
    draft.source = BookingSource::Phone;
    Booking b = book.addBooking(draft, allDay(), {"sato", Role::Clerk});
    addEarlierVisitors();
    openFrame();
    frame->SetSize(0, 0, 1366, 768);
    CaseId created = 0;
    UiDriver d;
    d.waitFor("today's booking is in the bookings view", [&] {
        const auto& rows = frame->bookingsPanel().rows();
        return focusIs("search") && rows.size() == 1 && rows[0].id == b.id && rows[0].canCheckIn;
    });
    d.screenshot("main-window-with-bookings.png");
    d.act("Ctrl+Shift+F, the resident gives her name in kanji", [] { pressKey('F', wxMOD_CONTROL | wxMOD_SHIFT); });
    d.waitFor("the bookings search has the focus", [] { return focusIs("bookingSearch"); });
    d.act("type it", [] { commitText("高橋"); });
    d.waitFor("one booking found", [&] { return frame->bookingsPanel().rows().size() == 1; });
    d.act("Enter checks it in", [] { pressKey(WXK_RETURN); });
    d.waitFor("the new-case dialog opens filled from the booking", [] {
        return shownTopLevel("newCaseDialog") && textOf("name") == "高橋 花子" && textOf("kana") == "タカハシ ハナコ" &&
               control<wxListBox>("visitProcedures")->GetCount() == 1 &&
               std::string(control<wxListBox>("visitProcedures")->GetString(0).utf8_str()) == "1. 暗証番号の再設定";
    });
    focusAndCommit(d, "address", "東京都小平市小川町2-1333");
    d.act("Ctrl+S saves", [] { pressKey('S', wxMOD_CONTROL); });
    d.waitFor("the case detail follows the save",
              [] { return focusInside("caseDetailDialog") && !shownTopLevel("newCaseDialog"); });
    d.act("the visit and the booking are linked", [&] {
        Booking now = book.getBooking(b.id);
        EXPECT_EQ(now.state, BookingState::Arrived);
        ASSERT_TRUE(now.caseId);
        created = *now.caseId;
        Case c = store->get(created);
        ASSERT_TRUE(c.booking);
        EXPECT_EQ(c.booking->id, b.id);
        EXPECT_EQ(c.resident.name, "高橋 花子");
        EXPECT_EQ(toIso(c.resident.birth), "1980-04-01");
        EXPECT_EQ(c.procedure, Procedure::PinReset);
        EXPECT_FALSE(c.receptionNumber.empty());
    });
    d.act("Escape closes the detail", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("the booking reads as arrived, the visit is in the queue", [&] {
        const auto& rows = frame->bookingsPanel().rows();
        return !shownTopLevel("caseDetailDialog") && rows.size() == 1 && rows[0].look == gui::BookingLook::Arrived &&
               std::any_of(frame->rows().begin(), frame->rows().end(),
                           [&](const gui::CaseRow& r) { return r.id == created; });
    });
    run(d);
}
