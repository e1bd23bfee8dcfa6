// The audit trail, retention and purge of the PostgreSQL case book (db/audit_log.hpp), with the
// same meaning as sqlite_audit_log.cpp.
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "db/postgresql/postgres_case_store.hpp"
#include "db/user_rules.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <limits>

namespace madoguchi::db {

namespace {

constexpr const char* kEntryColumns = "seq, at, user_name, role, action, case_id, detail, prev_hash, hash";

AuditEntry entryFromRow(const pqxx::row& r)
{
    AuditEntry e;
    e.seq = r[0].as<std::int64_t>();
    e.at = r[1].as<std::string>();
    e.user = r[2].as<std::string>();
    e.role = r[3].as<std::string>();
    e.action = r[4].as<std::string>();
    if (!r[5].is_null())
        e.caseId = r[5].as<std::int64_t>();
    e.detail = r[6].as<std::string>();
    e.prevHash = r[7].as<std::string>();
    e.hash = r[8].as<std::string>();
    return e;
}

} // namespace

void appendAudit(pqxx::work& tx, std::vector<AuditEntry> entries)
{
    if (entries.empty())
        return;
    auto head = tx.exec1("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
    std::int64_t seq = head[0].as<std::int64_t>();
    std::string prev = head[1].as<std::string>();
    for (auto& e : entries) {
        e.seq = ++seq;
        e.prevHash = prev;
        e.hash = computeAuditHash(e);
        prev = e.hash;
    }
    pqxx::stream_to out(
        tx, "audit_log",
        std::vector<std::string>{"seq", "at", "user_name", "role", "action", "case_id", "detail", "prev_hash", "hash"});
    for (const auto& e : entries) {
        std::string caseId = e.caseId ? std::to_string(*e.caseId) : "";
        out << std::make_tuple(e.seq, e.at, e.user, e.role, e.action, e.caseId ? caseId.c_str() : nullptr, e.detail,
                               e.prevHash, e.hash);
    }
    out.complete();
    tx.exec_params0("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", seq, prev);
}

void appendAudit(pqxx::work& tx, const Actor& actor, const std::string& action, std::optional<CaseId> caseId,
                 const std::string& detail, const std::string& at)
{
    appendAudit(tx, {AuditEntry{0, at, actor.user, std::string(roleId(actor.role)), action, caseId, detail, "", ""}});
}

void PostgresCaseStore::recordAccess(const Actor& actor, const std::string& action, const std::vector<CaseId>& cases,
                                     const std::string& detail)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    std::string at = now().iso, role(roleId(actor.role));
    std::vector<AuditEntry> entries;
    for (CaseId id : cases)
        entries.push_back({0, at, actor.user, role, action, id, detail, "", ""});
    if (cases.empty())
        entries.push_back({0, at, actor.user, role, action, std::nullopt, detail, "", ""});
    session_.transact("writing the audit trail", [&](pqxx::work& tx) { appendAudit(tx, entries); });
}

std::vector<AuditEntry> PostgresCaseStore::auditDay(boost::gregorian::date day, const Actor& by)
{
    requirePermission(by.user, by.role, Permission::ViewAudit);
    return session_.transact("reading the audit trail", [&](pqxx::work& tx) {
        std::vector<AuditEntry> out;
        for (const auto& r : tx.exec_params(std::string("SELECT ") + kEntryColumns +
                                                " FROM audit_log WHERE substr(at, 1, 10) = $1 ORDER BY seq",
                                            toIso(day)))
            out.push_back(entryFromRow(r));
        return out;
    });
}

AuditVerification PostgresCaseStore::verifyAudit()
{
    return session_.transact("reading the audit trail", [&](pqxx::work& tx) {
        // REPEATABLE READ: the log and its head from one snapshot while other windows go on writing.
        tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        AuditVerification v;
        AuditChainVerifier chain;
        bool ok = true;
        // In pages by seq, not the whole log in memory.
        std::int64_t after = std::numeric_limits<std::int64_t>::min();
        for (bool more = true; ok && more;) {
            auto page = tx.exec_params(std::string("SELECT ") + kEntryColumns +
                                           " FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT 10000",
                                       after);
            more = !page.empty();
            for (const auto& r : page) {
                AuditEntry e = entryFromRow(r);
                after = e.seq;
                if (!(ok = chain.feed(e)))
                    break;
            }
        }
        auto head = tx.exec("SELECT seq, hash FROM audit_head WHERE id = 1");
        if (head.empty())
            throw StorageError(StorageError::Kind::Corrupt, "the audit head is missing");
        v.headHash = head[0][1].as<std::string>();
        if (ok)
            ok = chain.finish(head[0][0].as<std::int64_t>(), v.headHash);
        v.ok = ok;
        v.entries = chain.checked();
        v.badSeq = chain.badSeq();
        v.problem = chain.problem();
        return v;
    });
}

int PostgresCaseStore::retentionDays()
{
    return session_.transact("reading the settings", [&](pqxx::work& tx) {
        auto r = tx.exec("SELECT value FROM settings WHERE key = 'retention_days'");
        return r.empty() ? 0 : std::stoi(r[0][0].as<std::string>());
    });
}

void PostgresCaseStore::setRetentionDays(int days, const Actor& by)
{
    requirePermission(by.user, by.role, Permission::ManageSettings);
    checkRetentionPeriod(days);
    session_.transact("saving the settings", [&](pqxx::work& tx) {
        tx.exec_params0("INSERT INTO settings (key, value) VALUES ('retention_days', $1)"
                        " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                        std::to_string(days));
        appendAudit(tx, by, audit_actions::kSettings, std::nullopt, "retention_days=" + std::to_string(days),
                    now().iso);
    });
}

PurgeResult PostgresCaseStore::purgeExpired(boost::gregorian::date today, const Actor& by, PurgeRun run)
{
    requirePermission(by.user, by.role, Permission::PurgeCases);
    PurgeResult result = startPurge(today, retentionDays());
    std::string cutoff = toIso(result.cutoff);
    session_.transact("purging old cases", [&](pqxx::work& tx) {
        result.keptOpen = tx.exec_params1("SELECT count(*) FROM cases WHERE status NOT IN ('done', 'withdrawn')"
                                          " AND substr(updated_at, 1, 10) < $1",
                                          cutoff)[0]
                              .as<std::int64_t>();
        if (run == PurgeRun::DryRun) {
            result.purged = tx.exec_params1("SELECT count(*) FROM cases WHERE status IN ('done', 'withdrawn')"
                                            " AND substr(updated_at, 1, 10) < $1",
                                            cutoff)[0]
                                .as<std::int64_t>();
            result.bookingsPurged =
                tx.exec_params1("SELECT count(*) FROM bookings WHERE day < $1::date", cutoff)[0].as<std::int64_t>();
            return; // nothing deleted, nothing audited
        }
        // Documents and history go with their case (ON DELETE CASCADE); the search pieces are in the row.
        result.purged = tx.exec_params("DELETE FROM cases WHERE status IN ('done', 'withdrawn')"
                                       " AND substr(updated_at, 1, 10) < $1",
                                       cutoff)
                            .affected_rows();
        result.bookingsPurged = tx.exec_params("DELETE FROM bookings WHERE day < $1::date", cutoff).affected_rows();
        // Counts only: the purged residents' names must not survive in the trail.
        appendAudit(tx, by, audit_actions::kPurge, std::nullopt,
                    std::to_string(result.purged) + " closed cases last changed before " + cutoff + " purged; " +
                        std::to_string(result.keptOpen) + " older open cases kept; " +
                        std::to_string(result.bookingsPurged) + " bookings for days before it purged",
                    now().iso);
    });
    return result;
}

} // namespace madoguchi::db
