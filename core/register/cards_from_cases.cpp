// Turns finished cases into register records (cards_from_cases.hpp): the one place that says which
// procedure tells the register what.
#include "core/register/cards_from_cases.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/digest.hpp"
#include "core/text/search_fold.hpp"

#include <algorithm>
#include <set>

namespace madoguchi {

std::string caseRecordId(const Resident& resident)
{
    std::string key =
        foldForSearch(resident.name) + '\x1f' + foldForSearch(resident.kana) + '\x1f' + toIso(resident.birth);
    return "case-" + digestHex(key, 8);
}

bool feedsRegister(Procedure p)
{
    switch (p) {
    case Procedure::CardReceipt:
    case Procedure::Reissue:
    case Procedure::CardRenewal:
    case Procedure::CertRenewal:
    case Procedure::CardInfoChange:
    case Procedure::StayExtension:
        return true;
    default:
        return false;
    }
}

namespace {

struct FinishedLine {
    std::string at; // ISO timestamp the line reached 完了
    const Case* visit;
    Procedure procedure;
};

// When the line reached 完了: its last history entry to done (a one-line visit's older entries
// name no procedure).
std::string finishedAt(const Case& c, Procedure p)
{
    std::string at;
    for (const auto& h : c.history)
        if (h.to == CaseStatus::Done && (h.procedure == p || (!h.procedure && c.procedures.size() == 1)))
            at = h.at;
    return at.empty() ? c.updatedAt : at;
}

} // namespace

CaseCardUpdates cardsFromCases(const std::vector<Case>& cases, std::map<std::string, IssuedCard> known)
{
    std::vector<FinishedLine> lines;
    for (const Case& c : cases)
        for (const auto& l : c.procedures)
            if (l.status == CaseStatus::Done && feedsRegister(l.procedure))
                lines.push_back({finishedAt(c, l.procedure), &c, l.procedure});
    std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.at < b.at; });

    CaseCardUpdates out;
    std::set<std::string> changed;
    for (const FinishedLine& line : lines) {
        const Resident& resident = line.visit->resident;
        auto finished = readTimestamp(line.at);
        if (!finished) {
            ++out.skipped;
            continue;
        }
        const boost::gregorian::date day = finished->localDay;
        const std::string id = caseRecordId(resident);
        auto it = known.find(id);
        IssuedCard card;
        switch (line.procedure) {
        case Procedure::CardReceipt:
        case Procedure::Reissue:
        case Procedure::CardRenewal:
            card = {id, resident.birth, day, std::nullopt, resident.stayUntil, false};
            break;
        case Procedure::CertRenewal:
            if (it == known.end()) {
                ++out.skipped;
                continue;
            }
            card = it->second;
            card.certIssued = day;
            break;
        default: // card-info change, stay extension: the period of stay as the case has it now
            if (it == known.end() || !resident.stayUntil) {
                ++out.skipped;
                continue;
            }
            card = it->second;
            card.stayUntil = resident.stayUntil;
            break;
        }
        try {
            validate(card);
        } catch (const ValidationError&) {
            ++out.skipped;
            continue;
        }
        known[id] = card;
        changed.insert(id);
    }
    for (const auto& id : changed)
        out.cards.push_back(known[id]);
    return out;
}

} // namespace madoguchi
