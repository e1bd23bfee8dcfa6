#pragma once
// Everything a SQLite case book holds, as one text: every row of every table (the audit trail,
// the users and the search indexes included), in a fixed order. Two dumps are equal exactly when
// nothing was changed, added or removed: what the refusal tests compare before and after.
#include <filesystem>
#include <string>

namespace madoguchi::test {

std::string caseBookDump(const std::filesystem::path& file);

// Rows in the audit trail whose action is `action` (all rows for an empty action).
int auditCount(const std::filesystem::path& file, const std::string& action = "");

} // namespace madoguchi::test
