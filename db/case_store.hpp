#pragma once
// The case book, in domain terms. No SQL leaves db/: the window and the console tool see only
// this interface, and the SQLite and PostgreSQL stores both implement it.
#include "core/cases/case.hpp"
#include "core/files/output_file.hpp"
#include "core/queue/call_settings.hpp"
#include "core/security/roles.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::db {

// Who is acting: written into every history and audit entry. The store checks the role
// (a clerk cannot reopen); the program gets an Actor by logging in (UserStore::authenticate).
struct Actor {
    std::string user;
    Role role = Role::Clerk;
};

class UserStore;
class AuditLog;
class CardRegister;
class BookingStore;

struct CaseQuery {
    std::optional<boost::gregorian::date> day;      // the office day the case was received
    std::optional<boost::gregorian::date> from, to; // a range of office days, inclusive
    // The visit's status (visit.hpp). With `procedure` too: a line of that procedure at that status.
    std::optional<CaseStatus> status;
    std::optional<Procedure> procedure; // a visit with a line of this procedure (any line)
    // A visit with a line at this status, whatever the visit's (照会書回答待ち: the visits waiting on
    // an inquiry letter, from any day). With `procedure`, `status` already means the line's.
    std::optional<CaseStatus> lineStatus{};
    std::optional<std::string> window;
    // Free text: a reception number, an ISO birth date, or a part of the name or
    // フリガナ in any script and width.
    std::optional<std::string> text;
    std::optional<boost::gregorian::date> birth;
    std::optional<std::string> kanaPrefix;
    // Only these cases (empty: no such restriction). Live refresh asks the window's own query again
    // for just the cases that changed, so that a row is shown, updated or dropped exactly as a
    // full reload would.
    std::vector<CaseId> ids;
    std::size_t limit = 500;
};

// One row of a list: what the case list shows without loading documents and history.
struct CaseSummary {
    CaseId id = 0;
    std::string receptionNumber;
    Procedure procedure = Procedure::CardReceipt; // the first line's
    std::vector<ProcedureLine> procedures;        // every line, in order
    CaseStatus status = CaseStatus::Received;     // the visit's
    std::string name, kana;
    boost::gregorian::date birth;
    std::string window, clerk;
    std::string createdAt, updatedAt;
    std::int64_t version = 1;
    std::optional<CaseBooking> booking; // the booking it was checked in from; none for a walk-in
};

struct IntegrityReport {
    bool ok = true;
    std::vector<std::string> problems;
    std::int64_t caseCount = 0;
    int schemaVersion = 0;
};

struct StoreOptions {
    std::string office = "main"; // reception numbers are unique per office and day
    std::string series = "A";    // the letter in front of the number
    // A missing SQLite file becomes a new, empty case book only when this is set. The console
    // sets it for `user init-admin` and `--create` alone, so a mistyped --db is refused instead
    // of silently starting an empty book; the window (first run) and the benches keep it.
    bool createIfMissing = true;
    // The desk logins are made from ("host/osuser"): failed logins are counted per desk as well
    // as per name (db/login_throttle.hpp).
    std::string desk;
    // Where the store reports what it did to the case book on its own (made a readable file
    // private); empty: nobody is told.
    std::function<void(const std::string&)> notice;
};

// A case brought in from elsewhere (a vendor system's export, generated fixtures, the benchmark):
// its reception day and status are given rather than taken from the clock.
struct ImportedCase {
    CaseDraft draft;
    std::string receivedAt; // ISO timestamp with offset: 2026-11-29T09:15:00+09:00
    // The status of a visit given by draft.procedure alone; a draft with `procedures` brings each
    // line's own status instead (and this is not read).
    CaseStatus status = CaseStatus::Received;
};

// A status change asked for a visit. With `procedure`, that line moves; without, every open line
// not yet at `to` moves to it, and all of them must be allowed to or nothing changes (rules and
// messages: db/case_rules.hpp).
struct StatusChange {
    CaseStatus to = CaseStatus::InProgress;
    std::string reason;
    std::optional<Procedure> procedure;
    std::optional<std::int64_t> expectedVersion; // the visit's version the caller saw: ConflictError if stale
    // The day the inquiry letter was mailed: required with 照会書回答待ち, refused with any other
    // status (core/cases/lifecycle.hpp). Stored on each line moved.
    std::optional<boost::gregorian::date> mailedOn{};
};

// Calling the next resident to a window (db/call_rules.hpp): the window, and the kinds of work it
// takes (core/queue/queue_order.hpp).
struct WindowCall {
    std::string window;
    WindowWork work; // empty: every procedure
};

// Live refresh: what changed in the case book, by anyone (another window, another office's
// program, this very process). A window keeps its list and reloads only the named case.
enum class ChangeKind {
    Added,         // a new case
    StatusChanged, // its status moved (or it was reopened)
    Edited,        // its fields were saved
    Called,        // its number was called, called again or sent back ("not here")
    Resync,        // changes may have been missed (many at once, or the connection came back):
                   // reload what is shown; `id` is 0
};

struct ChangeEvent {
    CaseId id = 0;
    ChangeKind kind = ChangeKind::Resync;
};

// A subscription, with a connection of its own (so a slow list query never delays it). Not
// thread-safe: use one from one thread — a wxTimer calling poll(0ms) every ~500 ms on the GUI
// thread is enough to meet "within 2 s", or a worker thread blocking in poll(1s).
class ChangeFeed {
public:
    virtual ~ChangeFeed() = default;
    // The changes seen since the last call, in commit order; waits up to `timeout` for the first
    // one when there are none yet. Empty when nothing changed. Throws StorageError (Unreachable)
    // while the server is out of reach; once it is back, the next call reconnects and reports a
    // Resync.
    virtual std::vector<ChangeEvent> poll(std::chrono::milliseconds timeout) = 0;
};

class CaseStore {
public:
    virtual ~CaseStore() = default;

    // Validates, assigns the reception number, writes the case and its first history entry in one
    // transaction. Returns the case as stored. Once it returns, the case survives a crash.
    virtual Case add(const CaseDraft& draft, const Actor& actor) = 0;
    // Many cases in one transaction (all or none), reception numbers assigned per their day.
    virtual std::vector<CaseId> importCases(const std::vector<ImportedCase>& cases, const Actor& actor) = 0;
    virtual std::optional<Case> find(CaseId id) = 0;
    virtual Case get(CaseId id); // find(), or NotFound
    virtual std::vector<CaseSummary> search(const CaseQuery& query) = 0;

    // Moves one line of the visit, or all its open lines, on (StatusChange); one transaction, one
    // history entry per line moved, the visit's version bumped once.
    virtual Case changeStatus(CaseId id, const StatusChange& change, const Actor& actor) = 0;
    // The whole visit (every open line), as before visits had several procedures.
    Case changeStatus(CaseId id, CaseStatus to, const std::string& reason, const Actor& actor,
                      std::optional<std::int64_t> expectedVersion = std::nullopt);
    // A closed line back to 対応中 (supervisors). Without `procedure`, the visit's only line; a
    // visit of several procedures must name the one.
    virtual Case reopen(CaseId id, const std::string& reason, const Actor& actor,
                        std::optional<Procedure> procedure = std::nullopt) = 0;
    // Saves edited fields (resident, applicant, documents, fee, notes, window) and appends the
    // procedure lines added at the end of `edited.procedures` (at 受付); a line is never removed
    // or changed to another procedure (withdraw it instead). Throws ConflictError when the stored
    // version is newer than `edited.version`.
    virtual Case update(const Case& edited, const Actor& actor) = 0;

    // Calling residents (db/call_rules.hpp has the rules both backends apply). Each call is one
    // write transaction: two windows calling at once never get the same visit. Every call is a
    // history entry (called, called-again, absent) with the window, the actor and the time, and an
    // audit entry; the visit's version is bumped.
    // The next waiting visit of today for the window's work, in the office's call order; none when
    // nobody waits for it. The visit's window becomes `call.window`.
    virtual std::optional<Case> callNext(const WindowCall& call, const Actor& actor) = 0;
    // The standing call announced once more, at its window.
    virtual Case callAgain(CaseId id, const Actor& actor) = 0;
    // "Not here": the number goes back to the queue for the office's absent minutes.
    virtual Case markAbsent(CaseId id, const Actor& actor) = 0;
    // A number chosen by the clerk (today's, of this office: A-012), called to `window`.
    virtual Case callNumber(const std::string& receptionNumber, const std::string& window, const Actor& actor) = 0;
    // The office's call order and absent minutes (defaults until an administrator sets them).
    virtual CallSettings callSettings() = 0;
    virtual void setCallSettings(const CallSettings& settings, const Actor& by) = 0; // admins; audited

    virtual IntegrityReport check() = 0;
    // A complete copy, written through core/files/output_file.hpp: never over an existing file
    // unless `overwrite` says so, never over a database. `beforePlacing` runs once the copy is
    // complete, before it takes the target's name (the caller's audit entry: an entry only for a
    // copy made, and no copy without its entry).
    virtual void backup(const std::filesystem::path& target, files::Overwrite overwrite,
                        const std::function<void()>& beforePlacing) = 0;
    void backup(const std::filesystem::path& target) { backup(target, files::Overwrite::No, {}); }
    virtual std::string describe() const = 0; // "sqlite:/path/to/file" — no password

    // Changes from now on. SQLite polls the file's data_version; PostgreSQL uses LISTEN/NOTIFY.
    // The default (a store that cannot tell) never reports anything.
    virtual std::unique_ptr<ChangeFeed> subscribe();

    // Users and the audit trail (db/user_store.hpp, db/audit_log.hpp): every backend keeps both,
    // so nothing is done without a user the audit can name.
    virtual UserStore& users() = 0;
    virtual AuditLog& audit() = 0;
    // The issued-card register (db/card_register.hpp); null where the backend has none.
    virtual CardRegister* cardRegister() { return nullptr; }
    // The booking book in the same database (db/booking_store.hpp); null where the backend has none.
    virtual BookingStore* bookings() { return nullptr; }
};

// `url`: a file path, sqlite:PATH or postgresql://… (see docs/cli.md).
std::unique_ptr<CaseStore> openStore(const std::string& url, const StoreOptions& options = {});

// $XDG_DATA_HOME/madoguchi/madoguchi.db, or ~/.local/share/madoguchi/madoguchi.db.
std::filesystem::path defaultDatabasePath();

} // namespace madoguchi::db
