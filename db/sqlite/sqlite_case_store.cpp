#include "db/sqlite/sqlite_case_store.hpp"

#include "core/bookings/booking_rules.hpp"
#include "core/cases/reception_number.hpp"
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "core/text/search_fold.hpp"
#include "db/case_row_texts.hpp"
#include "db/case_rules.hpp"
#include "db/prepared_ahead.hpp"
#include "db/sqlite/sqlite_audit_statements.hpp"
#include "db/sqlite/sqlite_booking_statements.hpp"
#include "db/sqlite/sqlite_case_rows.hpp"
#include "db/sqlite/sqlite_connection.hpp"
#include "db/sqlite/sqlite_statement_reset.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <unistd.h>

namespace madoguchi::db {

// Prepared once per connection, reset after each use: the insert path runs a million times in
// the benchmark and thousands of times a day at a busy office.
struct SqliteCaseStore::Statements {
    explicit Statements(SQLite::Database& db)
        : nextSeq(db, "SELECT COALESCE(MAX(seq), 0) + 1 FROM cases WHERE office = ? AND day = ?"),
          insertCase(db,
                     "INSERT INTO cases (office, day, seq, reception_number, procedure, status, window, clerk,"
                     " created_at, updated_at, name, kana, name_folded, kana_folded, birth, sex, address,"
                     " foreign_resident, stay_until, moved_in, applicant, proxy_name, proxy_relation, fee_yen, notes,"
                     " procedure_count, booking_id, booked_start) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10,"
                     " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)"),
          insertDocument(db, "INSERT INTO case_documents (case_id, position, document, checked) VALUES (?, ?, ?, ?)"),
          deleteDocuments(db, "DELETE FROM case_documents WHERE case_id = ?"),
          insertLine(db, "INSERT INTO case_procedures (case_id, position, procedure, status, mailed_on)"
                         " VALUES (?, ?, ?, ?, ?)"),
          // A line's mailing day stays unless the move gives one (照会書回答待ち).
          updateLine(db, "UPDATE case_procedures SET status = ?, mailed_on = COALESCE(?, mailed_on)"
                         " WHERE case_id = ? AND procedure = ?"),
          insertHistory(db, "INSERT INTO case_history (case_id, at, actor, from_status, to_status, reason, procedure,"
                            " kind, \"window\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          insertTrigram(db, "INSERT INTO case_search_trigram (rowid, name_folded, kana_folded) VALUES (?, ?, ?)"),
          insertChars(db, "INSERT INTO case_search_chars (rowid, name_chars, kana_chars) VALUES (?, ?, ?)"),
          selectCase(db, "SELECT " + std::string(kCaseColumns) + " FROM cases WHERE id = ?"),
          selectDocuments(db, "SELECT document, checked FROM case_documents WHERE case_id = ? ORDER BY position"),
          selectHistory(db, "SELECT at, actor, from_status, to_status, reason, procedure, kind, \"window\""
                            " FROM case_history WHERE case_id = ? ORDER BY id"),
          selectLines(db,
                      "SELECT procedure, status, mailed_on FROM case_procedures WHERE case_id = ? ORDER BY position"),
          selectVersion(db, "SELECT version, created_at FROM cases WHERE id = ?"),
          updateVisit(db, "UPDATE cases SET status = ?, updated_at = ?, version = version + 1, procedure_count = ?"
                          " WHERE id = ?")
    {
    }
    SQLite::Statement nextSeq, insertCase, insertDocument, deleteDocuments, insertLine, updateLine, insertHistory,
        insertTrigram, insertChars, selectCase, selectDocuments, selectHistory, selectLines, selectVersion, updateVisit;
};

namespace {

// A line's mailing day (migration 010): NULL for most lines.
std::optional<boost::gregorian::date> optionalDate(const SQLite::Column& c)
{
    if (c.isNull())
        return std::nullopt;
    try {
        return parseIsoDate(c.getString(), "mailed_on");
    } catch (const std::exception&) {
        throw StorageError(StorageError::Kind::Corrupt, "a procedure line's mailed_on reads \"" + c.getString() + "\"");
    }
}

// Bound without a copy: the text must outlive the statement's reset.
template <typename Key> void bindOptional(SQLite::Statement& st, Key key, const std::optional<std::string>& text)
{
    if (text)
        st.bindNoCopy(key, *text);
    else
        st.bind(key);
}

} // namespace

struct SqliteCaseStore::RowTexts {
    CaseRowTexts row;
    std::string nameChars, kanaChars; // "山 田 太 郎": each character a token of case_search_chars
};

SqliteCaseStore::RowTexts SqliteCaseStore::rowTexts(const Resident& resident)
{
    RowTexts t{caseRowTexts(resident), "", ""};
    t.nameChars = spacedCharacters(t.row.nameFolded);
    t.kanaChars = spacedCharacters(t.row.kanaFolded);
    return t;
}

SqliteCaseStore::SqliteCaseStore(const std::filesystem::path& path, const StoreOptions& options)
    : path_(path), options_(options), db_(openSqliteDatabase(path, options))
{
    try {
        st_ = std::make_unique<Statements>(*db_);
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "preparing the case book");
    }
}

SqliteCaseStore::~SqliteCaseStore() = default;

std::string SqliteCaseStore::describe() const
{
    return "sqlite:" + path_.string();
}

int SqliteCaseStore::nextReceptionSeq(const std::string& day)
{
    if (batchHead_) { // in a bulk write: the database is asked once per day, then counted here
        if (auto known = batchNextSeq_.find(day); known != batchNextSeq_.end())
            return known->second++;
    }
    int seq;
    {
        StatementReset r{st_->nextSeq};
        st_->nextSeq.bind(1, options_.office);
        st_->nextSeq.bind(2, day);
        st_->nextSeq.executeStep();
        seq = st_->nextSeq.getColumn(0).getInt();
    }
    if (batchHead_)
        batchNextSeq_[day] = seq + 1;
    return seq;
}

CaseId SqliteCaseStore::insertCase(const CaseDraft& draft, const RowTexts& texts, const std::string& day,
                                   const NewVisit& visit, const Actor& actor, const std::string& importedAt,
                                   const std::optional<CaseBooking>& booking)
{
    const std::string& at = visit.received.at;
    int seq = nextReceptionSeq(day);
    const Resident& res = draft.resident;
    const CaseRowTexts& row = texts.row;
    const std::string receptionNumber = formatReceptionNumber(options_.series, seq);
    const std::string& clerk = draft.clerk.empty() ? actor.user : draft.clerk;
    auto& ins = st_->insertCase;
    {
        // Reset before the strings above go: the texts are bound without a copy (SQLite copying
        // and freeing each of them showed in an import's profile), so each must outlive it.
        StatementReset r{ins};
        // Positional: binding by name looks each name up among the 24 parameters on every call.
        int i = 0;
        ins.bindNoCopy(++i, options_.office);
        ins.bindNoCopy(++i, day);
        ins.bind(++i, seq);
        ins.bindNoCopy(++i, receptionNumber);
        ins.bindNoCopy(++i, info(visit.lines.front().procedure).id.data()); // ids are NUL-terminated literals
        ins.bindNoCopy(++i, statusId(visit.status).data());
        ins.bindNoCopy(++i, draft.window);
        ins.bindNoCopy(++i, clerk);
        ins.bindNoCopy(++i, at);
        ins.bindNoCopy(++i, row.name);
        ins.bindNoCopy(++i, row.kana);
        ins.bindNoCopy(++i, row.nameFolded);
        ins.bindNoCopy(++i, row.kanaFolded);
        ins.bindNoCopy(++i, row.birth);
        ins.bind(++i, std::string(sexId(res.sex)));
        ins.bindNoCopy(++i, res.address);
        ins.bind(++i, res.foreignResident ? 1 : 0);
        bindOptional(ins, ++i, row.stayUntil);
        bindOptional(ins, ++i, row.movedIn);
        ins.bind(++i, std::string(applicantId(draft.applicant.type)));
        ins.bindNoCopy(++i, draft.applicant.proxyName);
        ins.bindNoCopy(++i, draft.applicant.proxyRelation);
        ins.bind(++i, draft.feeYen);
        ins.bindNoCopy(++i, draft.notes);
        ins.bind(++i, static_cast<std::int64_t>(visit.lines.size()));
        if (booking) {
            ins.bind(++i, booking->id);
            ins.bindNoCopy(++i, booking->start);
        } else {
            ins.bind(++i);
            ins.bind(++i);
        }
        ins.exec();
    }
    CaseId id = db_->getLastInsertRowid();
    for (std::size_t position = 0; position < visit.lines.size(); ++position)
        writeLine(id, position, visit.lines[position]);
    writeDocuments(id, draft.documents);
    indexForSearch(id, texts);
    appendHistory(id, visit.received);
    // An import is audited when it happens, not on the cases' own (earlier) reception days.
    bool imported = !importedAt.empty();
    appendAudit(actor, imported ? audit_actions::kImport : audit_actions::kCreate, id, visit.auditDetail,
                imported ? importedAt : at);
    return id;
}

void SqliteCaseStore::writeLine(CaseId id, std::size_t position, const ProcedureLine& line)
{
    auto& st = st_->insertLine;
    StatementReset r{st};
    st.bind(1, id);
    st.bind(2, static_cast<std::int64_t>(position));
    st.bindNoCopy(3, info(line.procedure).id.data());
    st.bindNoCopy(4, statusId(line.status).data());
    if (line.mailedOn)
        st.bind(5, toIso(*line.mailedOn));
    else
        st.bind(5);
    st.exec();
}

void SqliteCaseStore::writeDocuments(CaseId id, const std::vector<CheckedDocument>& documents)
{
    int position = 0;
    for (const auto& d : documents) {
        StatementReset r{st_->insertDocument};
        st_->insertDocument.bind(1, id);
        st_->insertDocument.bind(2, position++);
        st_->insertDocument.bind(3, d.document);
        st_->insertDocument.bind(4, d.checked ? 1 : 0);
        st_->insertDocument.exec();
    }
}

void SqliteCaseStore::indexForSearch(CaseId id, const RowTexts& texts)
{
    {
        StatementReset r{st_->insertTrigram};
        st_->insertTrigram.bind(1, id);
        st_->insertTrigram.bindNoCopy(2, texts.row.nameFolded);
        st_->insertTrigram.bindNoCopy(3, texts.row.kanaFolded);
        st_->insertTrigram.exec();
    }
    StatementReset r{st_->insertChars};
    st_->insertChars.bind(1, id);
    st_->insertChars.bindNoCopy(2, texts.nameChars);
    st_->insertChars.bindNoCopy(3, texts.kanaChars);
    st_->insertChars.exec();
}

void SqliteCaseStore::unindexForSearch(CaseId id)
{
    // The trigram table reads its content from `cases`; removing a row from it needs the values
    // that were indexed, which are still in `cases` at this point.
    SQLite::Statement del(*db_, "INSERT INTO case_search_trigram (case_search_trigram, rowid, name_folded, kana_folded)"
                                " SELECT 'delete', id, name_folded, kana_folded FROM cases WHERE id = ?");
    del.bind(1, id);
    del.exec();
    // The character index is contentless: it too is told the values it indexed.
    SQLite::Statement old(*db_, "SELECT name_folded, kana_folded FROM cases WHERE id = ?");
    old.bind(1, id);
    if (!old.executeStep())
        return;
    SQLite::Statement delChars(*db_, "INSERT INTO case_search_chars (case_search_chars, rowid, name_chars, kana_chars)"
                                     " VALUES ('delete', ?, ?, ?)");
    delChars.bind(1, id);
    delChars.bind(2, spacedCharacters(old.getColumn(0).getString()));
    delChars.bind(3, spacedCharacters(old.getColumn(1).getString()));
    delChars.exec();
}

void SqliteCaseStore::appendHistory(CaseId id, const HistoryEntry& e)
{
    auto& h = st_->insertHistory;
    StatementReset r{h};
    h.bind(1, id);
    h.bindNoCopy(2, e.at); // the entry outlives the reset at the end of this function
    h.bindNoCopy(3, e.actor);
    if (e.from)
        h.bindNoCopy(4, statusId(*e.from).data());
    else
        h.bind(4);
    h.bindNoCopy(5, statusId(e.to).data());
    h.bindNoCopy(6, e.reason);
    if (e.procedure)
        h.bindNoCopy(7, info(*e.procedure).id.data());
    else
        h.bind(7);
    h.bindNoCopy(8, historyKindId(e.kind).data());
    if (e.window.empty())
        h.bind(9);
    else
        h.bindNoCopy(9, e.window);
    h.exec();
}

Case SqliteCaseStore::add(const CaseDraft& draft, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    Timestamp ts = now();
    validate(draft.resident, ts.localDay);
    const NewVisit visit = newVisit(draft, actor, ts.iso);
    CaseId id;
    try {
        // IMMEDIATE: take the write lock before reading the day's last sequence, so that two
        // windows can never compute the same reception number.
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        id = insertCase(draft, rowTexts(draft.resident), toIso(ts.localDay), visit, actor, "");
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "saving the case");
    }
    return get(id);
}

// The resident of a booking has come: the visit saved and the booking arrived and linked to it, in
// one transaction (db/booking_store.hpp); beside add(), whose insert it shares.
Case SqliteCaseStore::checkIn(bookings::BookingId id, const CaseDraft& visit, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    Timestamp ts = now();
    validate(visit.resident, ts.localDay);
    const NewVisit plan = newVisit(visit, actor, ts.iso);
    CaseId caseId;
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        bookings::Booking b = getBooking(id);
        bookings::requireMayCheckIn(b, ts.localDay);
        caseId = insertCase(visit, rowTexts(visit.resident), toIso(ts.localDay), plan, actor, "",
                            CaseBooking{id, bookings::toIsoWithOffset(b.start)});
        SQLite::Statement up(*db_, "UPDATE bookings SET state = 'arrived', case_id = ?, arrived_at = ?, updated_at = ?,"
                                   " version = version + 1 WHERE id = ?");
        up.bind(1, caseId);
        up.bind(2, ts.iso);
        up.bind(3, ts.iso);
        up.bind(4, id);
        up.exec();
        appendAudit(actor, audit_actions::kBookingCheckIn, caseId, bookingAuditDetail(id), ts.iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "checking booking " + std::to_string(id) + " in");
    }
    return get(caseId);
}

std::vector<CaseId> SqliteCaseStore::importCases(const std::vector<ImportedCase>& cases, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    struct Prepared {
        std::string day;
        RowTexts texts;
        NewVisit visit;
    };
    // Checked and folded on a second thread while this one writes; a bad case is reported when
    // the write reaches it, and the transaction then rolls back: nothing of the import is kept.
    PreparedAhead<ImportedCase, Prepared> prepared(cases, [&actor](const ImportedCase& c) {
        if (c.receivedAt.size() < 10)
            throw ValidationError("received-at: \"" + c.receivedAt + "\" is not an ISO timestamp");
        std::string day = c.receivedAt.substr(0, 10);
        validate(c.draft.resident, parseIsoDate(day, "received-at"));
        return Prepared{std::move(day), rowTexts(c.draft.resident), importedVisit(c, actor)};
    });
    std::vector<CaseId> ids;
    ids.reserve(cases.size());
    try {
        // A bulk import checkpoints once at the end instead of every 1,000 pages (each checkpoint
        // is an fsync of the database file under synchronous=FULL).
        db_->exec("PRAGMA wal_autocheckpoint=0");
        struct RestoreCheckpoints {
            SQLite::Database& db;
            ~RestoreCheckpoints()
            {
                try {
                    db.exec("PRAGMA wal_autocheckpoint=1000");
                } catch (...) {
                }
            }
        } restore{*db_};
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        std::string importedAt = now().iso;
        // Begun after the write lock is taken (IMMEDIATE): no other connection can move the audit
        // head or take a reception number while the batch counts them in memory.
        struct BulkWrite {
            SqliteCaseStore& store;
            explicit BulkWrite(SqliteCaseStore& s) : store(s) { store.beginBulkWrite(); }
            ~BulkWrite() { store.abandonBulkWrite(); }
        } bulk{*this};
        for (std::size_t i = 0; i < cases.size(); ++i) {
            const Prepared& p = prepared.take(i);
            const ImportedCase& c = cases[i];
            ids.push_back(insertCase(c.draft, p.texts, p.day, p.visit, actor, importedAt));
        }
        endBulkWrite();
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "importing cases");
    }
    return ids;
}

std::optional<Case> SqliteCaseStore::find(CaseId id)
{
    try {
        Case c;
        {
            StatementReset r{st_->selectCase};
            st_->selectCase.bind(1, id);
            if (!st_->selectCase.executeStep())
                return std::nullopt;
            c = caseFromRow(st_->selectCase);
        }
        {
            StatementReset r{st_->selectDocuments};
            st_->selectDocuments.bind(1, id);
            while (st_->selectDocuments.executeStep())
                c.documents.push_back(
                    {st_->selectDocuments.getColumn(0).getString(), st_->selectDocuments.getColumn(1).getInt() != 0});
        }
        c.procedures = readLines(id);
        c.procedure = c.procedures.front().procedure;
        c.status = visitStatus(c.procedures);
        StatementReset r{st_->selectHistory};
        st_->selectHistory.bind(1, id);
        while (st_->selectHistory.executeStep()) {
            auto& h = st_->selectHistory;
            HistoryEntry e;
            e.at = h.getColumn(0).getString();
            e.actor = h.getColumn(1).getString();
            if (!h.getColumn(2).isNull())
                e.from = parseStatus(h.getColumn(2).getString());
            e.to = parseStatus(h.getColumn(3).getString());
            e.reason = h.getColumn(4).getString();
            if (!h.getColumn(5).isNull())
                e.procedure = parseProcedure(h.getColumn(5).getString());
            e.kind = parseHistoryKind(h.getColumn(6).getString());
            if (!h.getColumn(7).isNull())
                e.window = h.getColumn(7).getString();
            c.history.push_back(std::move(e));
        }
        return c;
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading case " + std::to_string(id));
    }
}

std::vector<ProcedureLine> SqliteCaseStore::readLines(CaseId id)
{
    std::vector<ProcedureLine> lines;
    StatementReset r{st_->selectLines};
    st_->selectLines.bind(1, id);
    while (st_->selectLines.executeStep())
        lines.push_back({parseProcedure(st_->selectLines.getColumn(0).getString()),
                         parseStatus(st_->selectLines.getColumn(1).getString()),
                         optionalDate(st_->selectLines.getColumn(2))});
    if (lines.empty())
        throw StorageError(StorageError::Kind::Corrupt, "case " + std::to_string(id) + " has no procedure line");
    return lines;
}

StoredVisit SqliteCaseStore::readVisit(CaseId id)
{
    StoredVisit v;
    v.id = id;
    {
        StatementReset r{st_->selectVersion};
        st_->selectVersion.bind(1, id);
        if (!st_->selectVersion.executeStep())
            throwNoSuchCase(id);
        v.version = st_->selectVersion.getColumn(0).getInt64();
        v.createdAt = st_->selectVersion.getColumn(1).getString();
    }
    v.lines = readLines(id);
    return v;
}

void SqliteCaseStore::writeChange(const StoredVisit& v, const VisitChange& change, const Actor& actor,
                                  const std::string& at)
{
    for (const auto& m : change.moved) {
        StatementReset r{st_->updateLine};
        st_->updateLine.bindNoCopy(1, statusId(m.to).data());
        if (m.mailedOn)
            st_->updateLine.bind(2, toIso(*m.mailedOn));
        else
            st_->updateLine.bind(2);
        st_->updateLine.bind(3, v.id);
        st_->updateLine.bindNoCopy(4, info(v.lines[m.position].procedure).id.data());
        st_->updateLine.exec();
    }
    for (std::size_t i = 0; i < change.added.size(); ++i)
        writeLine(v.id, v.lines.size() + i, change.added[i]);
    {
        StatementReset r{st_->updateVisit};
        st_->updateVisit.bindNoCopy(1, statusId(change.status).data());
        st_->updateVisit.bindNoCopy(2, at);
        st_->updateVisit.bind(3, static_cast<std::int64_t>(v.lines.size() + change.added.size()));
        st_->updateVisit.bind(4, v.id);
        st_->updateVisit.exec();
    }
    for (const auto& h : change.history)
        appendHistory(v.id, h);
    // Reasons stay in the case's history: free text may name people. The audit holds ids only.
    appendAudit(actor, change.auditAction, v.id, change.auditDetail, at);
}

Case SqliteCaseStore::changeStatus(CaseId id, const StatusChange& change, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        StoredVisit v = readVisit(id);
        Timestamp ts = now();
        writeChange(v, planStatusChange(v, change, actor, ts.iso), actor, ts.iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "changing the status of case " + std::to_string(id));
    }
    return get(id);
}

Case SqliteCaseStore::reopen(CaseId id, const std::string& reason, const Actor& actor,
                             std::optional<Procedure> procedure)
{
    requireMayReopen(actor);
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        StoredVisit v = readVisit(id);
        Timestamp ts = now();
        writeChange(v, planReopen(v, reason, procedure, actor, ts.iso), actor, ts.iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reopening case " + std::to_string(id));
    }
    return get(id);
}

Case SqliteCaseStore::update(const Case& edited, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    Timestamp ts = now();
    validate(edited.resident, ts.localDay);
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        StoredVisit v = readVisit(edited.id);
        VisitChange change = planEdit(v, edited, actor, ts.iso);
        unindexForSearch(edited.id);
        const Resident& res = edited.resident;
        const RowTexts texts = rowTexts(res);
        const CaseRowTexts& row = texts.row;
        // The version, time and status are written with the change below.
        SQLite::Statement upd(*db_,
                              "UPDATE cases SET window = :window, name = :name, kana = :kana,"
                              " name_folded = :name_folded, kana_folded = :kana_folded, birth = :birth, sex = :sex,"
                              " address = :address, foreign_resident = :foreign, stay_until = :stay_until,"
                              " moved_in = :moved_in, applicant = :applicant, proxy_name = :proxy_name,"
                              " proxy_relation = :proxy_relation, fee_yen = :fee, notes = :notes WHERE id = :id");
        upd.bind(":window", edited.window);
        upd.bind(":name", row.name);
        upd.bind(":kana", row.kana);
        upd.bind(":name_folded", row.nameFolded);
        upd.bind(":kana_folded", row.kanaFolded);
        upd.bind(":birth", row.birth);
        upd.bind(":sex", std::string(sexId(res.sex)));
        upd.bind(":address", res.address);
        upd.bind(":foreign", res.foreignResident ? 1 : 0);
        bindOptional(upd, ":stay_until", row.stayUntil);
        bindOptional(upd, ":moved_in", row.movedIn);
        upd.bind(":applicant", std::string(applicantId(edited.applicant.type)));
        upd.bind(":proxy_name", edited.applicant.proxyName);
        upd.bind(":proxy_relation", edited.applicant.proxyRelation);
        upd.bind(":fee", edited.feeYen);
        upd.bind(":notes", edited.notes);
        upd.bind(":id", edited.id);
        upd.exec();
        {
            StatementReset r{st_->deleteDocuments};
            st_->deleteDocuments.bind(1, edited.id);
            st_->deleteDocuments.exec();
        }
        writeDocuments(edited.id, edited.documents);
        indexForSearch(edited.id, texts);
        writeChange(v, change, actor, ts.iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "saving case " + std::to_string(edited.id));
    }
    return get(edited.id);
}

IntegrityReport SqliteCaseStore::check()
{
    IntegrityReport report;
    try {
        SQLite::Statement ic(*db_, "PRAGMA integrity_check");
        while (ic.executeStep()) {
            std::string line = ic.getColumn(0).getString();
            if (line != "ok")
                report.problems.push_back("integrity_check: " + line);
        }
        SQLite::Statement fk(*db_, "PRAGMA foreign_key_check");
        while (fk.executeStep())
            report.problems.push_back("foreign key broken in table " + fk.getColumn(0).getString() + " row " +
                                      std::to_string(fk.getColumn(1).getInt64()));
        try {
            // rank = 1: also compare the index with its content, the rows of `cases`.
            db_->exec("INSERT INTO case_search_trigram (case_search_trigram, rank) VALUES ('integrity-check', 1)");
            db_->exec("INSERT INTO case_search_chars (case_search_chars) VALUES ('integrity-check')");
        } catch (const SQLite::Exception& e) {
            report.problems.push_back(std::string("search index: ") + e.what());
        }
        VisitRowCheck visits;
        // One visit's rows follow each other; a case without lines is one row with NULLs.
        SQLite::Statement rows(*db_, "SELECT c.id, c.procedure, c.status, c.procedure_count, p.procedure, p.status"
                                     " FROM cases c LEFT JOIN case_procedures p ON p.case_id = c.id"
                                     " ORDER BY c.id, p.position");
        std::vector<ProcedureLine> lines;
        std::optional<VisitRowCheck::Stored> stored;
        std::int64_t lastId = 0;
        while (rows.executeStep()) {
            std::int64_t id = rows.getColumn(0).getInt64();
            if (stored && id != lastId) {
                visits.add(*stored, lines);
                lines.clear();
            }
            lastId = id;
            stored = VisitRowCheck::Stored{parseProcedure(rows.getColumn(1).getString()),
                                           parseStatus(rows.getColumn(2).getString()),
                                           static_cast<std::size_t>(rows.getColumn(3).getInt64())};
            if (!rows.getColumn(4).isNull())
                lines.push_back(
                    {parseProcedure(rows.getColumn(4).getString()), parseStatus(rows.getColumn(5).getString())});
        }
        if (stored)
            visits.add(*stored, lines);
        for (auto& p : visits.problems())
            report.problems.push_back(std::move(p));
        report.caseCount = db_->execAndGet("SELECT COUNT(*) FROM cases").getInt64();
        report.schemaVersion = db_->execAndGet("PRAGMA user_version").getInt();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "checking the database");
    }
    report.ok = report.problems.empty();
    return report;
}

void SqliteCaseStore::backup(const std::filesystem::path& target, files::Overwrite overwrite,
                             const std::function<void()>& beforePlacing)
{
    files::StagedOutput out(target, overwrite);
    try {
        SQLite::Database copy(out.temporaryPath().string(), SQLite::OPEN_READWRITE);
        SQLite::Backup b(copy, *db_);
        b.executeStep(-1); // everything in one step: consistent even while others write
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "backing up to " + target.string());
    }
    if (beforePlacing)
        beforePlacing();
    out.commit();
}

} // namespace madoguchi::db
