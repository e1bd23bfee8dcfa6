// The audit trail, retention and purge of the SQLite case book (db/audit_log.hpp).
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "db/sqlite/sqlite_audit_statements.hpp"
#include "db/sqlite/sqlite_case_store.hpp"
#include "db/sqlite/sqlite_connection.hpp"
#include "db/sqlite/sqlite_statement_reset.hpp"
#include "db/user_rules.hpp"

#include <SQLiteCpp/Transaction.h>

namespace madoguchi::db {

namespace {

AuditEntry entryFromRow(SQLite::Statement& q)
{
    AuditEntry e;
    e.seq = q.getColumn(0).getInt64();
    e.at = q.getColumn(1).getString();
    e.user = q.getColumn(2).getString();
    e.role = q.getColumn(3).getString();
    e.action = q.getColumn(4).getString();
    if (!q.getColumn(5).isNull())
        e.caseId = q.getColumn(5).getInt64();
    e.detail = q.getColumn(6).getString();
    e.prevHash = q.getColumn(7).getString();
    e.hash = q.getColumn(8).getString();
    return e;
}

constexpr const char* kEntryColumns = "seq, at, user, role, action, case_id, detail, prev_hash, hash";

} // namespace

SqliteCaseStore::AuditHead SqliteCaseStore::readAuditHead()
{
    if (!auditSt_)
        auditSt_ = std::make_unique<SqliteAuditStatements>(*db_);
    StatementReset r{auditSt_->head};
    if (!auditSt_->head.executeStep())
        throw StorageError(StorageError::Kind::Corrupt, "the audit head is missing");
    return {auditSt_->head.getColumn(0).getInt64(), auditSt_->head.getColumn(1).getString()};
}

void SqliteCaseStore::beginBulkWrite()
{
    batchHead_ = readAuditHead();
    batchNextSeq_.clear();
}

void SqliteCaseStore::endBulkWrite()
{
    batchNextSeq_.clear();
    if (!batchHead_)
        return;
    AuditHead head = std::move(*batchHead_);
    batchHead_.reset();
    StatementReset r{auditSt_->moveHead};
    auditSt_->moveHead.bind(1, head.seq);
    auditSt_->moveHead.bind(2, head.hash);
    auditSt_->moveHead.exec();
}

void SqliteCaseStore::abandonBulkWrite()
{
    batchHead_.reset();
    batchNextSeq_.clear();
}

void SqliteCaseStore::appendAudit(const Actor& actor, const std::string& action, std::optional<CaseId> caseId,
                                  const std::string& detail, const std::string& at)
{
    AuditHead head = batchHead_ ? *batchHead_ : readAuditHead();
    auto& st = *auditSt_;
    AuditEntry e;
    e.seq = head.seq + 1;
    e.prevHash = std::move(head.hash);
    e.at = at;
    e.user = actor.user;
    e.role = std::string(roleId(actor.role));
    e.action = action;
    e.caseId = caseId;
    e.detail = detail;
    e.hash = computeAuditHash(e);
    {
        StatementReset r{st.insert}; // before `e` goes: its texts are bound without a copy
        int i = 0;
        st.insert.bind(++i, e.seq);
        st.insert.bindNoCopy(++i, e.at);
        st.insert.bindNoCopy(++i, e.user);
        st.insert.bindNoCopy(++i, e.role);
        st.insert.bindNoCopy(++i, e.action);
        if (e.caseId)
            st.insert.bind(++i, *e.caseId);
        else
            st.insert.bind(++i);
        st.insert.bindNoCopy(++i, e.detail);
        st.insert.bindNoCopy(++i, e.prevHash);
        st.insert.bindNoCopy(++i, e.hash);
        st.insert.exec();
    }
    if (batchHead_) {
        *batchHead_ = {e.seq, std::move(e.hash)};
        return;
    }
    StatementReset r{st.moveHead};
    st.moveHead.bind(1, e.seq);
    st.moveHead.bind(2, e.hash);
    st.moveHead.exec();
}

void SqliteCaseStore::recordAccess(const Actor& actor, const std::string& action, const std::vector<CaseId>& cases,
                                   const std::string& detail)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        std::string at = now().iso;
        for (CaseId id : cases)
            appendAudit(actor, action, id, detail, at);
        if (cases.empty())
            appendAudit(actor, action, std::nullopt, detail, at);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "writing the audit trail");
    }
}

std::vector<AuditEntry> SqliteCaseStore::auditDay(boost::gregorian::date day, const Actor& by)
{
    requirePermission(by.user, by.role, Permission::ViewAudit);
    std::vector<AuditEntry> out;
    try {
        SQLite::Statement q(*db_, std::string("SELECT ") + kEntryColumns +
                                      " FROM audit_log WHERE substr(at, 1, 10) = ? ORDER BY seq");
        q.bind(1, toIso(day));
        while (q.executeStep())
            out.push_back(entryFromRow(q));
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading the audit trail");
    }
    return out;
}

AuditVerification SqliteCaseStore::verifyAudit()
{
    AuditVerification v;
    try {
        // One read transaction: a snapshot, while other windows go on writing.
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::DEFERRED);
        AuditChainVerifier chain;
        SQLite::Statement q(*db_, std::string("SELECT ") + kEntryColumns + " FROM audit_log ORDER BY seq");
        bool ok = true;
        while (ok && q.executeStep())
            ok = chain.feed(entryFromRow(q));
        SQLite::Statement head(*db_, "SELECT seq, hash FROM audit_head WHERE id = 1");
        if (!head.executeStep())
            throw StorageError(StorageError::Kind::Corrupt, "the audit head is missing");
        v.headHash = head.getColumn(1).getString();
        if (ok)
            ok = chain.finish(head.getColumn(0).getInt64(), v.headHash);
        v.ok = ok;
        v.entries = chain.checked();
        v.badSeq = chain.badSeq();
        v.problem = chain.problem();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading the audit trail");
    }
    return v;
}

int SqliteCaseStore::retentionDays()
{
    try {
        SQLite::Statement q(*db_, "SELECT value FROM settings WHERE key = 'retention_days'");
        return q.executeStep() ? std::stoi(q.getColumn(0).getString()) : 0;
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading the settings");
    }
}

void SqliteCaseStore::setRetentionDays(int days, const Actor& by)
{
    requirePermission(by.user, by.role, Permission::ManageSettings);
    checkRetentionPeriod(days);
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement up(*db_, "INSERT INTO settings (key, value) VALUES ('retention_days', ?)"
                                   " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        up.bind(1, std::to_string(days));
        up.exec();
        appendAudit(by, audit_actions::kSettings, std::nullopt, "retention_days=" + std::to_string(days), now().iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "saving the settings");
    }
}

PurgeResult SqliteCaseStore::purgeExpired(boost::gregorian::date today, const Actor& by, PurgeRun run)
{
    requirePermission(by.user, by.role, Permission::PurgeCases);
    PurgeResult result = startPurge(today, retentionDays());
    std::string cutoff = toIso(result.cutoff);
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        std::vector<CaseId> ids;
        {
            SQLite::Statement q(*db_, "SELECT id FROM cases WHERE status IN ('done', 'withdrawn')"
                                      " AND substr(updated_at, 1, 10) < ?");
            q.bind(1, cutoff);
            while (q.executeStep())
                ids.push_back(q.getColumn(0).getInt64());
        }
        SQLite::Statement open(*db_, "SELECT COUNT(*) FROM cases WHERE status NOT IN ('done', 'withdrawn')"
                                     " AND substr(updated_at, 1, 10) < ?");
        open.bind(1, cutoff);
        open.executeStep();
        result.keptOpen = open.getColumn(0).getInt64();
        if (run == PurgeRun::DryRun) {
            result.purged = static_cast<std::int64_t>(ids.size());
            SQLite::Statement bookings(*db_, "SELECT COUNT(*) FROM bookings WHERE day < ?");
            bookings.bind(1, cutoff);
            bookings.executeStep();
            result.bookingsPurged = bookings.getColumn(0).getInt64();
            return result; // the transaction rolls back: nothing changed
        }
        SQLite::Statement del(*db_, "DELETE FROM cases WHERE id = ?"); // documents and history cascade
        for (CaseId id : ids) {
            unindexForSearch(id);
            del.bind(1, id);
            del.exec();
            del.reset();
        }
        result.purged = static_cast<std::int64_t>(ids.size());
        // Bookings for a day before the cutoff: arrived, missed or cancelled by then, all closed.
        SQLite::Statement bookings(*db_, "DELETE FROM bookings WHERE day < ?");
        bookings.bind(1, cutoff);
        result.bookingsPurged = bookings.exec();
        // Counts only: the purged residents' names must not survive in the trail.
        appendAudit(by, audit_actions::kPurge, std::nullopt,
                    std::to_string(result.purged) + " closed cases last changed before " + cutoff + " purged; " +
                        std::to_string(result.keptOpen) + " older open cases kept; " +
                        std::to_string(result.bookingsPurged) + " bookings for days before it purged",
                    now().iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "purging old cases");
    }
    if (result.purged > 0 || result.bookingsPurged > 0) {
        // secure_delete (on every connection) zeroed the freed content in the new pages; the WAL
        // still holds the old ones until a checkpoint truncates it.
        try {
            db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (const SQLite::Exception&) {
            // A reader elsewhere holds the WAL; the next checkpoint overwrites it.
        }
    }
    return result;
}

} // namespace madoguchi::db
