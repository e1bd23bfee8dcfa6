#pragma once
// The deadline engine's rules as a catalogue: each computed date names the rule that produced it,
// so that `rules explain`, the rule-book PDF and the window can say why a date is what it is. The
// computation itself stays in deadlines.cpp; this is its provenance (id, wording, source, dates).
#include <span>
#include <string_view>

namespace madoguchi::rules {

struct DeadlineRule {
    std::string_view id;                  // "card-validity-adult"
    std::string_view ja;                  // one line in Japanese
    std::string_view en;                  // the same in English
    std::string_view source;              // the public pages it comes from
    std::string_view effectiveFrom;       // ISO day the rule applies from
    std::string_view effectiveUntil = {}; // last day, empty while in force
};

std::span<const DeadlineRule> deadlineRules();
// The rule with this id; throws std::out_of_range for an id the engine does not know.
const DeadlineRule& deadlineRule(std::string_view id);

} // namespace madoguchi::rules
