#pragma once
// The disputed readings (readings.hpp) as a list that can be printed: `rules explain` and the
// printed rule book say which reading of each the engine took, with the sources, so that nobody
// has to read the code to learn it. The reasons are in readings.hpp; docs/rules.md §9 has the table.
#include "core/rules/readings.hpp"

#include <string_view>
#include <vector>

namespace madoguchi::rules {

struct DisputedReading {
    std::string_view name;  // the switch: "kLeapDayRule"
    std::string_view taken; // the reading in force: "february-28"
    std::string_view other; // the other reading: "march-1"
    std::string_view ja;    // what the taken reading says, one line
    std::string_view en;
    std::string_view source; // the sources of both readings
};

// Every switch, with the reading `readings` takes (the defaults unless a test asks otherwise).
std::vector<DisputedReading> disputedReadings(const Readings& readings);

} // namespace madoguchi::rules
