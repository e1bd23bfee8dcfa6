#include "db/case_rules.hpp"

#include "core/cases/case_texts.hpp"
#include "core/cases/lifecycle.hpp"
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"

#include <algorithm>

namespace madoguchi::db {

namespace {

std::string procedureId(Procedure p)
{
    return std::string(info(p).id);
}

std::string procedureIds(const std::vector<ProcedureLine>& lines, const char* separator)
{
    std::string out;
    for (const auto& l : lines)
        out += (out.empty() ? "" : separator) + procedureId(l.procedure);
    return out;
}

// A lifecycle check of one line; on a visit of several lines the refusal names the line.
template <typename Check> void checkLine(const StoredVisit& v, Procedure p, Check&& check)
{
    try {
        check();
    } catch (const RuleViolation& e) {
        if (v.lines.size() == 1)
            throw;
        throw RuleViolation(procedureId(p) + ": " + e.what());
    }
}

void requireVersion(const StoredVisit& v, std::optional<std::int64_t> expected, const char* more)
{
    if (expected && *expected != v.version)
        throw ConflictError("case " + std::to_string(v.id) + " was changed by someone else in the meantime" + more);
}

std::size_t positionOf(const StoredVisit& v, Procedure p)
{
    for (std::size_t i = 0; i < v.lines.size(); ++i)
        if (v.lines[i].procedure == p)
            return i;
    throw NotFound("case " + std::to_string(v.id) + " has no procedure " + procedureId(p) + " (it has " +
                   procedureIds(v.lines, ", ") + ")");
}

// The visit's status before → after, and for a visit of several lines each line moved:
// "received→in-progress pin-reset:received→in-progress". Ids only: no personal data.
std::string statusDetail(const StoredVisit& v, const VisitChange& c)
{
    std::string detail = std::string(statusId(visitStatus(v.lines))) + "→" + std::string(statusId(c.status));
    if (v.lines.size() > 1)
        for (const auto& m : c.moved)
            detail += " " + procedureId(v.lines[m.position].procedure) + ":" +
                      std::string(statusId(v.lines[m.position].status)) + "→" + std::string(statusId(m.to));
    return detail;
}

CaseStatus statusAfter(const StoredVisit& v, const VisitChange& c)
{
    std::vector<ProcedureLine> lines = v.lines;
    for (const auto& m : c.moved)
        lines[m.position].status = m.to;
    lines.insert(lines.end(), c.added.begin(), c.added.end());
    return visitStatus(lines);
}

NewVisit visitOf(std::vector<ProcedureLine> lines, const Actor& actor, const std::string& at)
{
    NewVisit v;
    v.lines = std::move(lines);
    v.status = visitStatus(v.lines);
    v.received = {at, actor.user, std::nullopt, v.status, "", std::nullopt, HistoryKind::StatusChange};
    v.auditDetail = std::string(statusId(v.status));
    if (v.lines.size() > 1)
        v.auditDetail += " " + procedureIds(v.lines, "+");
    return v;
}

} // namespace

void requireMayWorkOnCases(const Actor& actor)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
}

void requireMayReopen(const Actor& actor)
{
    requirePermission(actor.user, actor.role, Permission::ReopenCase);
}

void throwNoSuchCase(CaseId id)
{
    throw NotFound("no case with id " + std::to_string(id));
}

NewVisit newVisit(const CaseDraft& draft, const Actor& actor, const std::string& at)
{
    checkCaseTexts(draft);
    std::vector<ProcedureLine> lines = linesOf(draft);
    for (auto& l : lines)
        l.status = CaseStatus::Received;
    return visitOf(std::move(lines), actor, at);
}

NewVisit importedVisit(const ImportedCase& c, const Actor& actor)
{
    checkCaseTexts(c.draft);
    std::vector<ProcedureLine> lines = linesOf(c.draft);
    if (c.draft.procedures.empty())
        lines.front().status = c.status;
    return visitOf(std::move(lines), actor, c.receivedAt);
}

VisitChange planStatusChange(const StoredVisit& v, const StatusChange& change, const Actor& actor,
                             const std::string& at)
{
    checkReasonText(change.reason);
    requireVersion(v, change.expectedVersion, "");
    // The mailing day is judged against the visit's reception day and today (lifecycle.hpp).
    auto nowAt = readTimestamp(at);
    auto received = readTimestamp(v.createdAt);
    const boost::gregorian::date today = nowAt ? nowAt->localDay : now().localDay;
    // Unknown reception (never so in a stored case): no lower bound.
    const boost::gregorian::date receivedOn =
        received ? received->localDay : boost::gregorian::date(boost::gregorian::min_date_time);
    auto check = [&](CaseStatus from) {
        checkTransition(from, change.to, change.reason, change.mailedOn, receivedOn, today);
    };
    VisitChange c;
    if (change.procedure) {
        std::size_t i = positionOf(v, *change.procedure);
        checkLine(v, *change.procedure, [&] { check(v.lines[i].status); });
        c.moved.push_back({i, change.to});
    } else if (v.lines.size() == 1) {
        check(v.lines.front().status);
        c.moved.push_back({0, change.to});
    } else {
        for (std::size_t i = 0; i < v.lines.size(); ++i) {
            const ProcedureLine& l = v.lines[i];
            if (isClosed(l.status) || l.status == change.to)
                continue;
            checkLine(v, l.procedure, [&] { check(l.status); });
            c.moved.push_back({i, change.to});
        }
        // Nothing to move: every open line is already there, or the visit is closed. Said as for
        // one line.
        if (c.moved.empty()) {
            CaseStatus now = visitStatus(v.lines);
            checkTransition(isClosed(now) ? now : change.to, change.to, change.reason);
        }
    }
    // A move to 照会書回答待ち stores the mailing day on the line and says it in the history.
    const std::string reason = change.mailedOn && statusNeedsMailingDay(change.to)
                                   ? mailingReason(*change.mailedOn, change.reason)
                                   : change.reason;
    for (auto& m : c.moved) {
        if (statusNeedsMailingDay(m.to))
            m.mailedOn = change.mailedOn;
        c.history.push_back({at, actor.user, v.lines[m.position].status, m.to, reason, v.lines[m.position].procedure,
                             HistoryKind::StatusChange});
    }
    c.status = statusAfter(v, c);
    c.auditAction = audit_actions::kStatus;
    c.auditDetail = statusDetail(v, c);
    return c;
}

VisitChange planReopen(const StoredVisit& v, const std::string& reason, std::optional<Procedure> procedure,
                       const Actor& actor, const std::string& at)
{
    checkReasonText(reason);
    if (!procedure && v.lines.size() > 1)
        throw ValidationError("case " + std::to_string(v.id) + " has several procedures (" +
                              procedureIds(v.lines, ", ") + "): name the one to reopen");
    std::size_t i = procedure ? positionOf(v, *procedure) : 0;
    const ProcedureLine& l = v.lines[i];
    checkLine(v, l.procedure, [&] { checkReopen(l.status, reason); });
    VisitChange c;
    c.moved.push_back({i, reopenedStatus()});
    // The word stays in the reason, as it always has: a reader of the history sees it as such.
    c.history.push_back(
        {at, actor.user, l.status, reopenedStatus(), "再開: " + reason, l.procedure, HistoryKind::Reopen});
    c.status = statusAfter(v, c);
    c.auditAction = audit_actions::kReopen;
    c.auditDetail = statusDetail(v, c);
    return c;
}

VisitChange planEdit(const StoredVisit& v, const Case& edited, const Actor& actor, const std::string& at)
{
    checkCaseTexts(edited);
    requireVersion(v, edited.version, "; your edits are kept, reload to merge");
    CaseStatus before = visitStatus(v.lines);
    if (isClosed(before))
        throw RuleViolation("the case is closed; reopen it before editing");
    VisitChange c;
    if (!edited.procedures.empty() || edited.procedure != v.lines.front().procedure) {
        std::vector<ProcedureLine> lines = linesOf(edited);
        bool kept = lines.size() >= v.lines.size();
        for (std::size_t i = 0; kept && i < v.lines.size(); ++i)
            kept = lines[i].procedure == v.lines[i].procedure;
        if (!kept)
            throw RuleViolation("the procedures of case " + std::to_string(v.id) + " (" + procedureIds(v.lines, ", ") +
                                ") stay as taken: add another, or withdraw one with a reason");
        for (std::size_t i = v.lines.size(); i < lines.size(); ++i)
            c.added.push_back({lines[i].procedure, CaseStatus::Received});
    }
    c.history.push_back({at, actor.user, before, before, "編集", std::nullopt, HistoryKind::Edit});
    for (const auto& l : c.added)
        c.history.push_back({at, actor.user, std::nullopt, l.status, "", l.procedure, HistoryKind::StatusChange});
    c.status = statusAfter(v, c);
    c.auditAction = audit_actions::kEdit;
    c.auditDetail = "version " + std::to_string(edited.version + 1);
    for (const auto& l : c.added)
        c.auditDetail += " +" + procedureId(l.procedure);
    return c;
}

void VisitRowCheck::add(const Stored& stored, const std::vector<ProcedureLine>& lines)
{
    if (lines.empty()) {
        ++noLines_;
        return;
    }
    wrongFirst_ += lines.front().procedure != stored.first;
    wrongStatus_ += visitStatus(lines) != stored.status;
    wrongCount_ += lines.size() != stored.count;
}

std::vector<std::string> VisitRowCheck::problems() const
{
    std::vector<std::string> out;
    if (noLines_)
        out.push_back("procedure lines: " + std::to_string(noLines_) + " cases have none");
    if (wrongFirst_)
        out.push_back("procedure lines: " + std::to_string(wrongFirst_) +
                      " cases name another first procedure than their lines");
    if (wrongStatus_)
        out.push_back("procedure lines: " + std::to_string(wrongStatus_) +
                      " cases have a status that is not the one their lines give");
    if (wrongCount_)
        out.push_back("procedure lines: " + std::to_string(wrongCount_) +
                      " cases count another number of lines than they have");
    return out;
}

} // namespace madoguchi::db
