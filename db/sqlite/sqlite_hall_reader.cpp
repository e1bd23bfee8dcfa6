// The hall's reader on a SQLite case book: the file opened read-only (SQLITE_OPEN_READONLY and
// query_only: this connection cannot write, and a missing file is not created), only the queue's
// columns selected, each read one read transaction. A writer holding the file (an exclusive lock,
// a long checkpoint) makes a read fail as Busy after a short wait: the display says so and tries
// again, rather than hanging.
#include "core/common/errors.hpp"
#include "db/call_rules.hpp"
#include "db/case_row_texts.hpp"
#include "db/hall_reader.hpp"
#include "db/sqlite/sqlite_connection.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <thread>

namespace madoguchi::db {

namespace {

constexpr int kBusyTimeoutMs = 250;
constexpr auto kPollInterval = std::chrono::milliseconds(50);

std::optional<std::string> textOrNone(const SQLite::Column& c)
{
    if (c.isNull())
        return std::nullopt;
    return c.getString();
}

class SqliteHallReader final : public HallReader {
public:
    SqliteHallReader(const std::filesystem::path& path, std::string office) : path_(path), office_(std::move(office))
    {
        if (!std::filesystem::exists(path_))
            throw StorageError(StorageError::Kind::Io, "no case book at " + path_.string());
        try {
            db_ = std::make_unique<SQLite::Database>(path_.string(), SQLite::OPEN_READONLY);
            db_->setBusyTimeout(kBusyTimeoutMs);
            db_->exec("PRAGMA query_only = ON");
            int version = db_->execAndGet("PRAGMA user_version").getInt();
            if (version < kCallsSchemaVersion)
                throw StorageError(StorageError::Kind::Other,
                                   "the case book " + path_.string() + " has schema version " +
                                       std::to_string(version) +
                                       ", older than calling residents; open it once with madoguchi or "
                                       "madoguchi-cli db check to bring it up to date");
            bookedStart_ = version >= kBookingsSchemaVersion ? "c.booked_start" : "NULL";
            dataVersion_ = currentDataVersion();
        } catch (const SQLite::Exception& e) {
            rethrowAsStorageError(e, "opening " + path_.string() + " read-only");
        }
    }

    HallSnapshot read(const std::string& day) override
    {
        HallSnapshot s;
        s.office = office_;
        s.day = day;
        try {
            db_->exec("BEGIN"); // one snapshot for the three reads
            struct End {
                SQLite::Database& db;
                ~End()
                {
                    try {
                        db.exec("COMMIT");
                    } catch (...) {
                    }
                }
            } end{*db_};
            {
                // A checked-in booking's start time orders the booked resident as calling does.
                SQLite::Statement q(*db_,
                                    "SELECT c.reception_number, c.created_at, c.status, c.called_at,"
                                    " c.call_window, c.back_at, " +
                                        bookedStart_ +
                                        " AS booked_at,"
                                        " (SELECT group_concat(p.position || ':' || p.procedure || ':' || p.status,"
                                        " ' ') FROM case_procedures p WHERE p.case_id = c.id)"
                                        " FROM cases c WHERE c.office = ? AND c.day = ? ORDER BY c.seq");
                q.bind(1, office_);
                q.bind(2, day);
                while (q.executeStep()) {
                    HallVisit v;
                    v.receptionNumber = q.getColumn(0).getString();
                    v.receivedAt = q.getColumn(1).getString();
                    v.status = parseStatus(q.getColumn(2).getString());
                    v.call =
                        callStateOf(textOrNone(q.getColumn(3)), textOrNone(q.getColumn(4)), textOrNone(q.getColumn(5)));
                    v.bookedAt = textOrNone(q.getColumn(6));
                    v.lines = linesFromListText(q.getColumn(7).getString());
                    s.visits.push_back(std::move(v));
                }
            }
            {
                SQLite::Statement q(*db_, "SELECT h.id, c.reception_number, h.\"window\", h.at, h.kind"
                                          " FROM cases c JOIN case_history h ON h.case_id = c.id"
                                          " WHERE c.office = ? AND c.day = ?"
                                          " AND h.kind IN ('called', 'called-again', 'absent') ORDER BY h.id");
                q.bind(1, office_);
                q.bind(2, day);
                while (q.executeStep())
                    s.calls.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                                       q.getColumn(2).isNull() ? "" : q.getColumn(2).getString(),
                                       q.getColumn(3).getString(), parseHistoryKind(q.getColumn(4).getString())});
            }
            {
                SQLite::Statement q(*db_, "SELECT key, value FROM settings WHERE key LIKE 'call.%'");
                std::map<std::string, std::string> rows;
                while (q.executeStep())
                    rows[q.getColumn(0).getString()] = q.getColumn(1).getString();
                s.settings = callSettingsFrom(rows);
            }
        } catch (const SQLite::Exception& e) {
            rethrowAsStorageError(e, "reading the queue from " + path_.string());
        }
        return s;
    }

    bool waitForChange(std::chrono::milliseconds timeout) override
    {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        try {
            for (;;) {
                std::int64_t v = currentDataVersion();
                if (v != dataVersion_) {
                    dataVersion_ = v;
                    return true;
                }
                if (std::chrono::steady_clock::now() + kPollInterval > deadline)
                    return false;
                std::this_thread::sleep_for(kPollInterval);
            }
        } catch (const SQLite::Exception& e) {
            rethrowAsStorageError(e, "watching " + path_.string());
        }
    }

    std::string describe() const override { return "sqlite:" + path_.string() + " (read-only)"; }

private:
    std::string bookedStart_ = "NULL"; // the column, or NULL before the bookings' schema
    std::int64_t currentDataVersion() { return db_->execAndGet("PRAGMA data_version").getInt64(); }

    std::filesystem::path path_;
    std::string office_;
    std::unique_ptr<SQLite::Database> db_;
    std::int64_t dataVersion_ = 0;
};

} // namespace

std::unique_ptr<HallReader> openSqliteHallReader(const std::filesystem::path& path, const std::string& office)
{
    return std::make_unique<SqliteHallReader>(path, office);
}

} // namespace madoguchi::db
