#pragma once
// Local wall-clock time. Cases belong to the office's local day, so every timestamp is taken in
// local time with its UTC offset, e.g. 2026-11-29T10:05:00+09:00.
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace madoguchi {

struct Timestamp {
    std::string iso;                 // 2026-11-29T10:05:00+09:00
    boost::gregorian::date localDay; // 2026-11-29
    std::int64_t epoch = 0;          // seconds since 1970-01-01T00:00:00Z
};

Timestamp now();

// Seconds since the epoch of an ISO timestamp with offset (2026-11-29T10:05:00+09:00, fractions
// of a second ignored, Z for UTC); none when the text is not one.
std::optional<std::int64_t> epochSeconds(const std::string& iso);
// The ISO timestamp of `epoch` at a UTC offset of `offsetMinutes` (540 for JST).
std::string isoAt(std::int64_t epoch, int offsetMinutes);
// The UTC offset an ISO timestamp carries, in minutes; the office's zone (JST) when it has none.
int offsetMinutesOf(const std::string& iso);

// Parses YYYY-MM-DD strictly: 2026-02-30 and 2026-2-3 are refused with a ValidationError naming
// `what` (the field) so that the message tells the user which input was wrong.
boost::gregorian::date parseIsoDate(const std::string& text, const std::string& what);
std::string toIso(const boost::gregorian::date& d);

} // namespace madoguchi
