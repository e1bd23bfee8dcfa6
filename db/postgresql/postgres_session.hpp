#pragma once
// One connection to the PostgreSQL case book that comes back by itself: a call that finds the
// connection lost fails with StorageError(Unreachable), saying nothing was saved, and the next
// call connects again (and prepares its statements again).
#include "core/common/errors.hpp"

#include <functional>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace madoguchi::db {

class PostgresSession {
public:
    // `prepare` runs on every new connection, before first use.
    PostgresSession(std::string url, std::function<void(pqxx::connection&)> prepare);
    ~PostgresSession();

    // Runs `work` in one transaction and commits it. Domain errors thrown by `work` pass through
    // (the transaction is rolled back); PostgreSQL's failures become StorageErrors naming `doing`.
    // A connection found dead before the commit (the server restarted, our backend was ended,
    // the network blipped) is replaced and the transaction run once more: nothing had been
    // committed, so nothing is done twice. Lost at the commit itself, the outcome is unknown and
    // the caller is told so rather than guessing.
    template <typename F> auto transact(const std::string& doing, F&& work) -> std::invoke_result_t<F, pqxx::work&>
    {
        for (int attempt = 0;; ++attempt) {
            try {
                pqxx::work tx(connection());
                if constexpr (std::is_void_v<std::invoke_result_t<F, pqxx::work&>>) {
                    work(tx);
                    tx.commit();
                    return;
                } else {
                    auto result = work(tx);
                    tx.commit();
                    return result;
                }
            } catch (const pqxx::failure& e) {
                if (attempt == 0 && lostBeforeCommit(e)) {
                    conn_.reset();
                    continue;
                }
                fail(e, doing);
            } catch (const StorageError& e) {
                if (e.kind() != StorageError::Kind::Unreachable)
                    throw;
                throw StorageError(StorageError::Kind::Unreachable, doing + ": nothing was saved; " + e.what() +
                                                                        ". It reconnects by itself on the next try.");
            }
        }
    }

    pqxx::connection& connection(); // connects if there is no live connection
    const std::string& url() const { return url_; }
    // From now on connects as `user` with `password` (the URL's own login replaced): the server
    // checks the password (SCRAM), and the connection is that user's database role, whose grants
    // are all it may do (docs/admin-guide.md, "Each user a database role"). The live connection,
    // if any, is closed.
    void logInAs(const std::string& user, const std::string& password);

    // The URL with any password removed: for messages and describe().
    static std::string redacted(const std::string& url);

private:
    bool lostBeforeCommit(const pqxx::failure& e) const;
    [[noreturn]] void fail(const pqxx::failure& e, const std::string& doing);

    std::string url_;
    std::function<void(pqxx::connection&)> prepare_;
    std::unique_ptr<pqxx::connection> conn_;
};

// Opens a connection (throws StorageError Unreachable) with the settings every connection uses.
// A login the server refuses (a wrong password, an unknown or switched-off role) is AccessDenied.
std::unique_ptr<pqxx::connection> connectPostgres(const std::string& url);

// True when the URL names no user (nor does $PGUSER): the desks then log in to the database as
// the Madoguchi user who logs in at the window or the console.
bool namesNoUser(const std::string& url);
// The URL with `user` and `password` as its login (query parameters, percent-encoded), any user
// and password it had removed.
std::string withLogin(const std::string& url, const std::string& user, const std::string& password);
// The SCRAM-SHA-256 verifier of `password` for the role `user`, computed here by libpq
// (PQencryptPasswordConn), so that the clear password never travels to the server nor lands in
// its log. `url`: a connection libpq opens for it.
std::string scramVerifier(const std::string& url, const std::string& user, const std::string& password);

// Applies the embedded migrations not yet applied, under an advisory lock so that two programs
// starting at once do not both migrate. Refuses a database newer than this program.
void migratePostgres(pqxx::connection& conn);

// A PostgreSQL text[] literal ({"a","b"}) for binding an array as one parameter.
std::string textArrayLiteral(const std::vector<std::string>& items);

} // namespace madoguchi::db
