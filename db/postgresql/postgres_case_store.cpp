#include "db/postgresql/postgres_case_store.hpp"

#include "core/cases/lifecycle.hpp"
#include "core/cases/reception_number.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "db/case_row_texts.hpp"
#include "db/postgresql/postgres_case_rows.hpp"

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
              " foreign_resident, stay_until, moved_in, applicant, proxy_name, proxy_relation, fee_yen, notes)"
              " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,"
              " $20, $21, $22, $23, $24, $25) RETURNING id");
    c.prepare("insert_document",
              "INSERT INTO case_documents (case_id, position, document, checked) VALUES ($1, $2, $3, $4)");
    c.prepare("delete_documents", "DELETE FROM case_documents WHERE case_id = $1");
    c.prepare("insert_history", "INSERT INTO case_history (case_id, at, actor, from_status, to_status, reason)"
                                " VALUES ($1, $2, $3, $4, $5, $6)");
    c.prepare("select_case", std::string("SELECT ") + kPgCaseColumns + " FROM cases WHERE id = $1");
    c.prepare("select_documents", "SELECT document, checked FROM case_documents WHERE case_id = $1 ORDER BY position");
    c.prepare("select_history", "SELECT at, actor, from_status, to_status, reason FROM case_history"
                                " WHERE case_id = $1 ORDER BY id");
    // FOR UPDATE: the row stays locked until commit, so the version compared is the version
    // replaced — no other window's save can slip in between (no lost update).
    c.prepare("lock_case", "SELECT status, version FROM cases WHERE id = $1 FOR UPDATE");
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
    std::string office, day, at;
    CaseStatus status;
    int seq;
};

CaseId insertCase(pqxx::work& tx, const CaseDraft& draft, const Insert& in, const std::string& series,
                  const Actor& actor)
{
    const Resident& res = draft.resident;
    const CaseRowTexts row = caseRowTexts(res);
    auto r =
        tx.exec_prepared1("insert_case", in.office, in.day, in.seq, formatReceptionNumber(series, in.seq),
                          std::string(info(draft.procedure).id), std::string(statusId(in.status)), draft.window,
                          draft.clerk.empty() ? actor.user : draft.clerk, in.at, row.name, row.kana, row.nameFolded,
                          row.kanaFolded, textArrayLiteral(searchGrams({row.nameFolded, row.kanaFolded})), row.birth,
                          std::string(sexId(res.sex)), res.address, res.foreignResident, nullable(row.stayUntil),
                          nullable(row.movedIn), std::string(applicantId(draft.applicant.type)),
                          draft.applicant.proxyName, draft.applicant.proxyRelation, draft.feeYen, draft.notes);
    CaseId id = r[0].as<CaseId>();
    int position = 0;
    for (const auto& d : draft.documents)
        tx.exec_prepared0("insert_document", id, position++, d.document, d.checked);
    tx.exec_prepared0("insert_history", id, in.at, actor.user, nullptr, std::string(statusId(in.status)), "");
    appendAudit(tx, actor, audit_actions::kCreate, id, std::string(statusId(in.status)), in.at);
    return id;
}

int takeSequences(pqxx::work& tx, const std::string& office, const std::string& day, int count)
{
    return tx.exec_prepared1("take_seq", office, day, count)[0].as<int>() - count + 1;
}

std::optional<boost::gregorian::date> optionalDate(const pqxx::field& f)
{
    if (f.is_null())
        return std::nullopt;
    return boost::gregorian::from_simple_string(f.as<std::string>());
}

} // namespace

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
    return s;
}

PostgresCaseStore::PostgresCaseStore(const std::string& url, const StoreOptions& options)
    : options_(options), session_(url, [](pqxx::connection& c) {
          migratePostgres(c);
          prepareStatements(c);
      })
{
    session_.connection(); // fail now, at opening, when the server cannot be reached
}

PostgresCaseStore::~PostgresCaseStore() = default;

std::string PostgresCaseStore::describe() const
{
    return PostgresSession::redacted(session_.url());
}

Case PostgresCaseStore::add(const CaseDraft& draft, const Actor& actor)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    Timestamp ts = now();
    validate(draft.resident, ts.localDay);
    CaseId id = session_.transact("saving the case", [&](pqxx::work& tx) {
        std::string day = toIso(ts.localDay);
        Insert in{options_.office, day, ts.iso, CaseStatus::Received, takeSequences(tx, options_.office, day, 1)};
        return insertCase(tx, draft, in, options_.series, actor);
    });
    return get(id);
}

std::vector<CaseId> PostgresCaseStore::importCases(const std::vector<ImportedCase>& cases, const Actor& actor)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    std::map<std::string, int> perDay;
    for (const auto& c : cases) {
        if (c.receivedAt.size() < 10)
            throw ValidationError("received-at: \"" + c.receivedAt + "\" is not an ISO timestamp");
        auto day = parseIsoDate(c.receivedAt.substr(0, 10), "received-at");
        validate(c.draft.resident, day);
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
            pqxx::stream_to out(
                tx, "cases",
                std::vector<std::string>{"id",         "office",   "day",        "seq",         "reception_number",
                                         "procedure",  "status",   "\"window\"", "clerk",       "created_at",
                                         "updated_at", "name",     "kana",       "name_folded", "kana_folded",
                                         "grams",      "birth",    "sex",        "address",     "foreign_resident",
                                         "stay_until", "moved_in", "applicant",  "proxy_name",  "proxy_relation",
                                         "fee_yen",    "notes"});
            for (std::size_t i = 0; i < cases.size(); ++i) {
                const CaseDraft& d = cases[i].draft;
                const Resident& res = d.resident;
                std::string day = cases[i].receivedAt.substr(0, 10);
                int seq = next[day]++;
                const CaseRowTexts row = caseRowTexts(res);
                out << std::make_tuple(ids[i], options_.office, day, seq, formatReceptionNumber(options_.series, seq),
                                       std::string(info(d.procedure).id), std::string(statusId(cases[i].status)),
                                       d.window, d.clerk.empty() ? actor.user : d.clerk, cases[i].receivedAt,
                                       cases[i].receivedAt, row.name, row.kana, row.nameFolded, row.kanaFolded,
                                       textArrayLiteral(searchGrams({row.nameFolded, row.kanaFolded})), row.birth,
                                       std::string(sexId(res.sex)), res.address, res.foreignResident,
                                       nullable(row.stayUntil), nullable(row.movedIn),
                                       std::string(applicantId(d.applicant.type)), d.applicant.proxyName,
                                       d.applicant.proxyRelation, d.feeYen, d.notes);
            }
            out.complete();
        }
        {
            pqxx::stream_to out(tx, "case_history",
                                std::vector<std::string>{"case_id", "at", "actor", "to_status", "reason"});
            for (std::size_t i = 0; i < cases.size(); ++i)
                out << std::make_tuple(ids[i], cases[i].receivedAt, actor.user, std::string(statusId(cases[i].status)),
                                       std::string());
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
                        std::string(statusId(cases[i].status)),
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
            c.history.push_back(std::move(e));
        }
        return c;
    });
}

Case PostgresCaseStore::changeStatus(CaseId id, CaseStatus to, const std::string& reason, const Actor& actor,
                                     std::optional<std::int64_t> expectedVersion)
{
    return setStatus(id, to, reason, actor, expectedVersion, false);
}

Case PostgresCaseStore::reopen(CaseId id, const std::string& reason, const Actor& actor)
{
    requirePermission(actor.user, actor.role, Permission::ReopenCase); // as the SQLite store
    return setStatus(id, CaseStatus::InProgress, reason, actor, std::nullopt, true);
}

Case PostgresCaseStore::setStatus(CaseId id, CaseStatus to, const std::string& reason, const Actor& actor,
                                  std::optional<std::int64_t> expectedVersion, bool reopening)
{
    requirePermission(actor.user, actor.role, reopening ? Permission::ReopenCase : Permission::WorkOnCases);
    session_.transact("changing the status of case " + std::to_string(id), [&](pqxx::work& tx) {
        auto cur = tx.exec_prepared("lock_case", id);
        if (cur.empty())
            throw NotFound("no case with id " + std::to_string(id));
        CaseStatus from = parseStatus(cur[0][0].as<std::string>());
        auto version = cur[0][1].as<std::int64_t>();
        if (expectedVersion && *expectedVersion != version)
            throw ConflictError("case " + std::to_string(id) + " was changed by someone else in the meantime");
        if (reopening)
            checkReopen(from, reason);
        else
            checkTransition(from, to, reason);
        Timestamp ts = now();
        tx.exec_params0("UPDATE cases SET status = $1, updated_at = $2, version = version + 1 WHERE id = $3",
                        std::string(statusId(to)), ts.iso, id);
        tx.exec_prepared0("insert_history", id, ts.iso, actor.user, std::string(statusId(from)),
                          std::string(statusId(to)), reopening ? "再開: " + reason : reason);
        // The reason stays in the case's history: free text may name people.
        appendAudit(tx, actor, reopening ? audit_actions::kReopen : audit_actions::kStatus, id,
                    std::string(statusId(from)) + "→" + std::string(statusId(to)), ts.iso);
    });
    return get(id);
}

Case PostgresCaseStore::update(const Case& edited, const Actor& actor)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    Timestamp ts = now();
    validate(edited.resident, ts.localDay);
    session_.transact("saving case " + std::to_string(edited.id), [&](pqxx::work& tx) {
        auto cur = tx.exec_prepared("lock_case", edited.id);
        if (cur.empty())
            throw NotFound("no case with id " + std::to_string(edited.id));
        if (cur[0][1].as<std::int64_t>() != edited.version)
            throw ConflictError("case " + std::to_string(edited.id) +
                                " was changed by someone else in the meantime; your edits are kept, reload to merge");
        CaseStatus status = parseStatus(cur[0][0].as<std::string>());
        if (isClosed(status))
            throw RuleViolation("the case is closed; reopen it before editing");
        const Resident& res = edited.resident;
        const CaseRowTexts row = caseRowTexts(res);
        tx.exec_params0("UPDATE cases SET procedure = $1, \"window\" = $2, name = $3, kana = $4, name_folded = $5,"
                        " kana_folded = $6, grams = $7, birth = $8, sex = $9, address = $10, foreign_resident = $11,"
                        " stay_until = $12, moved_in = $13, applicant = $14, proxy_name = $15, proxy_relation = $16,"
                        " fee_yen = $17, notes = $18, updated_at = $19, version = version + 1 WHERE id = $20",
                        std::string(info(edited.procedure).id), edited.window, row.name, row.kana, row.nameFolded,
                        row.kanaFolded, textArrayLiteral(searchGrams({row.nameFolded, row.kanaFolded})), row.birth,
                        std::string(sexId(res.sex)), res.address, res.foreignResident, nullable(row.stayUntil),
                        nullable(row.movedIn), std::string(applicantId(edited.applicant.type)),
                        edited.applicant.proxyName, edited.applicant.proxyRelation, edited.feeYen, edited.notes, ts.iso,
                        edited.id);
        tx.exec_prepared0("delete_documents", edited.id);
        int position = 0;
        for (const auto& d : edited.documents)
            tx.exec_prepared0("insert_document", edited.id, position++, d.document, d.checked);
        tx.exec_prepared0("insert_history", edited.id, ts.iso, actor.user, std::string(statusId(status)),
                          std::string(statusId(status)), "編集");
        appendAudit(tx, actor, audit_actions::kEdit, edited.id, "version " + std::to_string(edited.version + 1),
                    ts.iso);
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
        report.caseCount = tx.exec1("SELECT count(*) FROM cases")[0].as<std::int64_t>();
        report.schemaVersion = tx.exec1("SELECT version FROM schema_version")[0].as<int>();
    });
    report.ok = report.problems.empty();
    return report;
}

} // namespace madoguchi::db
