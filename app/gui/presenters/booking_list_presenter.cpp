#include "app/gui/presenters/booking_list_presenter.hpp"

#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/presenters/translate.hpp"
#include "core/common/clock.hpp"
#include "core/era/wareki.hpp"
#include "core/text/search_fold.hpp"

#include <array>

namespace madoguchi::gui {

using namespace bookings;

namespace {

std::string shortDay(const boost::gregorian::date& d)
{
    static constexpr std::array<const char*, 7> ja{"日", "月", "火", "水", "木", "金", "土"};
    static constexpr std::array<const char*, 7> en{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    auto ymd = d.year_month_day();
    auto w = static_cast<std::size_t>(d.day_of_week().as_number());
    if (uiLanguage() == UiLanguage::Japanese)
        return std::to_string(ymd.month.as_number()) + "月" + std::to_string(static_cast<int>(ymd.day)) + "日（" +
               ja[w] + "）";
    return std::string(en[w]) + " " + std::to_string(static_cast<int>(ymd.day)) + " " +
           months[ymd.month.as_number() - 1u];
}

std::string span(int from, int to)
{
    return clockText(from) + (uiLanguage() == UiLanguage::Japanese ? "〜" : "–") + clockText(to);
}

} // namespace

db::BookingQuery bookingQuery(const std::string& searchText, const boost::gregorian::date& day)
{
    db::BookingQuery q;
    std::string t = trimmed(searchText);
    if (t.empty())
        q.day = day;
    else
        q.text = t;
    q.limit = t.empty() ? 5000 : 200;
    return q;
}

BookingRow toBookingRow(const Booking& b, const BookingRowContext& ctx)
{
    BookingRow r;
    r.id = b.id;
    r.number = b.number;
    r.time = (ctx.withDay ? shortDay(b.start.day) + " " : std::string()) + span(b.start.minute, b.endMinute());
    r.procedures = procedureNames([&] {
        std::vector<ProcedureLine> lines;
        for (Procedure p : b.procedures)
            lines.push_back({p, CaseStatus::Received});
        return lines;
    }());
    r.resident = ctx.privacyLocked
                     ? std::string("＊＊＊")
                     : b.name + (uiLanguage() == UiLanguage::Japanese ? "（" + b.kana + "）" : " (" + b.kana + ")");
    Standing s = standingAt(b, ctx.now, ctx.calendar ? *ctx.calendar : OfficeCalendar::defaults());
    const auto& names = info(s.state);
    std::string name(uiLanguage() == UiLanguage::Japanese ? names.nameJa : names.nameEn);
    switch (s.state) {
    case BookingState::Booked:
        r.look = s.late ? BookingLook::Late : BookingLook::Booked;
        r.state = s.late ? fill(tr("Late, %1 min"), {std::to_string(s.minutesLate)}) : name;
        break;
    case BookingState::Missed:
        r.look = BookingLook::Missed;
        r.state = name;
        break;
    case BookingState::Arrived:
        r.look = BookingLook::Arrived;
        r.state = s.late ? name + " " + fill(tr("(%1 min late)"), {std::to_string(s.minutesLate)}) : name;
        break;
    case BookingState::Cancelled:
        r.look = BookingLook::Cancelled;
        r.state = name;
        break;
    }
    r.canCheckIn = (b.state == BookingState::Booked || b.state == BookingState::Missed) && b.start.day == ctx.now.day;
    return r;
}

std::string bookingDayTitle(const boost::gregorian::date& day, const boost::gregorian::date& today)
{
    // The day in 西暦 and 和暦 (a resident on the phone gives either), with its weekday.
    static constexpr std::array<const char*, 7> weekdayJa{"日曜日", "月曜日", "火曜日", "水曜日",
                                                          "木曜日", "金曜日", "土曜日"};
    auto weekday = static_cast<std::size_t>(day.day_of_week().as_number());
    std::string title =
        uiLanguage() == UiLanguage::Japanese
            ? era::formatBoth(day) + weekdayJa[weekday]
            : shortDay(day) + " " + std::to_string(static_cast<int>(day.year())) + " (" + era::formatShort(day) + ")";
    if (day == today)
        return fill(tr("%1, today"), {title});
    if (day == today + boost::gregorian::days(1))
        return fill(tr("%1, tomorrow"), {title});
    return title;
}

std::string bookingSummary(const std::vector<BookingRow>& rows, bool searching)
{
    std::size_t late = 0;
    for (const auto& r : rows)
        late += r.look == BookingLook::Late || r.look == BookingLook::Missed;
    std::string text = searching ? fill(tr("%1 bookings found"), {std::to_string(rows.size())})
                                 : fill(tr("%1 bookings"), {std::to_string(rows.size())});
    if (late)
        text += " · " + fill(tr("%1 late or missed"), {std::to_string(late)});
    return text;
}

std::string slotLabel(const FreeSlot& slot, int minutes, const boost::gregorian::date& today)
{
    std::string day =
        slot.start.day == today ? fill(tr("%1, today"), {shortDay(slot.start.day)}) : shortDay(slot.start.day);
    return day + "  " + span(slot.start.minute, slot.start.minute + minutes) + "  " +
           fill(tr("%1 free"), {std::to_string(slot.free)});
}

} // namespace madoguchi::gui
