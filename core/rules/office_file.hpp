#pragma once
// An office's own file: what the handout prints about the office (the keys of the former
// office.json), its places with their hours, and rule entries that override or add to the
// national data for this office only (places and reservations, extra documents, notes). One file
// per office; the format is in data/rules/README.md. Read and checked here, for the rule book and
// for the handout alike; a fault names the file, the entry and what is wrong (RuleFileError).
#include "core/rules/requirements.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::rules {

struct OfficeFile {
    std::string fileName; // as messages and sources name it
    std::string id;       // "kodaira" ("office" key; empty in a file of the former office.json form)
    std::string source;   // the public page(s) its rules come from
    // What the handout prints; a key left out keeps the printer's default.
    std::optional<std::string> nameJa, nameEn, addressJa, addressEn, phone, hoursJa, hoursEn;
    std::vector<OfficePlace> places;
    nlohmann::json rules; // "documents", "contacts", "circumstances", "entries", for the rule book
    // "appointments": the booking calendar (an object, or a file name beside the office file), as
    // the bookings work reads it; null when the file has none.
    nlohmann::json appointments;
    bool hasRules() const { return rules.contains("entries"); }
};

// Throws RuleFileError for a file that cannot be read, is not JSON, has an unknown key, a key of
// the wrong kind, a place without a name, hours that are not HH:MM or close before they open.
// The rule entries are checked when the rule book loads the file with the national data.
OfficeFile readOfficeFile(const std::filesystem::path& path);

// "月〜金 8:30〜17:00" / "Mon–Fri 8:30–17:00" for a list of weekdays ("mon"… "sun") and times.
Text hoursText(const std::vector<std::string>& days, const std::string& open, const std::string& close);

} // namespace madoguchi::rules
