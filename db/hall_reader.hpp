#pragma once
// The queue as the waiting hall's screen reads it (core/queue/hall_board.hpp): today's reception
// numbers, windows, times and procedure ids of one office, its calls and its call settings —
// nothing that names a resident — read without any right to write. SQLite: the file opened
// read-only (never created), only those columns selected. PostgreSQL: the views hall_visits,
// hall_calls and hall_settings (migration 005), which a display role may read while it may read
// nothing else (db/postgresql/display_role_grants.sql). No migration is ever run from here.
#include "core/queue/hall_board.hpp"

#include <chrono>
#include <memory>
#include <string>

namespace madoguchi::db {

// The first schema version with the calls and the hall views (migration 005_calls, both backends);
// an older case book is refused rather than migrated from here.
inline constexpr int kCallsSchemaVersion = 5;
// From this version (migration 007_bookings) a visit checked in for a booking has its start time
// (cases.booked_start; PostgreSQL: hall_visits.booked_start), which the hall's order reads; an
// older book has no bookings, so none is booked.
inline constexpr int kBookingsSchemaVersion = 7;

class HallReader {
public:
    virtual ~HallReader() = default;
    // One consistent read of the office's day (ISO). StorageError when the case book cannot be read
    // now: locked by a writer (Busy), the server away (Unreachable), older than this program.
    virtual HallSnapshot read(const std::string& day) = 0;
    // Waits up to `timeout` for a change to the case book (SQLite: the file's data_version;
    // PostgreSQL: the live-refresh notifications). True when something changed (or may have).
    virtual bool waitForChange(std::chrono::milliseconds timeout) = 0;
    virtual std::string describe() const = 0; // no password
};

// `url`: a file path, sqlite:PATH or postgresql://… as for openStore(). StorageError when it
// cannot be opened (a missing file is not created).
std::unique_ptr<HallReader> openHallReader(const std::string& url, const std::string& office);

} // namespace madoguchi::db
