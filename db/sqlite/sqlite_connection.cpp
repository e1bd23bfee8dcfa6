#include "db/sqlite/sqlite_connection.hpp"

#include "core/common/errors.hpp"
#include "core/files/protected_files.hpp"
#include "db/case_store.hpp"
#include "db/migrations.hpp"
#include "db/sqlite/sqlite_search_refold.hpp"

#include <SQLiteCpp/Transaction.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace madoguchi::db {

namespace {

constexpr int kBusyTimeoutMs = 5000;

// The case book holds personal data: the file (and the -wal/-shm files SQLite creates beside it
// with the same mode) is readable by its owner only.
void createPrivateFile(const std::filesystem::path& path)
{
    std::error_code ec;
    if (path.has_parent_path()) {
        // Folders made here hold only case books: the owner's alone.
        if (std::filesystem::create_directories(path.parent_path(), ec))
            std::filesystem::permissions(path.parent_path(), std::filesystem::perms::owner_all,
                                         std::filesystem::perm_options::replace, ec);
        if (ec)
            throw StorageError(StorageError::Kind::Io,
                               "cannot create the folder " + path.parent_path().string() + ": " + ec.message());
    }
    int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0)
        throw StorageError(StorageError::Kind::Io, "cannot create the database file " + path.string());
    ::close(fd);
}

// A case book made by an older version, copied with cp, or restored by hand may be 0644: every
// local user could read every resident. On open it is made the owner's alone, with the -wal/-shm
// beside it (SQLite gives new ones the book's mode), and the folder when it is the program's own
// data folder. A folder the user named (a home, /tmp, a share) is not ours to change.
void makePrivate(const std::filesystem::path& path, const StoreOptions& options)
{
    auto tighten = [&](const std::filesystem::path& p, mode_t wanted) {
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0 || (st.st_mode & 077) == 0 || st.st_uid != ::geteuid())
            return;
        char was[8];
        std::snprintf(was, sizeof was, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        bool made = ::chmod(p.c_str(), wanted) == 0;
        if (options.notice)
            options.notice(p.string() + " was readable by others (mode " + was + "); " +
                           (made ? std::string("made ") + (wanted == 0700 ? "0700" : "0600") + " (owner only)"
                                 : std::string("could not change it: ") + std::strerror(errno)));
    };
    tighten(path, 0600);
    tighten(path.string() + "-wal", 0600);
    tighten(path.string() + "-shm", 0600);
    std::error_code ec;
    if (path.has_parent_path() &&
        std::filesystem::equivalent(path.parent_path(), defaultDatabasePath().parent_path(), ec))
        tighten(path.parent_path(), 0700);
}

// SQLite counts every allocation under a process-wide mutex for sqlite3_memory_used(), which we
// never ask; without the count a bulk import runs measurably faster. It can only be switched off
// before SQLite initialises: if something opened a database earlier, the call fails and the
// count stays on, which is harmless.
void skipMemoryStatistics()
{
    static const bool once = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)once;
}

} // namespace

[[noreturn]] void rethrowAsStorageError(const SQLite::Exception& e, const std::string& doing)
{
    int code = e.getErrorCode();
    std::string what = doing + ": " + e.what();
    switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw StorageError(StorageError::Kind::Busy,
                           doing + ": the database is locked by another program; try again in a moment");
    case SQLITE_FULL:
        throw StorageError(StorageError::Kind::Full, doing + ": the disk is full; nothing was saved");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        throw StorageError(StorageError::Kind::Corrupt,
                           doing + ": the database file is damaged or not a case book (" + std::string(e.what()) + ")");
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        throw StorageError(StorageError::Kind::Io, what);
    default:
        throw StorageError(StorageError::Kind::Other, what);
    }
}

std::unique_ptr<SQLite::Database> openSqliteDatabase(const std::filesystem::path& path, const StoreOptions& options)
{
    skipMemoryStatistics();
    // From now on no output of this process may replace the case book or its -wal/-shm.
    files::protectFromOutput(path);
    bool fresh = !std::filesystem::exists(path);
    if (fresh && !options.createIfMissing)
        throw ValidationError("--db: there is no case book at " + path.string() +
                              " (a new one is made by `madoguchi-cli user init-admin` or with --create)");
    if (fresh)
        createPrivateFile(path);
    else
        makePrivate(path, options);
    try {
        mode_t old = ::umask(077); // the -wal and -shm files
        // NOMUTEX: a connection is only ever used by one thread at a time (the change watcher
        // opens its own), so SQLite need not lock it around every call.
        auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
        ::umask(old);
        db->setBusyTimeout(kBusyTimeoutMs);
        // 8 KB pages for a new book (before WAL fixes the size): fewer page splits when a bulk
        // import fills the indexes; an existing book keeps the size it was made with.
        if (fresh)
            db->exec("PRAGMA page_size=8192");
        // WAL: readers do not block the writer. synchronous=FULL: a commit that returned is on disk,
        // so a case acknowledged to the clerk survives a power cut (NORMAL could lose the last ones).
        db->exec("PRAGMA journal_mode=WAL");
        db->exec("PRAGMA synchronous=FULL");
        db->exec("PRAGMA foreign_keys=ON");
        // Deleted and overwritten text (an edited address, a purged case) is zeroed, not left in
        // free pages of the file for anyone who copies it.
        db->exec("PRAGMA secure_delete=ON");
        // 64 MB of page cache: the name, kana and birth indexes take inserts in random order, and
        // a million-case book no longer fits SQLite's 2 MB default.
        db->exec("PRAGMA cache_size=-65536");
        migrateSqlite(*db);
        refoldSqliteSearchTexts(*db);
        return db;
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "opening " + path.string());
    }
}

void migrateSqlite(SQLite::Database& db)
{
    int current = db.execAndGet("PRAGMA user_version").getInt();
    const auto& migrations = sqliteMigrations();
    refuseNewerSchema(current, newestVersion(migrations));
    for (const auto& m : migrations) {
        if (m.version <= current)
            continue;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Another program may have migrated while we waited for the write lock.
        if (db.execAndGet("PRAGMA user_version").getInt() >= m.version)
            continue;
        db.exec(m.sql);
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
    }
}

} // namespace madoguchi::db
