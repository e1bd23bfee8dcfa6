// Live refresh on PostgreSQL: a connection of its own LISTENs on `madoguchi_cases`, on which the
// trigger of 001_case_book.sql announces every new case, status change and edit at commit.
#include "core/common/errors.hpp"
#include "db/postgresql/postgres_case_store.hpp"

#include <sstream>

namespace madoguchi::db {

namespace {

constexpr const char* kChannel = "madoguchi_cases";

class Receiver final : public pqxx::notification_receiver {
public:
    Receiver(pqxx::connection& c, std::vector<ChangeEvent>& sink)
        : pqxx::notification_receiver(c, kChannel), sink_(sink)
    {
    }
    void operator()(const std::string& payload, int) override
    {
        std::istringstream in(payload);
        ChangeEvent e;
        std::string kind;
        in >> e.id >> kind;
        if (kind == "added")
            e.kind = ChangeKind::Added;
        else if (kind == "status")
            e.kind = ChangeKind::StatusChanged;
        else if (kind == "edited")
            e.kind = ChangeKind::Edited;
        else if (kind == "called")
            e.kind = ChangeKind::Called;
        else
            e = {0, ChangeKind::Resync};
        sink_.push_back(e);
    }

private:
    std::vector<ChangeEvent>& sink_;
};

class PostgresChangeFeed final : public ChangeFeed {
public:
    explicit PostgresChangeFeed(std::string url) : url_(std::move(url)) { connect(); }
    ~PostgresChangeFeed() override
    {
        receiver_.reset(); // before its connection
    }

    std::vector<ChangeEvent> poll(std::chrono::milliseconds timeout) override
    {
        if (!conn_) {
            connect(); // throws Unreachable while the server is away
            // Whatever was announced while we were away is lost: the window reloads.
            pending_.push_back({0, ChangeKind::Resync});
        }
        try {
            conn_->get_notifs();
            if (pending_.empty() && timeout.count() > 0) {
                auto us = std::chrono::duration_cast<std::chrono::microseconds>(timeout).count();
                conn_->await_notification(us / 1000000, us % 1000000);
            }
            // A dropped connection is noticed only by using it.
            if (!conn_->is_open())
                throw pqxx::broken_connection("the connection closed");
        } catch (const pqxx::failure& e) {
            receiver_.reset();
            conn_.reset();
            throw StorageError(StorageError::Kind::Unreachable,
                               std::string("watching the case book for changes: the connection to the database "
                                           "server was lost (") +
                                   e.what() + "); it reconnects by itself");
        }
        return std::exchange(pending_, {});
    }

private:
    void connect()
    {
        auto conn = connectPostgres(url_);
        try {
            receiver_ = std::make_unique<Receiver>(*conn, pending_);
            conn->get_notifs(); // issues the LISTEN now, so nothing committed after this is missed
        } catch (const pqxx::failure& e) {
            receiver_.reset();
            throw StorageError(StorageError::Kind::Unreachable,
                               std::string("listening for changes to the case book: ") + e.what());
        }
        conn_ = std::move(conn);
    }

    std::string url_;
    std::unique_ptr<pqxx::connection> conn_;
    std::unique_ptr<Receiver> receiver_;
    std::vector<ChangeEvent> pending_;
};

} // namespace

std::unique_ptr<ChangeFeed> PostgresCaseStore::subscribe()
{
    return std::make_unique<PostgresChangeFeed>(session_.url());
}

} // namespace madoguchi::db
