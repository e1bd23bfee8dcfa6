#pragma once
// Mapping between rows of `bookings` and the domain's Booking on PostgreSQL; one column list for
// every SELECT (dates as ISO text, so that both backends hand the domain the same strings).
#include "core/bookings/booking.hpp"

#include <pqxx/row>

namespace madoguchi::db {

inline constexpr const char* kPgBookingColumns =
    "id, booking_number, day::text, start_minute, minutes, kind, procedures, applicant, name, kana, birth::text,"
    " phone, language, notes, source, external_id, state, cancel_reason, case_id, arrived_at, created_at,"
    " updated_at, version";

bookings::Booking bookingFromPgRow(const pqxx::row& row);

} // namespace madoguchi::db
