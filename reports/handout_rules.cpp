// The rules a handout prints for a visit: the rule book's answers for its procedures, merged, and
// the dates of the deadline engine.
#include "core/cases/visit.hpp"
#include "core/common/errors.hpp"
#include "core/rules/rule_book.hpp"
#include "core/rules/visit_requirements.hpp"
#include "reports/handout.hpp"

namespace madoguchi::reports {

using boost::gregorian::date;

namespace {

// A withdrawn procedure is not done at this visit: the handout is for the others.
std::vector<Procedure> handoutProcedures(const Case& c)
{
    std::vector<Procedure> out;
    for (const auto& l : linesOf(c))
        if (l.status != CaseStatus::Withdrawn)
            out.push_back(l.procedure);
    return out.empty() ? proceduresOf(c) : out;
}

} // namespace

HandoutRules handoutRulesFor(const Case& c, const rules::RuleBook& book, const date& today)
{
    HandoutRules r;
    r.procedures = handoutProcedures(c);
    auto visit = rules::visitRequirementsFor(book, r.procedures, c.applicant.type,
                                             {c.resident.birth, c.resident.foreignResident}, today);
    r.requirements = std::move(visit.merged);
    r.documentFor = std::move(visit.documentFor);
    r.refusals = std::move(visit.refusals);
    for (Procedure p : r.procedures)
        switch (p) {
        case Procedure::CardReceipt:
            r.cardHandedOver = true;
            break;
        case Procedure::Reissue:
        case Procedure::CardRenewal:
        case Procedure::ExpressReissue:
            r.newCard = r.newCerts = true;
            break;
        case Procedure::CertRenewal:
            r.newCerts = true;
            break;
        default:
            break;
        }
    for (const auto& l : linesOf(c)) {
        if (l.status != CaseStatus::AwaitingAnswer || !l.mailedOn)
            continue;
        HandoutRules::AwaitingAnswer a{l.procedure, *l.mailedOn, std::nullopt, std::nullopt, std::nullopt};
        try {
            auto answer = book.requirementsFor(l.procedure, c.applicant.type,
                                               {c.resident.birth, c.resident.foreignResident}, *l.mailedOn);
            a.answerBy = rules::answerDeadline(answer.route, *l.mailedOn);
            a.within = answer.route.answerWithin;
            a.bring = answer.route.secondVisit;
        } catch (const NotFound&) {
            // No rule that day: the handout still says the letter was mailed and to come back.
        }
        r.awaiting.push_back(std::move(a));
    }
    if (r.newCard || r.newCerts || c.resident.movedIn || c.resident.stayUntil) {
        rules::DeadlineInput in;
        in.birth = c.resident.birth;
        in.cardIssued = today; // the 発行日 taken as today: the handout says "if issued today"
        in.today = today;
        in.stayUntil = c.resident.stayUntil;
        in.movedIn = c.resident.movedIn;
        try {
            r.deadlines = rules::computeDeadlines(in);
        } catch (const ValidationError&) {
            // A period of stay already over, a move-in in the future: the engine refuses to
            // compute, and the handout prints only the dates the case itself holds.
        }
    }
    return r;
}

} // namespace madoguchi::reports
