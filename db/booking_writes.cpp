// The rows a booking book writes and the plan of an import (booking_writes.hpp).
#include "db/booking_writes.hpp"

#include "core/text/search_fold.hpp"

#include <cctype>

namespace madoguchi::db {

using namespace bookings;

BookingRow bookingRow(const BookingDraft& draft, const OfficeCalendar& calendar)
{
    BookingRow r;
    r.draft = draft;
    r.draft.name = trimmed(draft.name);
    r.draft.kana = trimmed(draft.kana);
    r.draft.phone = trimmed(draft.phone);
    r.minutes = calendar.minutesFor(draft.procedures);
    r.kind = calendar.kindFor(draft.procedures.front()).id;
    r.nameFolded = foldForSearch(r.draft.name);
    r.kanaFolded = foldForSearch(r.draft.kana);
    for (char c : normalizeWidth(r.draft.phone))
        if (std::isdigit(static_cast<unsigned char>(c)))
            r.phoneDigits += c;
    return r;
}

BookingSearchText bookingSearchText(const std::string& typed)
{
    BookingSearchText t;
    std::string text = trimmed(typed);
    if (auto seq = parseBookingNumber(text)) {
        t.numberSeq = seq;
        return t;
    }
    std::string width = normalizeWidth(text);
    std::string digits;
    bool phoneLike = !width.empty();
    for (char c : width) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits += c;
        else if (c != '-' && c != ' ' && c != '(' && c != ')' && c != '+')
            phoneLike = false;
    }
    if (phoneLike && digits.size() >= 3)
        t.phoneDigits = digits;
    else
        t.folded = foldForSearch(text);
    return t;
}

std::string likeEscaped(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

bool sameDetails(const BookingDraft& a, const Booking& b)
{
    return a.procedures == b.procedures && a.start == b.start && trimmed(a.name) == b.name &&
           trimmed(a.kana) == b.kana && a.birth == b.birth && trimmed(a.phone) == b.phone &&
           a.applicant == b.applicant && a.language == b.language && a.notes == b.notes;
}

std::string refusalKind(BookingRefused::Why why)
{
    switch (why) {
    case BookingRefused::Why::Full:
        return "full";
    case BookingRefused::Why::Closed:
        return "closed";
    case BookingRefused::Why::OutsideHours:
        return "outside-hours";
    case BookingRefused::Why::Past:
        return "past";
    case BookingRefused::Why::NotBooked:
    case BookingRefused::Why::NotToday:
    case BookingRefused::Why::Duplicate:
        break;
    }
    return "changed";
}

ImportPlan planImport(const std::vector<ImportedBooking>& lines, const std::map<std::string, Booking>& existing,
                      std::map<boost::gregorian::date, std::vector<Appointment>>& onDays,
                      const OfficeCalendar& calendar, const StartTime& now)
{
    ImportPlan plan;
    for (const auto& l : lines) {
        if (auto it = existing.find(l.draft.externalId); it != existing.end()) {
            if (sameDetails(l.draft, it->second))
                ++plan.result.unchanged;
            else
                plan.result.refused.push_back({l.line,
                                               "external id \"" + l.draft.externalId + "\" is already booking " +
                                                   it->second.number +
                                                   " with other details: move or cancel that booking in Madoguchi",
                                               "changed"});
            continue;
        }
        auto& day = onDays[l.draft.start.day];
        try {
            requireRoom(calendar, l.draft.start, l.draft.procedures, day, now);
        } catch (const BookingRefused& e) {
            plan.result.refused.push_back({l.line, e.what(), refusalKind(e.why())});
            continue;
        }
        BookingRow row = bookingRow(l.draft, calendar);
        // Taken: the next lines see its window busy. (Id 0: it leaves nothing out.)
        day.push_back({0, row.kind, row.draft.start.minute, row.minutes});
        plan.add.push_back(std::move(row));
    }
    plan.result.added = static_cast<int>(plan.add.size());
    return plan;
}

} // namespace madoguchi::db
