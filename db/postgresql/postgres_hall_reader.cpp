// The hall's reader on PostgreSQL: its own connection (the display role's), reading only the
// hall views of migration 005 in one read-only transaction, and LISTENing on the live-refresh
// channel so that a call reaches the screen at once. A lost server is an Unreachable error; the
// next read connects again.
#include "core/common/errors.hpp"
#include "db/call_rules.hpp"
#include "db/case_row_texts.hpp"
#include "db/hall_reader.hpp"
#include "db/postgresql/postgres_session.hpp"

namespace madoguchi::db {

namespace {

constexpr const char* kChannel = "madoguchi_cases";

std::optional<std::string> textOrNone(const pqxx::field& f)
{
    if (f.is_null())
        return std::nullopt;
    return f.as<std::string>();
}

class Listener final : public pqxx::notification_receiver {
public:
    Listener(pqxx::connection& c, bool& changed) : pqxx::notification_receiver(c, kChannel), changed_(changed) {}
    void operator()(const std::string&, int) override { changed_ = true; }

private:
    bool& changed_;
};

class PostgresHallReader final : public HallReader {
public:
    PostgresHallReader(std::string url, std::string office) : url_(std::move(url)), office_(std::move(office))
    {
        connect();
    }
    ~PostgresHallReader() override { listener_.reset(); }

    HallSnapshot read(const std::string& day) override
    {
        if (!conn_)
            connect();
        HallSnapshot s;
        s.office = office_;
        s.day = day;
        try {
            pqxx::read_transaction tx(*conn_);
            // A checked-in booking's start time orders the booked resident as calling does.
            for (const auto& r :
                 tx.exec_params("SELECT reception_number, received_at, status, called_at, call_window,"
                                " back_at, " +
                                    bookedStart_ +
                                    ", lines FROM hall_visits"
                                    " WHERE office = $1 AND day = $2::date ORDER BY received_at, reception_number",
                                office_, day)) {
                HallVisit v;
                v.receptionNumber = r[0].as<std::string>();
                v.receivedAt = r[1].as<std::string>();
                v.status = parseStatus(r[2].as<std::string>());
                v.call = callStateOf(textOrNone(r[3]), textOrNone(r[4]), textOrNone(r[5]));
                v.bookedAt = textOrNone(r[6]);
                v.lines = linesFromListText(r[7].as<std::string>());
                s.visits.push_back(std::move(v));
            }
            for (const auto& r : tx.exec_params("SELECT seq, reception_number, \"window\", at, kind FROM hall_calls"
                                                " WHERE office = $1 AND day = $2::date ORDER BY seq",
                                                office_, day))
                s.calls.push_back({r[0].as<std::int64_t>(), r[1].as<std::string>(), textOrNone(r[2]).value_or(""),
                                   r[3].as<std::string>(), parseHistoryKind(r[4].as<std::string>())});
            std::map<std::string, std::string> rows;
            for (const auto& r : tx.exec("SELECT key, value FROM hall_settings"))
                rows[r[0].as<std::string>()] = r[1].as<std::string>();
            s.settings = callSettingsFrom(rows);
            tx.commit();
        } catch (const pqxx::broken_connection& e) {
            lost(e);
        } catch (const pqxx::failure& e) {
            if (!conn_->is_open())
                lost(e);
            throw StorageError(StorageError::Kind::Other, std::string("reading the queue: ") + e.what());
        }
        return s;
    }

    bool waitForChange(std::chrono::milliseconds timeout) override
    {
        if (!conn_)
            connect();
        try {
            changed_ = false;
            conn_->get_notifs();
            if (!changed_ && timeout.count() > 0) {
                auto us = std::chrono::duration_cast<std::chrono::microseconds>(timeout).count();
                conn_->await_notification(us / 1000000, us % 1000000);
            }
            if (!conn_->is_open())
                throw pqxx::broken_connection("the connection closed");
        } catch (const pqxx::failure& e) {
            lost(e);
        }
        return changed_;
    }

    std::string describe() const override { return PostgresSession::redacted(url_); }

private:
    std::string bookedStart_ = "NULL::text"; // hall_visits' column, or NULL before the bookings' schema
    void connect()
    {
        auto conn = connectPostgres(url_); // Unreachable while the server is away
        try {
            pqxx::nontransaction n(*conn);
            int version = n.exec1("SELECT version FROM schema_version")[0].as<int>();
            if (version < kCallsSchemaVersion)
                throw StorageError(StorageError::Kind::Other,
                                   "the case book has schema version " + std::to_string(version) +
                                       ", older than calling residents; let the owner's program migrate it");
            bookedStart_ = version >= kBookingsSchemaVersion ? "booked_start" : "NULL::text";
            n.commit();
            listener_ = std::make_unique<Listener>(*conn, changed_);
            conn->get_notifs(); // LISTEN now: nothing committed after this is missed
        } catch (const pqxx::failure& e) {
            listener_.reset();
            throw StorageError(StorageError::Kind::Other, std::string("opening the queue (does the display's role have "
                                                                      "display_role_grants.sql?): ") +
                                                              e.what());
        }
        conn_ = std::move(conn);
    }

    [[noreturn]] void lost(const pqxx::failure& e)
    {
        listener_.reset();
        conn_.reset();
        throw StorageError(StorageError::Kind::Unreachable,
                           std::string("the connection to the database server was lost (") + e.what() +
                               "); it reconnects by itself");
    }

    std::string url_, office_;
    std::unique_ptr<pqxx::connection> conn_;
    std::unique_ptr<Listener> listener_;
    bool changed_ = false;
};

} // namespace

std::unique_ptr<HallReader> openPostgresHallReader(const std::string& url, const std::string& office)
{
    return std::make_unique<PostgresHallReader>(url, office);
}

} // namespace madoguchi::db
