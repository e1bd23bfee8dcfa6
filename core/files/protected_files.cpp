#include "core/files/protected_files.hpp"

#include <array>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace madoguchi::files {

namespace fs = std::filesystem;

namespace {

// The files SQLite keeps beside a database (https://www.sqlite.org/tempfiles.html).
constexpr std::array<const char*, 3> kCompanions{"-wal", "-shm", "-journal"};

struct Registry {
    std::mutex mutex;
    std::vector<fs::path> books; // absolute, normalised
};

Registry& registry()
{
    static Registry r;
    return r;
}

fs::path normalised(const fs::path& p)
{
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec);
    if (ec)
        abs = p;
    fs::path canon = fs::weakly_canonical(abs, ec);
    return ec ? abs.lexically_normal() : canon;
}

bool sameFile(const fs::path& a, const fs::path& b)
{
    struct stat sa {
    }, sb{};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

enum class Kind { Other, SqliteDatabase, SqliteWal, PgDumpArchive, Unreadable };

// By the file's first bytes: the header strings of https://www.sqlite.org/fileformat.html (database
// header "SQLite format 3\0"; WAL header magic 0x377f0682 or 0x377f0683, big-endian) and pg_dump's
// custom and tar archives ("PGDMP", src/bin/pg_dump/pg_backup_archiver.c).
Kind kindOf(const fs::path& file)
{
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        // A link is judged by what it points to.
        fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return errno == ENOENT ? Kind::Other : Kind::Unreadable;
    }
    unsigned char head[16] = {};
    ssize_t n = ::read(fd, head, sizeof head);
    ::close(fd);
    if (n < 0)
        return Kind::Unreadable;
    if (n >= 16 && std::memcmp(head, "SQLite format 3\0", 16) == 0)
        return Kind::SqliteDatabase;
    if (n >= 4 && head[0] == 0x37 && head[1] == 0x7f && head[2] == 0x06 && (head[3] == 0x82 || head[3] == 0x83))
        return Kind::SqliteWal;
    if (n >= 5 && std::memcmp(head, "PGDMP", 5) == 0)
        return Kind::PgDumpArchive;
    return Kind::Other;
}

} // namespace

void protectFromOutput(const fs::path& caseBook)
{
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    fs::path p = normalised(caseBook);
    for (const auto& b : r.books)
        if (b == p)
            return;
    r.books.push_back(p);
}

std::optional<std::string> whyProtected(const fs::path& target)
{
    const fs::path t = normalised(target);
    const std::string shown = target.string();
    {
        auto& r = registry();
        std::lock_guard lock(r.mutex);
        for (const auto& book : r.books) {
            if (t == book || sameFile(t, book))
                return shown + ": it is the case book in use";
            for (const char* suffix : kCompanions) {
                fs::path companion = book;
                companion += suffix;
                if (t == companion || sameFile(t, companion))
                    return shown + ": it belongs to the case book in use (its " + std::string(suffix + 1) + " file)";
            }
        }
    }
    std::error_code ec;
    auto st = fs::symlink_status(target, ec);
    // A folder is no file to check by its first bytes: the writer refuses it as a failed write.
    if (!ec && fs::exists(st) && !fs::is_directory(fs::status(target, ec))) {
        switch (kindOf(target)) {
        case Kind::SqliteDatabase:
            return shown + ": it is an SQLite database (a case book or a backup of one)";
        case Kind::SqliteWal:
            return shown + ": it is an SQLite write-ahead log";
        case Kind::PgDumpArchive:
            return shown + ": it is a pg_dump archive (a backup of a case book)";
        case Kind::Unreadable:
            return shown + ": it exists and cannot be read to check what it is";
        case Kind::Other:
            break;
        }
    }
    // A companion of a database that is not open here: SQLite would take it for its own.
    const std::string name = t.filename().string();
    for (const char* suffix : kCompanions) {
        std::size_t len = std::strlen(suffix);
        if (name.size() > len && name.compare(name.size() - len, len, suffix) == 0) {
            fs::path base = t.parent_path() / name.substr(0, name.size() - len);
            if (kindOf(base) == Kind::SqliteDatabase)
                return shown + ": it belongs to the SQLite database " + base.string();
        }
    }
    return std::nullopt;
}

} // namespace madoguchi::files
