// What every booking book does the same way, on top of the backend's reads: free slots from the
// day's appointments, the audit detail, the check-in's case draft.
#include "db/booking_store.hpp"

#include "core/cases/visit.hpp"
#include "core/common/errors.hpp"

namespace madoguchi::db {

using namespace bookings;
using boost::gregorian::date;
using boost::gregorian::days;

Booking BookingStore::getBooking(BookingId id)
{
    if (auto b = findBooking(id))
        return *b;
    throw NotFound("no booking with id " + std::to_string(id));
}

std::vector<FreeSlot> BookingStore::freeSlots(std::span<const Procedure> procedures, const StartTime& from, int count,
                                              const OfficeCalendar& calendar)
{
    if (procedures.empty())
        throw ValidationError("procedure: a booking needs at least one procedure");
    if (count < 1 || count > 366)
        throw ValidationError("days: between 1 and 366");
    const KindOfWork& kind = calendar.kindFor(procedures.front());
    int minutes = calendar.minutesFor(procedures);
    std::vector<FreeSlot> out;
    auto byDay = appointmentsBetween(from.day, from.day + days(count - 1));
    for (int i = 0; i < count; ++i) {
        date d = from.day + days(i);
        if (calendar.hoursOn(d).empty())
            continue;
        auto slots = slotsOn(calendar, d, kind, minutes, byDay[d], d == from.day ? from.minute : 0);
        out.insert(out.end(), slots.begin(), slots.end());
    }
    return out;
}

std::optional<FreeSlot> BookingStore::firstFreeSlot(std::span<const Procedure> procedures, const StartTime& from,
                                                    const OfficeCalendar& calendar, int horizonDays)
{
    if (procedures.empty())
        throw ValidationError("procedure: a booking needs at least one procedure");
    const KindOfWork& kind = calendar.kindFor(procedures.front());
    int minutes = calendar.minutesFor(procedures);
    // Day by day: the first free slot is usually near, and a day's bookings are one index range.
    for (int i = 0; i < horizonDays; ++i) {
        date d = from.day + days(i);
        if (calendar.hoursOn(d).empty())
            continue;
        auto onDay = appointmentsOn(d);
        auto slots = slotsOn(calendar, d, kind, minutes, onDay, d == from.day ? from.minute : 0);
        if (!slots.empty())
            return slots.front();
    }
    return std::nullopt;
}

std::string bookingAuditDetail(BookingId id, const std::string& more)
{
    return "booking " + std::to_string(id) + (more.empty() ? "" : "; " + more);
}

CaseDraft caseDraftFromBooking(const Booking& b)
{
    CaseDraft d;
    setProcedures(d, b.procedures);
    d.resident.name = b.name;
    d.resident.kana = b.kana;
    if (b.birth)
        d.resident.birth = *b.birth;
    d.applicant.type = b.applicant;
    d.notes = b.notes;
    return d;
}

} // namespace madoguchi::db
