#pragma once
// The booking book's statements that run often (the day's appointments: once per day a free-slot
// search looks at), prepared once per connection.
#include "db/sqlite/sqlite_case_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <string>

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
                      " WHERE office = ? AND day >= ? AND day <= ? AND state IN ('booked', 'arrived')"),
          nextSeq(db, "SELECT COALESCE(MAX(seq), 0) + 1 FROM bookings WHERE office = ?"),
          insert(db, "INSERT INTO bookings (office, seq, booking_number, day, start_minute, minutes, kind,"
                     " procedures, procedure, applicant, name, kana, name_folded, kana_folded, birth, phone,"
                     " phone_digits, language, notes, source, external_id, created_at, updated_at)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
                     " ?18, ?19, ?20, ?21, ?22, ?22)"),
          byExternalId(db,
                       std::string("SELECT ") + kBookingColumns + " FROM bookings WHERE office = ? AND external_id = ?")
    {
    }
    // A day's appointments, a span's; and what an import does once per line (prepared once: a
    // 10,000-line file spent most of its time preparing these again and again).
    SQLite::Statement appointments, between, nextSeq, insert, byExternalId;
};

} // namespace madoguchi::db
