#pragma once
// Local wall-clock time. Cases belong to the office's local day, so every timestamp is taken in
// local time with its UTC offset, e.g. 2026-11-29T10:05:00+09:00 — the format the case book
// stores. This file is its one writer (now()) and its one reader (readTimestamp()): whatever needs
// a stored time's day, its clock time or the minutes between two asks here.
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi {

struct Timestamp {
    std::string iso;                 // 2026-11-29T10:05:00+09:00
    boost::gregorian::date localDay; // 2026-11-29
    std::int64_t epoch = 0;          // seconds since 1970-01-01T00:00:00Z
};

Timestamp now();

// A stored timestamp read back. Fractions of a second (.123) and Z for UTC are taken too.
struct TimestampParts {
    boost::gregorian::date localDay;
    int hour = 0, minute = 0, second = 0;
    int offsetMinutes = 0;                // east of UTC: +09:00 is 540
    std::int64_t epoch = 0;               // seconds since 1970-01-01T00:00:00Z
    std::string clock() const;            // 10:05
    std::string clockWithSeconds() const; // 10:05:00
    std::string dayAndClock() const;      // 2026-11-29 10:05
};

// None when the text is not a timestamp of that form.
std::optional<TimestampParts> readTimestamp(std::string_view iso);
std::optional<std::int64_t> epochSeconds(std::string_view iso);
// The whole minutes from one stored timestamp to another; none when either is not one.
std::optional<long> minutesBetween(std::string_view fromIso, std::string_view toIso);
// The timestamp of an instant at a given offset: 2026-11-29T10:05:00+09:00.
std::string timestampAt(std::int64_t epoch, int offsetMinutes);
// Seconds since the epoch at the start of a local day at that offset.
std::int64_t startOfDay(const boost::gregorian::date& day, int offsetMinutes);
// The UTC offset a stored timestamp carries, in minutes; the office's zone (JST, 540) when the
// text is not a timestamp.
int offsetMinutesOf(std::string_view iso);

// Parses YYYY-MM-DD strictly: 2026-02-30 and 2026-2-3 are refused with a ValidationError naming
// `what` (the field) so that the message tells the user which input was wrong.
boost::gregorian::date parseIsoDate(const std::string& text, const std::string& what);
std::string toIso(const boost::gregorian::date& d);

} // namespace madoguchi
