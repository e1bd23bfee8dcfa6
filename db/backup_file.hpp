#pragma once
// Backups are written beside their target and renamed into place, so that a half-written backup
// never carries the target's name; created 0600 like the case book itself (it holds personal data).
#include <filesystem>

namespace madoguchi::db {

// Refuses an existing target (ValidationError: a backup never overwrites), creates the empty
// private file `target.partial` and returns its path.
std::filesystem::path startBackupFile(const std::filesystem::path& target);

} // namespace madoguchi::db
