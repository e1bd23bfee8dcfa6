#include "db/postgresql/postgres_session.hpp"

#include "core/common/errors.hpp"
#include "core/security/roles.hpp"
#include "db/migrations.hpp"

#include <cctype>
#include <cstdlib>
#include <libpq-fe.h>
#include <regex>

namespace madoguchi::db {

namespace {

// An arbitrary key for pg_advisory_xact_lock: "migrating the Madoguchi schema".
constexpr long long kMigrationLockKey = 0x4d61646f67756368; // "Madoguch"

std::string lostConnectionMessage(const std::string& doing, const std::string& why)
{
    return doing + ": the connection to the database server was lost (" + why +
           "); nothing was saved. It reconnects by itself on the next try.";
}

std::string firstLine(const std::string& s)
{
    auto end = s.find('\n');
    return end == std::string::npos ? s : s.substr(0, end);
}

// A counter must not freeze on a server that has gone silent (a cable pulled, a router down:
// no "connection refused", just nothing): libpq would wait for TCP's own timeouts, minutes.
// Unless the URL says otherwise: 5 s to connect, keepalives on idle connections (the change
// feed's LISTEN notices a dead server in ~25 s) and 15 s for data sent without an answer.
std::string withNetworkDefaults(const std::string& url)
{
    static const std::pair<const char*, const char*> kDefaults[] = {
        {"connect_timeout", "5"},     {"keepalives", "1"},       {"keepalives_idle", "10"},
        {"keepalives_interval", "5"}, {"keepalives_count", "3"}, {"tcp_user_timeout", "15000"}};
    std::string out = url;
    for (const auto& [key, value] : kDefaults) {
        if (url.find(std::string(key) + "=") != std::string::npos)
            continue;
        out += (out.find('?') == std::string::npos ? "?" : "&") + std::string(key) + "=" + value;
    }
    return out;
}

// The server's answer to a login it refuses: a wrong password, a role that does not exist or may
// not log in (switched off). libpq reports them as a failed connection.
bool loginRefused(const std::string& why)
{
    return why.find("password authentication failed") != std::string::npos ||
           why.find("no password supplied") != std::string::npos ||
           why.find("is not permitted to log in") != std::string::npos ||
           (why.find("role \"") != std::string::npos && why.find("does not exist") != std::string::npos);
}

std::string percentEncoded(const std::string& text)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~')
            out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string urlOption(const std::string& url, const char* keyword)
{
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (error)
        PQfreemem(error);
    std::string value;
    for (auto* o = options; o && o->keyword; ++o)
        if (std::string(o->keyword) == keyword && o->val)
            value = o->val;
    if (options)
        PQconninfoFree(options);
    return value;
}

} // namespace

bool namesNoUser(const std::string& url)
{
    return urlOption(url, "user").empty() && !std::getenv("PGUSER");
}

std::string withLogin(const std::string& url, const std::string& user, const std::string& password)
{
    std::string out = std::regex_replace(url, std::regex("(://)[^@/?]*@"), "$1");
    out = std::regex_replace(out, std::regex("([?&])(user|password)=[^&]*&?"), "$1");
    if (!out.empty() && (out.back() == '?' || out.back() == '&'))
        out.pop_back();
    out += out.find('?') == std::string::npos ? "?" : "&";
    return out + "user=" + percentEncoded(user) + "&password=" + percentEncoded(password);
}

std::string scramVerifier(const std::string& url, const std::string& user, const std::string& password)
{
    PGconn* conn = PQconnectdb(withNetworkDefaults(url).c_str());
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        std::string why = conn ? firstLine(PQerrorMessage(conn)) : "out of memory";
        if (conn)
            PQfinish(conn);
        throw StorageError(StorageError::Kind::Unreachable,
                           "setting a password: cannot connect to " + PostgresSession::redacted(url) + ": " + why);
    }
    char* verifier = PQencryptPasswordConn(conn, password.c_str(), user.c_str(), "scram-sha-256");
    std::string out = verifier ? verifier : "";
    std::string why = verifier ? "" : firstLine(PQerrorMessage(conn));
    if (verifier)
        PQfreemem(verifier);
    PQfinish(conn);
    if (out.empty())
        throw StorageError(StorageError::Kind::Other, "setting a password: " + why);
    return out;
}

std::string PostgresSession::redacted(const std::string& url)
{
    // postgresql://user:secret@host/db → postgresql://user@host/db; password=… in the query too.
    std::string out = std::regex_replace(url, std::regex("(://[^:@/]*):[^@/]*@"), "$1@");
    return std::regex_replace(out, std::regex("password=[^&]*"), "password=***");
}

std::unique_ptr<pqxx::connection> connectPostgres(const std::string& url)
{
    try {
        auto conn = std::make_unique<pqxx::connection>(withNetworkDefaults(url));
        // Dates come back as YYYY-MM-DD whatever the server's default; a statement never waits
        // on a lock longer than a clerk would wait for a button (then: "busy, try again").
        pqxx::nontransaction n(*conn);
        n.exec("SET DateStyle = ISO; SET lock_timeout = '5s'; SET client_encoding = 'UTF8'");
        return conn;
    } catch (const pqxx::broken_connection& e) {
        if (loginRefused(e.what()))
            throw AccessDenied("the database server refused the login");
        throw StorageError(StorageError::Kind::Unreachable, "cannot connect to the case book at " +
                                                                PostgresSession::redacted(url) + ": " +
                                                                firstLine(e.what()));
    } catch (const pqxx::failure& e) {
        throw StorageError(StorageError::Kind::Other, "cannot open the case book at " + PostgresSession::redacted(url) +
                                                          ": " + firstLine(e.what()));
    }
}

PostgresSession::PostgresSession(std::string url, std::function<void(pqxx::connection&)> prepare)
    : url_(std::move(url)), prepare_(std::move(prepare))
{
}

PostgresSession::~PostgresSession() = default;

void PostgresSession::logInAs(const std::string& user, const std::string& password)
{
    url_ = withLogin(url_, user, password);
    conn_.reset();
}

pqxx::connection& PostgresSession::connection()
{
    if (conn_ && !conn_->is_open())
        conn_.reset();
    if (!conn_) {
        auto conn = connectPostgres(url_);
        try {
            if (prepare_)
                prepare_(*conn);
        } catch (const pqxx::failure& e) {
            throw StorageError(StorageError::Kind::Other, "preparing the case book: " + firstLine(e.what()));
        }
        conn_ = std::move(conn);
    }
    return *conn_;
}

bool PostgresSession::lostBeforeCommit(const pqxx::failure& e) const
{
    if (dynamic_cast<const pqxx::in_doubt_error*>(&e))
        return false;
    if (dynamic_cast<const pqxx::broken_connection*>(&e) || !conn_ || !conn_->is_open())
        return true;
    auto sql = dynamic_cast<const pqxx::sql_error*>(&e);
    return sql && (sql->sqlstate().rfind("57P", 0) == 0 || sql->sqlstate().rfind("08", 0) == 0);
}

void PostgresSession::fail(const pqxx::failure& e, const std::string& doing)
{
    std::string why = firstLine(e.what());
    if (dynamic_cast<const pqxx::in_doubt_error*>(&e)) {
        conn_.reset();
        throw StorageError(StorageError::Kind::Unreachable,
                           doing +
                               ": the connection was lost while saving, so it is not known whether the save "
                               "went through; reload the case before trying again (" +
                               why + ")");
    }
    if (dynamic_cast<const pqxx::broken_connection*>(&e) || !conn_ || !conn_->is_open()) {
        conn_.reset();
        throw StorageError(StorageError::Kind::Unreachable, lostConnectionMessage(doing, why));
    }
    if (auto sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
        const std::string& state = sql->sqlstate();
        // Class 57P: the server is shutting down or our backend was terminated.
        if (state.rfind("57P", 0) == 0 || state.rfind("08", 0) == 0) {
            conn_.reset();
            throw StorageError(StorageError::Kind::Unreachable, lostConnectionMessage(doing, why));
        }
        if (state == "40001" || state == "40P01" || state == "55P03")
            throw StorageError(StorageError::Kind::Busy,
                               doing + ": the case book is busy with another window's change; try again in a moment");
        if (state == "53100")
            throw StorageError(StorageError::Kind::Full,
                               doing + ": the database server's disk is full; nothing was saved");
        if (state == "XX001" || state == "XX002")
            throw StorageError(StorageError::Kind::Corrupt, doing + ": the database reports damage (" + why + ")");
    }
    throw StorageError(StorageError::Kind::Other, doing + ": " + why);
}

void migratePostgres(pqxx::connection& conn)
{
    const auto& migrations = postgresMigrations();
    pqxx::work tx(conn);
    tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLockKey);
    // Only created when missing: an office's role may use the tables without the right to create any.
    if (tx.exec1("SELECT to_regclass('schema_version') IS NULL")[0].as<bool>())
        tx.exec("CREATE TABLE schema_version (version integer NOT NULL)");
    auto r = tx.exec("SELECT version FROM schema_version");
    int current = r.empty() ? 0 : r[0][0].as<int>();
    if (r.empty())
        tx.exec("INSERT INTO schema_version (version) VALUES (0)");
    refuseNewerSchema(current, newestVersion(migrations));
    for (const auto& m : migrations) {
        if (m.version <= current)
            continue;
        tx.exec(m.sql);
        tx.exec_params("UPDATE schema_version SET version = $1", m.version);
    }
    tx.commit();
}

std::string textArrayLiteral(const std::vector<std::string>& items)
{
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        out += '"';
        for (char c : items[i]) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

} // namespace madoguchi::db
