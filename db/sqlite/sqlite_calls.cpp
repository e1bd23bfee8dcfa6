// Calling residents on SQLite. Each call is one IMMEDIATE transaction: the write lock is taken
// before the queue is read, so two windows (threads or programs) calling at once are served one
// after the other and never take the same visit. The rules are db/call_rules.hpp's.
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "db/case_row_texts.hpp"
#include "db/case_rules.hpp"
#include "db/sqlite/sqlite_case_store.hpp"
#include "db/sqlite/sqlite_connection.hpp"

#include <SQLiteCpp/Transaction.h>

namespace madoguchi::db {

namespace {

std::optional<std::string> textOrNone(const SQLite::Column& c)
{
    if (c.isNull())
        return std::nullopt;
    return c.getString();
}

} // namespace

std::vector<QueueEntry> SqliteCaseStore::readQueue(const std::string& day)
{
    // A checked-in booking's start time (cases.booked_start, NULL for a walk-in) orders booked residents.
    SQLite::Statement q(*db_, "SELECT c.id, c.reception_number, c.created_at, c.booked_start AS booked_at, c.back_at,"
                              " (SELECT group_concat(p.position || ':' || p.procedure || ':' || p.status, ' ')"
                              " FROM case_procedures p WHERE p.case_id = c.id)"
                              " FROM cases c WHERE c.office = ? AND c.day = ? AND c.status = 'received'"
                              " AND (c.called_at IS NULL OR c.back_at IS NOT NULL)");
    q.bind(1, options_.office);
    q.bind(2, day);
    std::vector<QueueEntry> waiting;
    while (q.executeStep())
        waiting.push_back(queueEntryOf(q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                                       q.getColumn(2).getString(), textOrNone(q.getColumn(3)),
                                       textOrNone(q.getColumn(4)), linesFromListText(q.getColumn(5).getString())));
    return waiting;
}

StoredCall SqliteCaseStore::readCall(CaseId id)
{
    SQLite::Statement q(*db_, "SELECT reception_number, day, status, called_at, call_window, back_at FROM cases"
                              " WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep())
        throwNoSuchCase(id);
    StoredCall v;
    v.id = id;
    v.receptionNumber = q.getColumn(0).getString();
    v.day = q.getColumn(1).getString();
    v.status = parseStatus(q.getColumn(2).getString());
    v.call = callStateOf(textOrNone(q.getColumn(3)), textOrNone(q.getColumn(4)), textOrNone(q.getColumn(5)));
    return v;
}

std::optional<CaseId> SqliteCaseStore::findNumber(const std::string& receptionNumber, const std::string& day)
{
    SQLite::Statement q(*db_, "SELECT id FROM cases WHERE office = ? AND day = ? AND reception_number = ?");
    q.bind(1, options_.office);
    q.bind(2, day);
    q.bind(3, receptionNumber);
    if (!q.executeStep())
        return std::nullopt;
    return q.getColumn(0).getInt64();
}

void SqliteCaseStore::writeCall(const StoredCall& v, const CallChange& change, const Actor& actor,
                                const std::string& at)
{
    SQLite::Statement up(*db_, "UPDATE cases SET called_at = ?, call_window = ?, back_at = ?, \"window\" = ?,"
                               " updated_at = ?, version = version + 1 WHERE id = ?");
    up.bind(1, change.state.calledAt);
    up.bind(2, change.state.window);
    if (change.state.kind == CallState::Kind::SentBack)
        up.bind(3, change.state.backAt);
    else
        up.bind(3);
    up.bind(4, change.window);
    up.bind(5, at);
    up.bind(6, v.id);
    up.exec();
    appendHistory(v.id, change.entry);
    appendAudit(actor, audit_actions::kCall, v.id, change.auditDetail, at);
}

std::optional<Case> SqliteCaseStore::callNext(const WindowCall& call, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    const std::string window = checkCallWindow(call.window);
    std::optional<CaseId> taken;
    try {
        // IMMEDIATE: nobody else writes between reading the queue and taking its first visit.
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        Timestamp ts = now();
        CallSettings settings = callSettings();
        std::vector<QueueEntry> waiting = readQueue(toIso(ts.localDay));
        auto next = callOrderFor(waiting, call.work, settings.order, ts.epoch);
        if (!next.empty()) {
            StoredCall v = readCall(next.front()->id);
            writeCall(v, planCall(v, window, actor, ts), actor, ts.iso);
            taken = v.id;
        }
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "calling the next resident");
    }
    if (!taken)
        return std::nullopt;
    return get(*taken);
}

template <typename Plan> Case SqliteCaseStore::callById(CaseId id, const Actor& actor, const char* doing, Plan&& plan)
{
    requireMayWorkOnCases(actor);
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        Timestamp ts = now();
        StoredCall v = readCall(id);
        writeCall(v, plan(v, ts), actor, ts.iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, std::string(doing) + " " + std::to_string(id));
    }
    return get(id);
}

Case SqliteCaseStore::callAgain(CaseId id, const Actor& actor)
{
    return callById(id, actor, "calling again case",
                    [&](const StoredCall& v, const Timestamp& ts) { return planCallAgain(v, actor, ts); });
}

Case SqliteCaseStore::markAbsent(CaseId id, const Actor& actor)
{
    return callById(id, actor, "sending back case",
                    [&](const StoredCall& v, const Timestamp& ts) { return planAbsent(v, callSettings(), actor, ts); });
}

Case SqliteCaseStore::callNumber(const std::string& receptionNumber, const std::string& window, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    const std::string number = normalizedReceptionNumber(receptionNumber);
    const std::string w = checkCallWindow(window);
    std::optional<CaseId> id;
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        Timestamp ts = now();
        std::string day = toIso(ts.localDay);
        id = findNumber(number, day);
        if (!id)
            throwNoSuchNumber(number, day);
        StoredCall v = readCall(*id);
        writeCall(v, planCall(v, w, actor, ts), actor, ts.iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "calling " + number);
    }
    return get(*id);
}

CallSettings SqliteCaseStore::callSettings()
{
    try {
        SQLite::Statement q(*db_, "SELECT key, value FROM settings WHERE key LIKE 'call.%'");
        std::map<std::string, std::string> rows;
        while (q.executeStep())
            rows[q.getColumn(0).getString()] = q.getColumn(1).getString();
        return callSettingsFrom(rows);
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading the call settings");
    }
}

void SqliteCaseStore::setCallSettings(const CallSettings& settings, const Actor& by)
{
    requirePermission(by.user, by.role, Permission::ManageSettings);
    validate(settings);
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement up(*db_, "INSERT INTO settings (key, value) VALUES (?, ?)"
                                   " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        for (const auto& [key, value] : callSettingsRows(settings)) {
            up.bind(1, key);
            up.bind(2, value);
            up.exec();
            up.reset();
        }
        appendAudit(by, audit_actions::kSettings, std::nullopt, callSettingsDetail(settings), now().iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "saving the call settings");
    }
}

} // namespace madoguchi::db
