// The booking book as the window calls it: each call on the window's store worker, waited for
// without freezing (waiting_store.hpp), like every other call of the case book.
#include "app/gui/waiting_store_call.hpp"
#include "core/common/errors.hpp"

namespace madoguchi::gui {

using namespace bookings;

db::BookingStore* WaitingStore::bookings()
{
    return inner_.bookings() ? this : nullptr;
}

db::BookingStore& WaitingStore::innerBookings()
{
    db::BookingStore* b = inner_.bookings();
    if (!b)
        throw StorageError(StorageError::Kind::Other, "this case book keeps no bookings");
    return *b;
}

Booking WaitingStore::addBooking(const BookingDraft& draft, const OfficeCalendar& calendar, const db::Actor& actor)
{
    return call([&] { return innerBookings().addBooking(draft, calendar, actor); });
}

std::optional<Booking> WaitingStore::findBooking(BookingId id)
{
    return call([&] { return innerBookings().findBooking(id); });
}

std::optional<Booking> WaitingStore::findBookingByNumber(const std::string& number)
{
    return call([&] { return innerBookings().findBookingByNumber(number); });
}

std::vector<Booking> WaitingStore::searchBookings(const db::BookingQuery& query)
{
    return call([&] { return innerBookings().searchBookings(query); });
}

std::vector<Appointment> WaitingStore::appointmentsOn(const boost::gregorian::date& day)
{
    return call([&] { return innerBookings().appointmentsOn(day); });
}

std::map<boost::gregorian::date, std::vector<Appointment>>
WaitingStore::appointmentsBetween(const boost::gregorian::date& from, const boost::gregorian::date& to)
{
    return call([&] { return innerBookings().appointmentsBetween(from, to); });
}

Booking WaitingStore::moveBooking(BookingId id, const StartTime& to, const OfficeCalendar& calendar,
                                  const db::Actor& actor)
{
    return call([&] { return innerBookings().moveBooking(id, to, calendar, actor); });
}

Booking WaitingStore::cancelBooking(BookingId id, const std::string& reason, const db::Actor& actor)
{
    return call([&] { return innerBookings().cancelBooking(id, reason, actor); });
}

Case WaitingStore::checkIn(BookingId id, const CaseDraft& visit, const db::Actor& actor)
{
    return call([&] { return innerBookings().checkIn(id, visit, actor); });
}

db::BookingImportResult WaitingStore::importBookings(const std::vector<db::ImportedBooking>& lines,
                                                     const OfficeCalendar& calendar, const db::Actor& actor)
{
    return call([&] { return innerBookings().importBookings(lines, calendar, actor); });
}

void WaitingStore::recordBookingAccess(const db::Actor& actor, const std::string& action,
                                       const std::vector<BookingId>& ids, const std::string& detail)
{
    call([&] { innerBookings().recordBookingAccess(actor, action, ids, detail); });
}

} // namespace madoguchi::gui
