#pragma once
// One card the office handed over, as the renewal forecast needs it: the dates the deadline engine
// takes, under a pseudonymous record id. No name, no address, no My Number: the forecast counts
// cards, it never needs to know whose they are (issue #18).
#include "core/rules/deadlines.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi {

struct IssuedCard {
    // The office's own key for the record (its earlier system's row id, or "case-…" for a card
    // Madoguchi handed over itself): 1–64 characters of A–Z a–z 0–9 . _ - :
    std::string recordId;
    boost::gregorian::date birth;
    // The card's 発行日 (rules::DeadlineInput::cardIssued).
    boost::gregorian::date cardIssued;
    std::optional<boost::gregorian::date> certIssued; // none: issued with the card
    std::optional<boost::gregorian::date> stayUntil;  // the period of stay a stay-bound card ends with
    bool faceAuth = false;                            // 顔認証マイナンバーカード: no signature certificate

    bool operator==(const IssuedCard&) const = default;
};

// Throws ValidationError (one line naming the field) for a record that can never be right: a bad
// record id, a birth after the card's issue day, certificates issued before the card, a period of
// stay ending before the card was issued.
void validate(const IssuedCard& card);
// The record id's shape (validate() checks it too), for the import's message.
bool isValidRecordId(std::string_view id);

// What the deadline engine is asked for this card (status: stay-bound when a period of stay is
// known, else Japanese national — the register does not know the residence status; the exempt
// statuses have no stay end, so they are counted like Japanese nationals, as the engine does).
rules::DeadlineInput deadlineInputFor(const IssuedCard& card, const boost::gregorian::date& today);

} // namespace madoguchi
