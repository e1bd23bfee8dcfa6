#pragma once
// The register as the counter's own finished cases tell it: a card handed over (card receipt,
// reissue, renewal) makes or replaces the resident's record; a certificate renewal gives it a new
// certificate day; a card-info change or stay extension brings the new period of stay.
#include "core/cases/case.hpp"
#include "core/register/issued_card.hpp"

#include <map>
#include <string>
#include <vector>

namespace madoguchi {

// The record id of a resident's card among the cases: "case-" and 16 hex digits of a BLAKE2b hash
// of the folded name, the folded kana and the birth date. The register keeps no name; the same
// resident's later cases find the same record (a change of name starts a new one).
std::string caseRecordId(const Resident& resident);

// The procedures whose completion the register learns from.
bool feedsRegister(Procedure p);

struct CaseCardUpdates {
    std::vector<IssuedCard> cards; // the records the cases made or changed, each once
    std::size_t skipped = 0;       // lines the register cannot use (a certificate renewal of a card
                                   // it does not know, dates the engine refuses)
};

// Applies the finished lines of `cases` in the order they were finished to `known` (the register's
// records of those residents; others may be there too). The day a line was finished (its history)
// stands for the 発行日 of a card handed over — the card itself was made some days before, so a
// birthday in between moves its expiry by a year: docs/supervisor-guide.md says so — and is the
// certificates' issue day for a certificate renewal, which happens at the counter.
CaseCardUpdates cardsFromCases(const std::vector<Case>& cases, std::map<std::string, IssuedCard> known);

} // namespace madoguchi
