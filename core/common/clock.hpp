#pragma once
// Local wall-clock time. Cases belong to the office's local day, so every timestamp is taken in
// local time with its UTC offset, e.g. 2026-11-29T10:05:00+09:00.
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <string>

namespace madoguchi {

struct Timestamp {
    std::string iso;                 // 2026-11-29T10:05:00+09:00
    boost::gregorian::date localDay; // 2026-11-29
};

Timestamp now();

// Parses YYYY-MM-DD strictly: 2026-02-30 and 2026-2-3 are refused with a ValidationError naming
// `what` (the field) so that the message tells the user which input was wrong.
boost::gregorian::date parseIsoDate(const std::string& text, const std::string& what);
std::string toIso(const boost::gregorian::date& d);

} // namespace madoguchi
