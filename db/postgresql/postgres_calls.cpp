// Calling residents on PostgreSQL. A call is one transaction: the queue is read, ordered by
// core/queue, and its visits are tried in that order with SELECT … FOR UPDATE SKIP LOCKED — a
// visit another window is taking at this moment is skipped rather than waited for, and one it has
// taken meanwhile no longer matches — so two windows calling at once never get the same visit and
// neither waits for the other. The rules are db/call_rules.hpp's.
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "db/call_rules.hpp"
#include "db/case_row_texts.hpp"
#include "db/case_rules.hpp"
#include "db/postgresql/postgres_case_rows.hpp"
#include "db/postgresql/postgres_case_store.hpp"

namespace madoguchi::db {

namespace {

std::optional<std::string> textOrNone(const pqxx::field& f)
{
    if (f.is_null())
        return std::nullopt;
    return f.as<std::string>();
}

// What a queue entry is read with: a checked-in booking's start time (cases.booked_start, NULL for a
// walk-in) orders booked residents.
constexpr const char* kQueueColumns =
    "c.id, c.reception_number, c.created_at, c.booked_start AS booked_at, c.back_at, ";
// A visit that is in the queue: at 受付, not called now.
constexpr const char* kWaiting = "c.status = 'received' AND (c.called_at IS NULL OR c.back_at IS NOT NULL)";

QueueEntry queueEntryFromRow(const pqxx::row& r)
{
    return queueEntryOf(r[0].as<CaseId>(), r[1].as<std::string>(), r[2].as<std::string>(), textOrNone(r[3]),
                        textOrNone(r[4]), linesFromListText(r[5].as<std::string>()));
}

std::vector<QueueEntry> readQueue(pqxx::work& tx, const std::string& office, const std::string& day)
{
    std::vector<QueueEntry> waiting;
    for (const auto& r : tx.exec_params(std::string("SELECT ") + kQueueColumns + kPgAllLinesColumn +
                                            " FROM cases c WHERE c.office = $1 AND c.day = $2 AND " + kWaiting,
                                        office, day))
        waiting.push_back(queueEntryFromRow(r));
    return waiting;
}

constexpr const char* kCallColumns = "c.id, c.reception_number, c.day::text, c.status, c.called_at, c.call_window,"
                                     " c.back_at";

// `from`: where kCallColumns begin in the row.
StoredCall storedCallFromRow(const pqxx::row& r, pqxx::row::size_type from = 0)
{
    StoredCall v;
    v.id = r[from].as<CaseId>();
    v.receptionNumber = r[from + 1].as<std::string>();
    v.day = r[from + 2].as<std::string>();
    v.status = parseStatus(r[from + 3].as<std::string>());
    v.call = callStateOf(textOrNone(r[from + 4]), textOrNone(r[from + 5]), textOrNone(r[from + 6]));
    return v;
}

// Locks the visit's row until commit; NotFound when there is none.
StoredCall lockCall(pqxx::work& tx, CaseId id)
{
    auto r = tx.exec_params(std::string("SELECT ") + kCallColumns + " FROM cases c WHERE c.id = $1 FOR UPDATE", id);
    if (r.empty())
        throwNoSuchCase(id);
    return storedCallFromRow(r[0]);
}

void writeCall(pqxx::work& tx, const StoredCall& v, const CallChange& change, const Actor& actor, const std::string& at)
{
    tx.exec_params0("UPDATE cases SET called_at = $1, call_window = $2, back_at = $3, \"window\" = $4,"
                    " updated_at = $5, version = version + 1 WHERE id = $6",
                    change.state.calledAt, change.state.window,
                    change.state.kind == CallState::Kind::SentBack ? change.state.backAt.c_str() : nullptr,
                    change.window, at, v.id);
    insertHistory(tx, v.id, change.entry);
    appendAudit(tx, actor, audit_actions::kCall, v.id, change.auditDetail, at);
}

CallSettings readCallSettings(pqxx::work& tx)
{
    std::map<std::string, std::string> rows;
    for (const auto& r : tx.exec("SELECT key, value FROM settings WHERE key LIKE 'call.%'"))
        rows[r[0].as<std::string>()] = r[1].as<std::string>();
    return callSettingsFrom(rows);
}

} // namespace

std::optional<Case> PostgresCaseStore::callNext(const WindowCall& call, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    const std::string window = checkCallWindow(call.window);
    auto taken = session_.transact("calling the next resident", [&](pqxx::work& tx) -> std::optional<CaseId> {
        Timestamp ts = now();
        CallSettings settings = readCallSettings(tx);
        std::vector<QueueEntry> waiting = readQueue(tx, options_.office, toIso(ts.localDay));
        for (const QueueEntry* candidate : callOrderFor(waiting, call.work, settings.order, ts.epoch)) {
            // Still waiting, and nobody taking it right now; else the next one.
            auto r = tx.exec_params(std::string("SELECT ") + kQueueColumns + kPgAllLinesColumn + ", " + kCallColumns +
                                        " FROM cases c WHERE c.id = $1 AND " + kWaiting + " FOR UPDATE SKIP LOCKED",
                                    candidate->id);
            if (r.empty())
                continue;
            // As it is now (sent back again, a procedure withdrawn meanwhile): still for this window?
            QueueEntry fresh = queueEntryFromRow(r[0]);
            if (callOrderFor(std::span<const QueueEntry>(&fresh, 1), call.work, settings.order, ts.epoch).empty())
                continue;
            StoredCall v = storedCallFromRow(r[0], 6);
            writeCall(tx, v, planCall(v, window, actor, ts), actor, ts.iso);
            return v.id;
        }
        return std::nullopt;
    });
    if (!taken)
        return std::nullopt;
    return get(*taken);
}

Case PostgresCaseStore::callAgain(CaseId id, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    session_.transact("calling again case " + std::to_string(id), [&](pqxx::work& tx) {
        Timestamp ts = now();
        StoredCall v = lockCall(tx, id);
        writeCall(tx, v, planCallAgain(v, actor, ts), actor, ts.iso);
    });
    return get(id);
}

Case PostgresCaseStore::markAbsent(CaseId id, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    session_.transact("sending back case " + std::to_string(id), [&](pqxx::work& tx) {
        Timestamp ts = now();
        StoredCall v = lockCall(tx, id);
        writeCall(tx, v, planAbsent(v, readCallSettings(tx), actor, ts), actor, ts.iso);
    });
    return get(id);
}

Case PostgresCaseStore::callNumber(const std::string& receptionNumber, const std::string& window, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    const std::string number = normalizedReceptionNumber(receptionNumber);
    const std::string w = checkCallWindow(window);
    CaseId id = session_.transact("calling " + number, [&](pqxx::work& tx) {
        Timestamp ts = now();
        std::string day = toIso(ts.localDay);
        auto r = tx.exec_params("SELECT id FROM cases WHERE office = $1 AND day = $2 AND reception_number = $3",
                                options_.office, day, number);
        if (r.empty())
            throwNoSuchNumber(number, day);
        StoredCall v = lockCall(tx, r[0][0].as<CaseId>());
        writeCall(tx, v, planCall(v, w, actor, ts), actor, ts.iso);
        return v.id;
    });
    return get(id);
}

CallSettings PostgresCaseStore::callSettings()
{
    return session_.transact("reading the call settings", [&](pqxx::work& tx) { return readCallSettings(tx); });
}

void PostgresCaseStore::setCallSettings(const CallSettings& settings, const Actor& by)
{
    requirePermission(by.user, by.role, Permission::ManageSettings);
    validate(settings);
    session_.transact("saving the call settings", [&](pqxx::work& tx) {
        for (const auto& [key, value] : callSettingsRows(settings))
            tx.exec_params0("INSERT INTO settings (key, value) VALUES ($1, $2)"
                            " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                            key, value);
        appendAudit(tx, by, audit_actions::kSettings, std::nullopt, callSettingsDetail(settings), now().iso);
    });
}

} // namespace madoguchi::db
