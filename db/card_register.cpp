// What both backends' registers share: who may keep it, what an import's audit entry says, and the
// sync from the finished cases (which needs only the CaseStore and CardRegister interfaces).
#include "db/card_register.hpp"

#include "core/register/cards_from_cases.hpp"
#include "core/security/audit_chain.hpp"
#include "core/security/roles.hpp"
#include "db/register_rules.hpp"

#include <limits>
#include <set>

namespace madoguchi::db {

void requireMayKeepRegister(const Actor& actor)
{
    // The register feeds supervisors' planning (ViewReports): a clerk neither imports nor reads it.
    requirePermission(actor.user, actor.role, Permission::ViewReports);
}

std::string registerPutDetail(const RegisterPutResult& r)
{
    return "added " + std::to_string(r.added) + ", updated " + std::to_string(r.updated) + ", unchanged " +
           std::to_string(r.unchanged);
}

RegisterSyncResult syncRegisterFromCases(CaseStore& store, CardRegister& reg, const Actor& by)
{
    requireMayKeepRegister(by);
    std::set<CaseId> ids;
    for (const auto& p : allProcedures()) {
        if (!feedsRegister(p.procedure))
            continue;
        CaseQuery q;
        q.status = CaseStatus::Done;
        q.procedure = p.procedure;
        q.limit = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max()); // every one
        for (const auto& row : store.search(q))
            ids.insert(row.id);
    }
    std::vector<Case> cases;
    cases.reserve(ids.size());
    std::set<std::string> recordIds;
    for (CaseId id : ids)
        if (auto c = store.find(id)) {
            recordIds.insert(caseRecordId(c->resident));
            cases.push_back(std::move(*c));
        }
    std::map<std::string, IssuedCard> known;
    for (auto& card : reg.issuedCardsById({recordIds.begin(), recordIds.end()}))
        known.emplace(card.recordId, card);
    CaseCardUpdates updates = cardsFromCases(cases, known);
    RegisterSyncResult result;
    result.casesRead = static_cast<std::int64_t>(cases.size());
    result.skipped = static_cast<std::int64_t>(updates.skipped);
    result.put = reg.putIssuedCards(updates.cards, audit_actions::kRegisterFromCases, by);
    return result;
}

} // namespace madoguchi::db
