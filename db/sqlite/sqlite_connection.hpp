#pragma once
// Opening a SQLite case book the way every part of the program must: private file mode, WAL,
// full fsync on commit, foreign keys, a busy timeout, the schema migrated.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <filesystem>
#include <memory>
#include <string>

namespace madoguchi::db {

struct StoreOptions;

// A file that does not exist is created (mode 0600) only with options.createIfMissing; an
// existing one readable by others is made 0600 (and its -wal/-shm), said through options.notice.
std::unique_ptr<SQLite::Database> openSqliteDatabase(const std::filesystem::path& path, const StoreOptions& options);

// Brings the schema up to the newest embedded migration, one transaction per migration.
// Refuses a file written by a newer program (user_version above ours).
void migrateSqlite(SQLite::Database& db);

// SQLite's failure as one of ours: busy/locked, disk full, corrupt, I/O. The message says what
// the user can do about it.
[[noreturn]] void rethrowAsStorageError(const SQLite::Exception& e, const std::string& doing);

} // namespace madoguchi::db
