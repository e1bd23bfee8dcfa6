#pragma once
// Bookings as JSON, the shape promised by the madoguchi-cli contract (docs/cli.md, "booking"):
// id, booking_number, start (local time with its offset), procedure (the first) and procedures,
// state — what the booking stands for now (a booking long past its time without the resident is
// "missed") — with `late`, and the rest of its fields.
#include "core/bookings/booking_rules.hpp"
#include "db/booking_store.hpp"

#include <nlohmann/json.hpp>

namespace madoguchi::app {

nlohmann::json toJson(const bookings::Booking& b, const bookings::Standing& standing);
nlohmann::json toJson(const bookings::FreeSlot& s);
nlohmann::json toJson(const db::BookingImportResult& r);

} // namespace madoguchi::app
