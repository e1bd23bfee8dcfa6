#pragma once
// Files no output may ever replace, even when replacing was asked: the case book this process has
// open (and the -wal, -shm and -journal files SQLite keeps beside it), any SQLite database or WAL
// file (another case book, a backup), and pg_dump archives (backups of a PostgreSQL case book).
// Known by what they are, not by their names: a case book may be called anything.
#include <filesystem>
#include <optional>
#include <string>

namespace madoguchi::files {

// Called by the case book when it opens a file (db/sqlite): from then on, that file and its
// companions are never an output target in this process.
void protectFromOutput(const std::filesystem::path& caseBook);

// Why `target` must never be written, or nothing when it may be.
std::optional<std::string> whyProtected(const std::filesystem::path& target);

} // namespace madoguchi::files
