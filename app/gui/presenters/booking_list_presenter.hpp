#pragma once
// The bookings view beside the queue: which bookings the day and the search box mean, how each row
// reads (time, procedures, resident, state — late and missed as the booking rules say at this
// minute), the day's title, and what the free-slot list offers when booking on the phone.
#include "core/bookings/booking_rules.hpp"
#include "db/booking_store.hpp"

#include <string>
#include <vector>

namespace madoguchi::gui {

// An empty search box lists the day; anything typed searches the whole book (a resident calls
// about the booking they made last week): a name or フリガナ in any script, a phone, a number.
db::BookingQuery bookingQuery(const std::string& searchText, const boost::gregorian::date& day);

// How a row looks: the colour the view gives it.
enum class BookingLook { Booked, Late, Missed, Arrived, Cancelled };

struct BookingRow {
    bookings::BookingId id = 0;
    std::string number;     // Y-000042
    std::string time;       // 10:00–10:15 (with the day when the list is a search)
    std::string procedures; // 暗証番号の再設定 + 電子証明書の更新・発行
    std::string resident;   // 山田 太郎（ヤマダ タロウ）, or hidden while the desk is locked
    std::string state;      // 予約中 / 遅れ 12分 / 不来庁 / 来庁済み / 取消し
    BookingLook look = BookingLook::Booked;
    bool canCheckIn = false; // booked for today and not cancelled or arrived
};

struct BookingRowContext {
    bookings::StartTime now;
    const bookings::OfficeCalendar* calendar = nullptr;
    bool privacyLocked = false;
    bool withDay = false; // a search over several days
};

BookingRow toBookingRow(const bookings::Booking& b, const BookingRowContext& context);

// "2026-12-03（令和8年12月3日）木曜日" / "Thu 3 Dec 2026 (R8.12.3)", with "today"/"tomorrow" where it is.
std::string bookingDayTitle(const boost::gregorian::date& day, const boost::gregorian::date& today);

// "8 bookings", "3 found", "2 late".
std::string bookingSummary(const std::vector<BookingRow>& rows, bool searching);

// A free slot as the booking dialog lists it: "12月3日（木） 10:00〜10:15 空き 2".
std::string slotLabel(const bookings::FreeSlot& slot, int minutes, const boost::gregorian::date& today);

} // namespace madoguchi::gui
