#pragma once
// What both backends decide the same way about a visit and its procedure lines, apart from how
// they store it: who may change it, which lines a status change or a reopening moves, what an
// edit may do, the history and audit entries each writes and the messages a refusal gives. One
// place, so that SQLite and PostgreSQL cannot drift apart (as db/user_rules.hpp for users).
//
// The rules, as the stores apply them (and the console and the window rely on):
//   - A status change names a line (StatusChange::procedure) and moves that line by the
//     lifecycle's table (core/cases/lifecycle.hpp). Without a line it is asked of the whole
//     visit: every open line not yet at the new status moves to it, and each of them must be
//     allowed to; if one is not, nothing changes and the refusal names that line. Lines already
//     there, or closed, stay. A visit of one line behaves, and words its refusals, as a case did
//     before visits had several procedures.
//   - Reopening moves one closed line back to 対応中 (supervisors, with a reason). A visit of
//     several procedures must name the line: reopening is about one thing that went wrong.
//   - An edit saves the visit's fields and may append procedure lines (at 受付), never remove a
//     line or change its procedure: a line taken by mistake is withdrawn (取下げ) with a reason,
//     so the history stays whole. A closed visit (every line closed) is reopened before an edit.
//   - Every change compares the visit's version (one per visit, bumped by any change to it or
//     its lines): a stale copy is a ConflictError and nothing is written.
//   - History: the visit's reception is one entry without a procedure; each line moved, reopened
//     or added is an entry naming its procedure; an edit is one entry without a procedure.
#include "db/case_store.hpp"

#include <string>
#include <vector>

namespace madoguchi::db {

// Before anything is read: the actor's role allows the change (AccessDenied otherwise).
void requireMayWorkOnCases(const Actor& actor);
void requireMayReopen(const Actor& actor);

[[noreturn]] void throwNoSuchCase(CaseId id);

// What a new or imported visit is written with.
struct NewVisit {
    std::vector<ProcedureLine> lines;
    CaseStatus status;       // visitStatus(lines): what `cases.status` holds
    HistoryEntry received;   // the first history entry: the visit's, without a procedure
    std::string auditDetail; // "received"; with the procedures for several: "received pin-reset+cert-renewal"
};
// A visit taken at the counter now: every line at 受付. ValidationError for a procedure named
// twice or a `procedure` that is not the first line.
NewVisit newVisit(const CaseDraft& draft, const Actor& actor, const std::string& at);
// An imported visit: its lines at the statuses given (ImportedCase::status for a one-procedure
// draft), received at c.receivedAt.
NewVisit importedVisit(const ImportedCase& c, const Actor& actor);

// The visit as stored, read by the store inside its write transaction (the row locked).
struct StoredVisit {
    CaseId id = 0;
    std::int64_t version = 0;
    std::vector<ProcedureLine> lines; // in line order
    std::string createdAt{};          // ISO: when it was received (a mailing day is not before it)
};

// What a change to a stored visit writes, all in the caller's transaction.
struct VisitChange {
    struct Move {
        std::size_t position; // index into StoredVisit::lines
        CaseStatus to;
        // The inquiry letter's mailing day, written with a move to 照会書回答待ち; none: the line's
        // stored day stays as it is.
        std::optional<boost::gregorian::date> mailedOn{};
    };
    std::vector<Move> moved;           // lines whose status changes
    std::vector<ProcedureLine> added;  // lines appended by an edit, at positions lines.size(), …
    CaseStatus status;                 // the visit's status afterwards (`cases.status`)
    std::vector<HistoryEntry> history; // to append, in order
    std::string auditAction, auditDetail;
};

// Throws ConflictError (stale version), NotFound (no such line), RuleViolation (the lifecycle
// refuses, a reason is missing) or ValidationError (a reopening that names no line of several).
VisitChange planStatusChange(const StoredVisit& stored, const StatusChange& change, const Actor& actor,
                             const std::string& at);
VisitChange planReopen(const StoredVisit& stored, const std::string& reason, std::optional<Procedure> procedure,
                       const Actor& actor, const std::string& at);
// `edited.version` is compared with the stored one.
VisitChange planEdit(const StoredVisit& stored, const Case& edited, const Actor& actor, const std::string& at);

// For `db check`: counts the visits whose stored first procedure, status or number of lines
// (`cases.procedure`, `cases.status`, `cases.procedure_count`) is not what their lines say. Fed one
// visit at a time.
class VisitRowCheck {
public:
    struct Stored {
        Procedure first;
        CaseStatus status;
        std::size_t count;
    };
    void add(const Stored& stored, const std::vector<ProcedureLine>& lines);
    // The problems found, worded for the check's report (empty: none).
    std::vector<std::string> problems() const;

private:
    std::int64_t noLines_ = 0, wrongFirst_ = 0, wrongStatus_ = 0, wrongCount_ = 0;
};

} // namespace madoguchi::db
