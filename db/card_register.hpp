#pragma once
// The issued-card register (core/register/issued_card.hpp) in the case book: pseudonymous records
// of the cards the office handed over, for the renewal forecast. Both backends keep it beside the
// cases, in the same transactions as their audit entries.
#include "core/register/issued_card.hpp"
#include "db/case_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace madoguchi::db {

struct RegisterPutResult {
    std::int64_t added = 0;     // records the register did not have
    std::int64_t updated = 0;   // records it had with other dates (replaced)
    std::int64_t unchanged = 0; // records it had exactly so
};

class CardRegister {
public:
    virtual ~CardRegister() = default;

    // Adds or replaces the records, all in one transaction (all or none), with one audit entry
    // (`action`: audit_actions::kRegisterImport or kRegisterFromCases; the counts as detail).
    // Each record is validated first. Supervisor or admin (AccessDenied otherwise).
    virtual RegisterPutResult putIssuedCards(const std::vector<IssuedCard>& cards, const std::string& action,
                                             const Actor& by) = 0;
    // Every record, ordered by record id; audited (kRegisterRead, `why` as detail: "forecast").
    // Supervisor or admin.
    virtual std::vector<IssuedCard> issuedCards(const Actor& by, const std::string& why) = 0;
    // The records with these ids (those present), unaudited and for the store's own bookkeeping:
    // the sync from cases reads the records it is about to change.
    virtual std::vector<IssuedCard> issuedCardsById(const std::vector<std::string>& ids) = 0;
    virtual std::int64_t issuedCardCount() = 0;
};

// What the register learned from the finished cases (db/register_from_cases.cpp).
struct RegisterSyncResult {
    RegisterPutResult put;
    std::int64_t casesRead = 0;
    std::int64_t skipped = 0; // lines the register cannot use (cards_from_cases.hpp)
};

// Reads the finished card receipts, reissues, renewals, certificate renewals, card-info changes
// and stay extensions of the case book and brings the register in step (idempotent: a second run
// finds everything unchanged). Supervisor or admin.
RegisterSyncResult syncRegisterFromCases(CaseStore& store, CardRegister& reg, const Actor& by);

} // namespace madoguchi::db
