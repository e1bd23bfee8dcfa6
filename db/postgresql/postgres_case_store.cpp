#include "db/postgresql/postgres_case_store.hpp"

#include "core/bookings/booking_rules.hpp"
#include "core/cases/reception_number.hpp"
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "db/call_rules.hpp"
#include "db/case_row_texts.hpp"
#include "db/case_rules.hpp"
#include "db/postgresql/postgres_booking_rows.hpp"
#include "db/postgresql/postgres_case_rows.hpp"
#include "db/postgresql/postgres_search_refold.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <map>
#include <set>

namespace madoguchi::db {

namespace {

void prepareStatements(pqxx::connection& c)
{
    // Takes `$3` numbers for the office and day at once and returns the last one: the counter row
    // is locked until commit, so two windows can never be handed the same number.
    c.prepare("take_seq",
              "INSERT INTO day_counters (office, day, last_seq) VALUES ($1, $2, $3)"
              " ON CONFLICT (office, day) DO UPDATE SET last_seq = day_counters.last_seq + EXCLUDED.last_seq"
              " RETURNING last_seq");
    c.prepare("insert_case",
              "INSERT INTO cases (office, day, seq, reception_number, procedure, status, \"window\", clerk,"
              " created_at, updated_at, name, kana, name_folded, kana_folded, grams, birth, sex, address,"
              " foreign_resident, stay_until, moved_in, applicant, proxy_name, proxy_relation, fee_yen, notes,"
              " procedure_count, booking_id, booked_start) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11,"
              " $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28) RETURNING id");
    c.prepare("insert_document",
              "INSERT INTO case_documents (case_id, position, document, checked) VALUES ($1, $2, $3, $4)");
    c.prepare("delete_documents", "DELETE FROM case_documents WHERE case_id = $1");
    c.prepare("insert_history", "INSERT INTO case_history (case_id, at, actor, from_status, to_status, reason,"
                                " procedure, kind, \"window\") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
    c.prepare("insert_line", "INSERT INTO case_procedures (case_id, position, procedure, status, mailed_on)"
                             " VALUES ($1, $2, $3, $4, $5::date)");
    // A line's mailing day stays unless the move gives one (照会書回答待ち).
    c.prepare("update_line", "UPDATE case_procedures SET status = $1, mailed_on = COALESCE($4::date, mailed_on)"
                             " WHERE case_id = $2 AND procedure = $3");
    c.prepare("select_lines", "SELECT procedure, status, mailed_on::text FROM case_procedures WHERE case_id = $1"
                              " ORDER BY position");
    c.prepare("update_visit", "UPDATE cases SET status = $1, updated_at = $2, version = version + 1,"
                              " procedure_count = $3 WHERE id = $4");
    c.prepare("select_case", std::string("SELECT ") + kPgCaseColumns + " FROM cases WHERE id = $1");
    c.prepare("select_documents", "SELECT document, checked FROM case_documents WHERE case_id = $1 ORDER BY position");
    c.prepare("select_history", "SELECT at, actor, from_status, to_status, reason, procedure, kind, \"window\""
                                " FROM case_history WHERE case_id = $1 ORDER BY id");
    // FOR UPDATE: the row stays locked until commit, so the version compared is the version
    // replaced — no other window's save can slip in between (no lost update).
    c.prepare("lock_case", "SELECT version, created_at FROM cases WHERE id = $1 FOR UPDATE");
}

const char* nullable(const std::optional<std::string>& s)
{
    return s ? s->c_str() : nullptr;
}

std::vector<std::string> codePoints(const std::string& s)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 1;
        auto b = static_cast<unsigned char>(s[i]);
        if (b >= 0xF0)
            n = 4;
        else if (b >= 0xE0)
            n = 3;
        else if (b >= 0xC0)
            n = 2;
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

std::string joined(const std::vector<std::string>& cps, std::size_t from, std::size_t count)
{
    std::string out;
    for (std::size_t k = from; k < from + count; ++k)
        out += cps[k];
    return out;
}

struct Insert {
    std::string office, day;
    int seq;
};

const char* nullableStatus(const std::optional<CaseStatus>& s)
{
    return s ? statusId(*s).data() : nullptr; // ids are NUL-terminated literals
}

const char* nullableProcedure(const std::optional<Procedure>& p)
{
    return p ? info(*p).id.data() : nullptr;
}

void insertLine(pqxx::work& tx, CaseId id, std::size_t position, const ProcedureLine& l)
{
    const std::optional<std::string> mailed = isoOrNone(l.mailedOn);
    tx.exec_prepared0("insert_line", id, static_cast<int>(position), info(l.procedure).id.data(),
                      statusId(l.status).data(), nullable(mailed));
}

CaseId insertCase(pqxx::work& tx, const CaseDraft& draft, const Insert& in, const NewVisit& visit,
                  const std::string& series, const Actor& actor, const std::optional<CaseBooking>& booking = {})
{
    const Resident& res = draft.resident;
    const CaseRowTexts row = caseRowTexts(res);
    const std::string& at = visit.received.at;
    const std::string bookingId = booking ? std::to_string(booking->id) : "";
    auto r = tx.exec_prepared1(
        "insert_case", in.office, in.day, in.seq, formatReceptionNumber(series, in.seq),
        info(visit.lines.front().procedure).id.data(), statusId(visit.status).data(), draft.window,
        draft.clerk.empty() ? actor.user : draft.clerk, at, row.name, row.kana, row.nameFolded, row.kanaFolded,
        textArrayLiteral(searchGrams({row.nameFolded, row.kanaFolded})), row.birth, std::string(sexId(res.sex)),
        res.address, res.foreignResident, nullable(row.stayUntil), nullable(row.movedIn),
        std::string(applicantId(draft.applicant.type)), draft.applicant.proxyName, draft.applicant.proxyRelation,
        draft.feeYen, draft.notes, static_cast<int>(visit.lines.size()), booking ? bookingId.c_str() : nullptr,
        booking ? booking->start.c_str() : nullptr);
    CaseId id = r[0].as<CaseId>();
    for (std::size_t position = 0; position < visit.lines.size(); ++position)
        insertLine(tx, id, position, visit.lines[position]);
    int position = 0;
    for (const auto& d : draft.documents)
        tx.exec_prepared0("insert_document", id, position++, d.document, d.checked);
    insertHistory(tx, id, visit.received);
    appendAudit(tx, actor, audit_actions::kCreate, id, visit.auditDetail, at);
    return id;
}

std::optional<boost::gregorian::date> optionalDate(const pqxx::field& f)
{
    if (f.is_null())
        return std::nullopt;
    return boost::gregorian::from_simple_string(f.as<std::string>());
}

std::vector<ProcedureLine> readLines(pqxx::work& tx, CaseId id)
{
    std::vector<ProcedureLine> lines;
    for (const auto& row : tx.exec_prepared("select_lines", id))
        lines.push_back(
            {parseProcedure(row[0].as<std::string>()), parseStatus(row[1].as<std::string>()), optionalDate(row[2])});
    if (lines.empty())
        throw StorageError(StorageError::Kind::Corrupt, "case " + std::to_string(id) + " has no procedure line");
    return lines;
}

// Locks the visit's row until commit (FOR UPDATE), so that the version compared is the version
// replaced — no other window's save can slip in between (no lost update).
StoredVisit lockVisit(pqxx::work& tx, CaseId id)
{
    auto cur = tx.exec_prepared("lock_case", id);
    if (cur.empty())
        throwNoSuchCase(id);
    return {id, cur[0][0].as<std::int64_t>(), readLines(tx, id), cur[0][1].as<std::string>()};
}

void writeChange(pqxx::work& tx, const StoredVisit& v, const VisitChange& change, const Actor& actor,
                 const std::string& at)
{
    for (const auto& m : change.moved) {
        const std::optional<std::string> mailed = isoOrNone(m.mailedOn);
        tx.exec_prepared0("update_line", statusId(m.to).data(), v.id, info(v.lines[m.position].procedure).id.data(),
                          nullable(mailed));
    }
    for (std::size_t i = 0; i < change.added.size(); ++i)
        insertLine(tx, v.id, v.lines.size() + i, change.added[i]);
    tx.exec_prepared0("update_visit", statusId(change.status).data(), at,
                      static_cast<int>(v.lines.size() + change.added.size()), v.id);
    for (const auto& h : change.history)
        insertHistory(tx, v.id, h);
    // Reasons stay in the case's history: free text may name people. The audit holds ids only.
    appendAudit(tx, actor, change.auditAction, v.id, change.auditDetail, at);
}

int takeSequences(pqxx::work& tx, const std::string& office, const std::string& day, int count)
{
    return tx.exec_prepared1("take_seq", office, day, count)[0].as<int>() - count + 1;
}

std::optional<std::string> optionalText(const pqxx::field& f)
{
    if (f.is_null())
        return std::nullopt;
    return f.as<std::string>();
}

} // namespace

void insertHistory(pqxx::work& tx, CaseId id, const HistoryEntry& e)
{
    tx.exec_prepared0("insert_history", id, e.at, e.actor, nullableStatus(e.from), statusId(e.to).data(), e.reason,
                      nullableProcedure(e.procedure), historyKindId(e.kind).data(),
                      e.window.empty() ? nullptr : e.window.c_str());
}

std::vector<std::string> searchGrams(const std::vector<std::string>& foldedTexts)
{
    std::set<std::string> grams;
    for (const auto& text : foldedTexts) {
        auto cps = codePoints(text);
        for (std::size_t n = 1; n <= 3; ++n)
            for (std::size_t i = 0; i + n <= cps.size(); ++i)
                grams.insert(joined(cps, i, n));
    }
    return {grams.begin(), grams.end()};
}

std::vector<std::string> queryGrams(const std::string& foldedQuery)
{
    auto cps = codePoints(foldedQuery);
    if (cps.size() <= 3)
        return {foldedQuery};
    std::set<std::string> grams;
    for (std::size_t i = 0; i + 3 <= cps.size(); ++i)
        grams.insert(joined(cps, i, 3));
    return {grams.begin(), grams.end()};
}

Case caseFromPgRow(const pqxx::row& row)
{
    Case c;
    c.id = row[0].as<CaseId>();
    c.receptionNumber = row[1].as<std::string>();
    c.procedure = parseProcedure(row[2].as<std::string>());
    c.status = parseStatus(row[3].as<std::string>());
    c.window = row[4].as<std::string>();
    c.clerk = row[5].as<std::string>();
    c.createdAt = row[6].as<std::string>();
    c.updatedAt = row[7].as<std::string>();
    c.version = row[8].as<std::int64_t>();
    c.resident.name = row[9].as<std::string>();
    c.resident.kana = row[10].as<std::string>();
    c.resident.birth = boost::gregorian::from_simple_string(row[11].as<std::string>());
    c.resident.sex = parseSex(row[12].as<std::string>());
    c.resident.address = row[13].as<std::string>();
    c.resident.foreignResident = row[14].as<bool>();
    c.resident.stayUntil = optionalDate(row[15]);
    c.resident.movedIn = optionalDate(row[16]);
    c.applicant.type = parseApplicant(row[17].as<std::string>());
    c.applicant.proxyName = row[18].as<std::string>();
    c.applicant.proxyRelation = row[19].as<std::string>();
    c.feeYen = row[20].as<int>();
    c.notes = row[21].as<std::string>();
    c.call = callStateOf(optionalText(row[22]), optionalText(row[23]), optionalText(row[24]));
    if (!row[25].is_null())
        c.booking = CaseBooking{row[25].as<std::int64_t>(), row[26].as<std::string>()};
    return c;
}

CaseSummary summaryFromPgRow(const pqxx::row& row)
{
    CaseSummary s;
    s.id = row[0].as<CaseId>();
    s.receptionNumber = row[1].as<std::string>();
    s.procedure = parseProcedure(row[2].as<std::string>());
    s.status = parseStatus(row[3].as<std::string>());
    s.name = row[4].as<std::string>();
    s.kana = row[5].as<std::string>();
    s.birth = boost::gregorian::from_simple_string(row[6].as<std::string>());
    s.window = row[7].as<std::string>();
    s.clerk = row[8].as<std::string>();
    s.createdAt = row[9].as<std::string>();
    s.updatedAt = row[10].as<std::string>();
    s.version = row[11].as<std::int64_t>();
    s.procedures = row[12].is_null() ? std::vector<ProcedureLine>{{s.procedure, s.status}}
                                     : linesFromListText(row[12].as<std::string>());
    if (!row[13].is_null())
        s.booking = CaseBooking{row[13].as<std::int64_t>(), row[14].as<std::string>()};
    if (s.procedures.empty())
        throw StorageError(StorageError::Kind::Corrupt, "case " + std::to_string(s.id) + " has no procedure line");
    return s;
}

PostgresCaseStore::PostgresCaseStore(const std::string& url, const StoreOptions& options)
    : options_(options), session_(url,
                                  [](pqxx::connection& c) {
                                      migratePostgres(c);
                                      refoldPostgresSearchTexts(c);
                                      prepareStatements(c);
                                  }),
      logInAsUser_(namesNoUser(url))
{
    if (!logInAsUser_)
        session_.connection(); // fail now, at opening, when the server cannot be reached
}

PostgresCaseStore::~PostgresCaseStore() = default;

std::string PostgresCaseStore::describe() const
{
    return PostgresSession::redacted(session_.url());
}

Case PostgresCaseStore::add(const CaseDraft& draft, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    Timestamp ts = now();
    validate(draft.resident, ts.localDay);
    const NewVisit visit = newVisit(draft, actor, ts.iso);
    CaseId id = session_.transact("saving the case", [&](pqxx::work& tx) {
        std::string day = toIso(ts.localDay);
        Insert in{options_.office, day, takeSequences(tx, options_.office, day, 1)};
        return insertCase(tx, draft, in, visit, options_.series, actor);
    });
    return get(id);
}

Case PostgresCaseStore::checkIn(bookings::BookingId id, const CaseDraft& visit, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    Timestamp ts = now();
    validate(visit.resident, ts.localDay);
    const NewVisit plan = newVisit(visit, actor, ts.iso);
    CaseId caseId = session_.transact("checking booking " + std::to_string(id) + " in", [&](pqxx::work& tx) {
        bookings::Booking b = lockBooking(tx, id);
        bookings::requireMayCheckIn(b, ts.localDay);
        std::string day = toIso(ts.localDay);
        Insert in{options_.office, day, takeSequences(tx, options_.office, day, 1)};
        CaseId created = insertCase(tx, visit, in, plan, options_.series, actor,
                                    CaseBooking{id, bookings::toIsoWithOffset(b.start)});
        markArrived(tx, id, created, ts.iso);
        appendAudit(tx, actor, audit_actions::kBookingCheckIn, created, bookingAuditDetail(id), ts.iso);
        return created;
    });
    return get(caseId);
}

std::vector<CaseId> PostgresCaseStore::importCases(const std::vector<ImportedCase>& cases, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    std::map<std::string, int> perDay;
    std::vector<NewVisit> visits;
    visits.reserve(cases.size());
    for (const auto& c : cases) {
        if (c.receivedAt.size() < 10)
            throw ValidationError("received-at: \"" + c.receivedAt + "\" is not an ISO timestamp");
        auto day = parseIsoDate(c.receivedAt.substr(0, 10), "received-at");
        validate(c.draft.resident, day);
        visits.push_back(importedVisit(c, actor));
        ++perDay[c.receivedAt.substr(0, 10)];
    }
    return session_.transact("importing cases", [&](pqxx::work& tx) {
        // One announcement for the whole import instead of one per case (see the trigger).
        tx.exec("SET LOCAL madoguchi.quiet = 'on'");
        std::map<std::string, int> next;
        for (const auto& [day, count] : perDay)
            next[day] = takeSequences(tx, options_.office, day, count);
        // Ids taken up front, rows sent with COPY: one round trip per table instead of one per
        // case (a million cases load in minutes, not hours).
        std::vector<CaseId> ids;
        ids.reserve(cases.size());
        for (const auto& row : tx.exec_params("SELECT nextval(pg_get_serial_sequence('cases', 'id'))"
                                              " FROM generate_series(1, $1) ORDER BY 1",
                                              static_cast<std::int64_t>(cases.size())))
            ids.push_back(row[0].as<CaseId>());
        {
            pqxx::stream_to out(tx, "cases",
                                std::vector<std::string>{"id",
                                                         "office",
                                                         "day",
                                                         "seq",
                                                         "reception_number",
                                                         "procedure",
                                                         "status",
                                                         "\"window\"",
                                                         "clerk",
                                                         "created_at",
                                                         "updated_at",
                                                         "name",
                                                         "kana",
                                                         "name_folded",
                                                         "kana_folded",
                                                         "grams",
                                                         "birth",
                                                         "sex",
                                                         "address",
                                                         "foreign_resident",
                                                         "stay_until",
                                                         "moved_in",
                                                         "applicant",
                                                         "proxy_name",
                                                         "proxy_relation",
                                                         "fee_yen",
                                                         "notes",
                                                         "procedure_count"});
            for (std::size_t i = 0; i < cases.size(); ++i) {
                const CaseDraft& d = cases[i].draft;
                const Resident& res = d.resident;
                std::string day = cases[i].receivedAt.substr(0, 10);
                int seq = next[day]++;
                const CaseRowTexts row = caseRowTexts(res);
                out << std::make_tuple(
                    ids[i], options_.office, day, seq, formatReceptionNumber(options_.series, seq),
                    info(visits[i].lines.front().procedure).id.data(), statusId(visits[i].status).data(), d.window,
                    d.clerk.empty() ? actor.user : d.clerk, cases[i].receivedAt, cases[i].receivedAt, row.name,
                    row.kana, row.nameFolded, row.kanaFolded,
                    textArrayLiteral(searchGrams({row.nameFolded, row.kanaFolded})), row.birth,
                    std::string(sexId(res.sex)), res.address, res.foreignResident, nullable(row.stayUntil),
                    nullable(row.movedIn), std::string(applicantId(d.applicant.type)), d.applicant.proxyName,
                    d.applicant.proxyRelation, d.feeYen, d.notes, static_cast<int>(visits[i].lines.size()));
            }
            out.complete();
        }
        {
            pqxx::stream_to out(tx, "case_procedures",
                                std::vector<std::string>{"case_id", "position", "procedure", "status", "mailed_on"});
            for (std::size_t i = 0; i < cases.size(); ++i)
                for (std::size_t position = 0; position < visits[i].lines.size(); ++position) {
                    const ProcedureLine& l = visits[i].lines[position];
                    const std::optional<std::string> mailed = isoOrNone(l.mailedOn);
                    out << std::make_tuple(ids[i], static_cast<int>(position), info(l.procedure).id.data(),
                                           statusId(l.status).data(), nullable(mailed));
                }
            out.complete();
        }
        {
            // The visit's reception: no procedure, kind "status" (db/case_rules.hpp).
            pqxx::stream_to out(tx, "case_history",
                                std::vector<std::string>{"case_id", "at", "actor", "to_status", "reason", "kind"});
            for (std::size_t i = 0; i < cases.size(); ++i) {
                const HistoryEntry& h = visits[i].received;
                out << std::make_tuple(ids[i], h.at, h.actor, statusId(h.to).data(), h.reason,
                                       historyKindId(h.kind).data());
            }
            out.complete();
        }
        {
            pqxx::stream_to out(tx, "case_documents",
                                std::vector<std::string>{"case_id", "position", "document", "checked"});
            for (std::size_t i = 0; i < cases.size(); ++i) {
                int position = 0;
                for (const auto& doc : cases[i].draft.documents)
                    out << std::make_tuple(ids[i], position++, doc.document, doc.checked);
            }
            out.complete();
        }
        std::vector<AuditEntry> audit(cases.size());
        for (std::size_t i = 0; i < cases.size(); ++i)
            audit[i] = {0,
                        cases[i].receivedAt,
                        actor.user,
                        std::string(roleId(actor.role)),
                        audit_actions::kImport,
                        ids[i],
                        visits[i].auditDetail,
                        "",
                        ""};
        appendAudit(tx, std::move(audit));
        if (!ids.empty())
            tx.exec("SELECT pg_notify('madoguchi_cases', '0 many')");
        return ids;
    });
}

std::optional<Case> PostgresCaseStore::find(CaseId id)
{
    return session_.transact("reading case " + std::to_string(id), [&](pqxx::work& tx) -> std::optional<Case> {
        auto r = tx.exec_prepared("select_case", id);
        if (r.empty())
            return std::nullopt;
        Case c = caseFromPgRow(r[0]);
        c.procedures = readLines(tx, id);
        c.procedure = c.procedures.front().procedure;
        c.status = visitStatus(c.procedures);
        for (const auto& row : tx.exec_prepared("select_documents", id))
            c.documents.push_back({row[0].as<std::string>(), row[1].as<bool>()});
        for (const auto& row : tx.exec_prepared("select_history", id)) {
            HistoryEntry e;
            e.at = row[0].as<std::string>();
            e.actor = row[1].as<std::string>();
            if (!row[2].is_null())
                e.from = parseStatus(row[2].as<std::string>());
            e.to = parseStatus(row[3].as<std::string>());
            e.reason = row[4].as<std::string>();
            if (!row[5].is_null())
                e.procedure = parseProcedure(row[5].as<std::string>());
            e.kind = parseHistoryKind(row[6].as<std::string>());
            if (!row[7].is_null())
                e.window = row[7].as<std::string>();
            c.history.push_back(std::move(e));
        }
        return c;
    });
}

Case PostgresCaseStore::changeStatus(CaseId id, const StatusChange& change, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    session_.transact("changing the status of case " + std::to_string(id), [&](pqxx::work& tx) {
        StoredVisit v = lockVisit(tx, id);
        Timestamp ts = now();
        writeChange(tx, v, planStatusChange(v, change, actor, ts.iso), actor, ts.iso);
    });
    return get(id);
}

Case PostgresCaseStore::reopen(CaseId id, const std::string& reason, const Actor& actor,
                               std::optional<Procedure> procedure)
{
    requireMayReopen(actor);
    session_.transact("reopening case " + std::to_string(id), [&](pqxx::work& tx) {
        StoredVisit v = lockVisit(tx, id);
        Timestamp ts = now();
        writeChange(tx, v, planReopen(v, reason, procedure, actor, ts.iso), actor, ts.iso);
    });
    return get(id);
}

Case PostgresCaseStore::update(const Case& edited, const Actor& actor)
{
    requireMayWorkOnCases(actor);
    Timestamp ts = now();
    validate(edited.resident, ts.localDay);
    session_.transact("saving case " + std::to_string(edited.id), [&](pqxx::work& tx) {
        StoredVisit v = lockVisit(tx, edited.id);
        VisitChange change = planEdit(v, edited, actor, ts.iso);
        const Resident& res = edited.resident;
        const CaseRowTexts row = caseRowTexts(res);
        // The version, time and status are written with the change below.
        tx.exec_params0("UPDATE cases SET \"window\" = $1, name = $2, kana = $3, name_folded = $4, kana_folded = $5,"
                        " grams = $6, birth = $7, sex = $8, address = $9, foreign_resident = $10, stay_until = $11,"
                        " moved_in = $12, applicant = $13, proxy_name = $14, proxy_relation = $15, fee_yen = $16,"
                        " notes = $17 WHERE id = $18",
                        edited.window, row.name, row.kana, row.nameFolded, row.kanaFolded,
                        textArrayLiteral(searchGrams({row.nameFolded, row.kanaFolded})), row.birth,
                        std::string(sexId(res.sex)), res.address, res.foreignResident, nullable(row.stayUntil),
                        nullable(row.movedIn), std::string(applicantId(edited.applicant.type)),
                        edited.applicant.proxyName, edited.applicant.proxyRelation, edited.feeYen, edited.notes,
                        edited.id);
        tx.exec_prepared0("delete_documents", edited.id);
        int position = 0;
        for (const auto& d : edited.documents)
            tx.exec_prepared0("insert_document", edited.id, position++, d.document, d.checked);
        writeChange(tx, v, change, actor, ts.iso);
    });
    return get(edited.id);
}

IntegrityReport PostgresCaseStore::check()
{
    IntegrityReport report;
    session_.transact("checking the database", [&](pqxx::work& tx) {
        // The search pieces must be those of the folded texts (a row written by another tool
        // behind the store's back would be invisible to search).
        auto badGrams = tx.exec1("SELECT count(*) FROM (SELECT grams, madoguchi_search_grams(name_folded) ||"
                                 " madoguchi_search_grams(kana_folded) AS g FROM cases) s"
                                 " WHERE NOT (grams @> g AND grams <@ g)")[0]
                            .as<std::int64_t>();
        if (badGrams)
            report.problems.push_back("search index: " + std::to_string(badGrams) +
                                      " cases have search pieces that do not match their name and kana");
        auto counters = tx.exec1("SELECT count(*) FROM cases c LEFT JOIN day_counters d USING (office, day)"
                                 " WHERE d.last_seq IS NULL OR c.seq > d.last_seq");
        if (auto n = counters[0].as<std::int64_t>())
            report.problems.push_back("reception numbers: " + std::to_string(n) +
                                      " cases have a number above their day's counter");
        auto orphans = tx.exec1("SELECT count(*) FROM cases c WHERE NOT EXISTS"
                                " (SELECT 1 FROM case_history h WHERE h.case_id = c.id)");
        if (auto n = orphans[0].as<std::int64_t>())
            report.problems.push_back("history: " + std::to_string(n) + " cases have no history entry");
        VisitRowCheck visits;
        for (const auto& row : tx.exec(std::string("SELECT c.procedure, c.status, c.procedure_count, ") +
                                       kPgAllLinesColumn + " FROM cases c"))
            visits.add({parseProcedure(row[0].as<std::string>()), parseStatus(row[1].as<std::string>()),
                        row[2].as<std::size_t>()},
                       linesFromListText(row[3].as<std::string>()));
        for (auto& p : visits.problems())
            report.problems.push_back(std::move(p));
        report.caseCount = tx.exec1("SELECT count(*) FROM cases")[0].as<std::int64_t>();
        report.schemaVersion = tx.exec1("SELECT version FROM schema_version")[0].as<int>();
    });
    report.ok = report.problems.empty();
    return report;
}

} // namespace madoguchi::db
