// Live refresh on SQLite: no server to push changes, so the feed watches the file. PRAGMA
// data_version changes whenever another connection commits (cheap, no table read); only then are
// the new history entries read. Every add, status change, edit and call appends one, in commit
// order, and says what it was (db/case_rules.hpp: the visit's reception has no procedure, a line added
// to it has no `from`).
#include "core/common/errors.hpp"
#include "db/sqlite/sqlite_case_store.hpp"
#include "db/sqlite/sqlite_connection.hpp"

#include <thread>

namespace madoguchi::db {

namespace {

constexpr std::size_t kMaxEventsBeforeResync = 500; // more at once: an import; reload instead
constexpr auto kPollInterval = std::chrono::milliseconds(100);

class SqliteChangeFeed final : public ChangeFeed {
public:
    explicit SqliteChangeFeed(const std::filesystem::path& path) : db_(path.string(), SQLite::OPEN_READONLY)
    {
        db_.setBusyTimeout(5000);
        dataVersion_ = currentDataVersion();
        lastHistoryId_ = db_.execAndGet("SELECT COALESCE(MAX(id), 0) FROM case_history").getInt64();
    }

    std::vector<ChangeEvent> poll(std::chrono::milliseconds timeout) override
    {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        try {
            for (;;) {
                std::int64_t v = currentDataVersion();
                if (v != dataVersion_) {
                    dataVersion_ = v;
                    auto events = readNewHistory();
                    if (!events.empty())
                        return events;
                }
                if (std::chrono::steady_clock::now() + kPollInterval > deadline)
                    return {};
                std::this_thread::sleep_for(kPollInterval);
            }
        } catch (const SQLite::Exception& e) {
            rethrowAsStorageError(e, "watching the case book for changes");
        }
    }

private:
    std::int64_t currentDataVersion() { return db_.execAndGet("PRAGMA data_version").getInt64(); }

    std::vector<ChangeEvent> readNewHistory()
    {
        SQLite::Statement st(
            db_, "SELECT id, case_id, from_status, procedure, kind FROM case_history WHERE id > ? ORDER BY id");
        st.bind(1, lastHistoryId_);
        std::vector<ChangeEvent> events;
        bool tooMany = false;
        while (st.executeStep()) {
            lastHistoryId_ = st.getColumn(0).getInt64();
            if (tooMany)
                continue;
            ChangeEvent e;
            e.id = st.getColumn(1).getInt64();
            bool received = st.getColumn(2).isNull();
            const HistoryKind kind = parseHistoryKind(st.getColumn(4).getString());
            if (kind == HistoryKind::Edit)
                e.kind = ChangeKind::Edited;
            else if (isCallKind(kind))
                e.kind = ChangeKind::Called;
            else if (received)
                e.kind = st.getColumn(3).isNull() ? ChangeKind::Added : ChangeKind::Edited; // else a line added
            else
                e.kind = ChangeKind::StatusChanged;
            // One change moving two lines is one event, as PostgreSQL's NOTIFY gives it.
            if (!events.empty() && events.back().id == e.id && events.back().kind == e.kind)
                continue;
            events.push_back(e);
            tooMany = events.size() > kMaxEventsBeforeResync;
        }
        if (tooMany)
            return {ChangeEvent{0, ChangeKind::Resync}};
        return events;
    }

    SQLite::Database db_;
    std::int64_t dataVersion_ = 0;
    std::int64_t lastHistoryId_ = 0;
};

} // namespace

std::unique_ptr<ChangeFeed> SqliteCaseStore::subscribe()
{
    try {
        return std::make_unique<SqliteChangeFeed>(path_);
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "watching " + path_.string() + " for changes");
    }
}

} // namespace madoguchi::db
