#pragma once
// The booking book's statements that run often (the day's appointments: once per day a free-slot
// search looks at), prepared once per connection.
#include "db/sqlite/sqlite_case_store.hpp"

#include <SQLiteCpp/Statement.h>

namespace madoguchi::db {

// The columns of a booking, in the order bookingFromRow reads them.
inline constexpr const char* kBookingColumns =
    "id, booking_number, day, start_minute, minutes, kind, procedures, applicant, name, kana, birth, phone, language,"
    " notes, source, external_id, state, cancel_reason, case_id, arrived_at, created_at, updated_at, version";

struct SqliteCaseStore::BookingStatements {
    explicit BookingStatements(SQLite::Database& db)
        : appointments(db, "SELECT id, kind, start_minute, minutes FROM bookings"
                           " WHERE office = ? AND day = ? AND state IN ('booked', 'arrived')"),
          between(db, "SELECT day, id, kind, start_minute, minutes FROM bookings"
                      " WHERE office = ? AND day >= ? AND day <= ? AND state IN ('booked', 'arrived')")
    {
    }
    SQLite::Statement appointments, between;
};

} // namespace madoguchi::db
