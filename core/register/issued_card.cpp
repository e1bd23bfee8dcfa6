// The register record's checks and its mapping to the deadline engine's input: one place, so the
// forecast and the tests ask the engine exactly the same question.
#include "core/register/issued_card.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"

namespace madoguchi {

bool isValidRecordId(std::string_view id)
{
    if (id.empty() || id.size() > 64)
        return false;
    for (char c : id) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                  c == '-' || c == ':';
        if (!ok)
            return false;
    }
    return true;
}

void validate(const IssuedCard& card)
{
    if (!isValidRecordId(card.recordId))
        throw ValidationError("record_id: must be 1-64 characters of A-Z a-z 0-9 . _ - :");
    if (card.birth.is_not_a_date() || card.cardIssued.is_not_a_date())
        throw ValidationError("record " + card.recordId + ": birth and card_issued are required");
    if (card.birth > card.cardIssued)
        throw ValidationError("birth: " + toIso(card.birth) + " is after card_issued " + toIso(card.cardIssued));
    if (card.certIssued && *card.certIssued < card.cardIssued)
        throw ValidationError("cert_issued: " + toIso(*card.certIssued) + " is before card_issued " +
                              toIso(card.cardIssued));
    if (card.stayUntil && *card.stayUntil < card.cardIssued)
        throw ValidationError("stay_until: " + toIso(*card.stayUntil) + " is before card_issued " +
                              toIso(card.cardIssued));
    // Whatever else the engine refuses (certificates issued after the card expired…): a record in
    // the register is always one the forecast can compute.
    (void)rules::computeDeadlines(deadlineInputFor(card, card.cardIssued));
}

rules::DeadlineInput deadlineInputFor(const IssuedCard& card, const boost::gregorian::date& today)
{
    rules::DeadlineInput in;
    in.birth = card.birth;
    in.cardIssued = card.cardIssued;
    in.certIssued = card.certIssued;
    in.stayUntil = card.stayUntil;
    in.status = card.stayUntil ? rules::ResidenceStatus::StayBound : rules::ResidenceStatus::JapaneseNational;
    in.faceAuth = card.faceAuth;
    in.today = today;
    return in;
}

} // namespace madoguchi
