// What may be done with a booking and what it stands for now (booking_rules.hpp).
#include "core/bookings/booking_rules.hpp"

#include "core/bookings/booking_texts.hpp"
#include "core/common/clock.hpp"
#include "core/text/search_fold.hpp"

#include <algorithm>
#include <cctype>

namespace madoguchi::bookings {

using boost::gregorian::date;

namespace {

[[noreturn]] void refuse(BookingRefused::Why why, std::string ja, std::string en)
{
    throw BookingRefused(why, {std::move(ja), std::move(en)});
}

std::string hoursText(const std::vector<OpeningHours>& hours, bool ja)
{
    std::string out;
    for (const auto& h : hours)
        out += (out.empty() ? "" : (ja ? "、" : ", ")) + clockText(h.open) + (ja ? "〜" : "–") + clockText(h.close);
    return out;
}

int minutesBetween(const StartTime& from, const StartTime& to)
{
    return static_cast<int>((to.day - from.day).days()) * 24 * 60 + (to.minute - from.minute);
}

} // namespace

void validateDraft(const BookingDraft& d, const date& today)
{
    if (d.procedures.empty())
        throw ValidationError("procedure: a booking needs at least one procedure");
    for (std::size_t i = 0; i < d.procedures.size(); ++i)
        for (std::size_t k = i + 1; k < d.procedures.size(); ++k)
            if (d.procedures[i] == d.procedures[k])
                throw ValidationError("procedure: \"" + std::string(info(d.procedures[i]).id) + "\" is named twice");
    checkBookingTexts(d);
    if (trimmed(d.name).empty())
        throw ValidationError("name: must not be empty");
    if (trimmed(d.kana).empty())
        throw ValidationError("kana: must not be empty");
    if (!isKanaText(d.kana))
        throw ValidationError("kana: \"" + d.kana + "\" must be written in katakana or hiragana");
    if (d.birth) {
        if (d.birth->is_special())
            throw ValidationError("birth: not a date");
        if (*d.birth > today)
            throw ValidationError("birth: " + toIso(*d.birth) + " is in the future");
        if (d.birth->year() < 1868)
            throw ValidationError("birth: " + toIso(*d.birth) + " is before 1868-01-25 (明治)");
    }
    std::string phone = normalizeWidth(d.phone);
    int digits = 0;
    for (char c : phone) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            ++digits;
        else if (c != '-' && c != ' ' && c != '+' && c != '(' && c != ')')
            throw ValidationError("phone: \"" + d.phone +
                                  "\" may hold digits, hyphens, spaces, + and parentheses only");
    }
    if (!phone.empty() && (digits < 6 || digits > 15))
        throw ValidationError("phone: \"" + d.phone + "\" has " + std::to_string(digits) +
                              " digits (a phone number has 6 to 15)");
    if (d.source == BookingSource::Import && trimmed(d.externalId).empty())
        throw ValidationError("external-id: an imported booking needs the booking service's id");
    if (d.start.day.is_special())
        throw ValidationError("start: not a date");
}

StartTime nowAtOffice()
{
    Timestamp t = now();
    return {t.localDay, parseClock(t.iso.substr(11, 5), "now")};
}

void requireRoom(const OfficeCalendar& calendar, const StartTime& start, std::span<const Procedure> procedures,
                 std::span<const Appointment> onDay, const StartTime& now, std::optional<BookingId> leaveOut)
{
    const std::string when = toIso(start.day) + " " + clockText(start.minute);
    if (start < now)
        refuse(BookingRefused::Why::Past, when + " は過ぎています。これからの時刻を選んでください。",
               when + " has passed; choose a time from now on");
    const KindOfWork& kind = calendar.kindFor(procedures.front());
    int minutes = calendar.minutesFor(procedures);
    Fit fit = fitAt(calendar, start, kind, minutes, onDay, leaveOut);
    if (!fit.misfit)
        return;
    switch (*fit.misfit) {
    case Misfit::Closed: {
        rules::Text why = fit.closed ? fit.closed->text : rules::Text{"休業日", "a closed day"};
        refuse(BookingRefused::Why::Closed, toIso(start.day) + " は予約を受け付けていません（" + why.ja + "）。",
               toIso(start.day) + " takes no bookings (" + why.en + ")");
    }
    case Misfit::OutsideHours:
        refuse(BookingRefused::Why::OutsideHours,
               when + " から " + std::to_string(minutes) + " 分は受付時間（" + hoursText(fit.hours, true) +
                   "）に収まりません。",
               when + " for " + std::to_string(minutes) + " minutes is outside the hours (" +
                   hoursText(fit.hours, false) + ")");
    case Misfit::Full:
        refuse(BookingRefused::Why::Full,
               when + " は満席です（" + kind.name.ja + "の窓口 " + std::to_string(kind.windows) +
                   " つがすべて予約済み）。別の時刻を選んでください。",
               when + " is fully booked (all " + std::to_string(kind.windows) + " windows of " + kind.name.en +
                   " are taken); choose another time");
    }
}

void requireMayCancel(const Booking& b)
{
    if (b.state == BookingState::Cancelled)
        refuse(BookingRefused::Why::NotBooked, "予約 " + b.number + " はすでに取り消されています。",
               "booking " + b.number + " is already cancelled");
    if (b.state == BookingState::Arrived)
        refuse(BookingRefused::Why::NotBooked, "予約 " + b.number + " は来庁済みです（取り消せません）。",
               "booking " + b.number + " has arrived and cannot be cancelled");
}

void requireMayMove(const Booking& b)
{
    if (b.state == BookingState::Cancelled)
        refuse(BookingRefused::Why::NotBooked, "予約 " + b.number + " は取り消されています（変更できません）。",
               "booking " + b.number + " is cancelled and cannot be moved");
    if (b.state == BookingState::Arrived)
        refuse(BookingRefused::Why::NotBooked, "予約 " + b.number + " は来庁済みです（変更できません）。",
               "booking " + b.number + " has arrived and cannot be moved");
}

void requireMayCheckIn(const Booking& b, const date& today)
{
    if (b.state == BookingState::Arrived)
        refuse(BookingRefused::Why::NotBooked, "予約 " + b.number + " は受付済みです。",
               "booking " + b.number + " is already checked in" +
                   (b.caseId ? " (case " + std::to_string(*b.caseId) + ")" : std::string()));
    if (b.state == BookingState::Cancelled)
        refuse(BookingRefused::Why::NotBooked, "予約 " + b.number + " は取り消されています。",
               "booking " + b.number + " is cancelled");
    if (b.start.day != today)
        refuse(BookingRefused::Why::NotToday,
               "予約 " + b.number + " は " + toIso(b.start.day) + " の予約です（受付できるのは当日だけです）。",
               "booking " + b.number + " is for " + toIso(b.start.day) + ", not today: it is checked in on its day");
}

std::optional<StartTime> startTimeOfTimestamp(const std::string& iso)
{
    try {
        if (iso.size() < 16)
            return std::nullopt;
        return StartTime{parseIsoDate(iso.substr(0, 10), "at"), parseClock(iso.substr(11, 5), "at")};
    } catch (const ValidationError&) {
        return std::nullopt;
    }
}

Standing standingAt(const Booking& b, const StartTime& now, const OfficeCalendar& calendar)
{
    Standing s{b.state, false, 0};
    if (b.state == BookingState::Booked) {
        int past = minutesBetween(b.start, now);
        if (now.day > b.start.day || past >= calendar.missedAfterMinutes()) {
            s.state = BookingState::Missed;
            s.late = true;
            s.minutesLate = std::max(0, past);
        } else if (past >= calendar.lateAfterMinutes()) {
            s.late = true;
            s.minutesLate = past;
        }
    } else if (b.state == BookingState::Arrived) {
        if (auto at = startTimeOfTimestamp(b.arrivedAt)) {
            int past = minutesBetween(b.start, *at);
            if (past >= calendar.lateAfterMinutes()) {
                s.late = true;
                s.minutesLate = past;
            }
        }
    }
    return s;
}

} // namespace madoguchi::bookings
