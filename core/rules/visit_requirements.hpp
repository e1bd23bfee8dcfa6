#pragma once
// One handout for a visit of several procedures (a PIN reset and a certificate renewal at once):
// the rule book's answers for each procedure merged so that the resident is asked for each thing
// once and pays each fee once. The one place that decides how answers are merged.
#include "core/rules/requirements.hpp"

#include <span>
#include <vector>

namespace madoguchi::rules {

class RuleBook;

struct VisitRequirements {
    std::vector<Procedure> procedures; // the visit's, in order
    // The merged answer: its `procedure` is the first one's. Each document, fee, contact, note
    // and source once; whereToGo once when every procedure says the same, else each procedure's
    // on a line of its own after its name.
    Requirements merged;
    // For each of merged.documents: the procedures that ask for it (all of them for a card both
    // need), so a handout can say what a paper is for.
    std::vector<std::vector<Procedure>> documentFor;
    // The procedures the rule book refuses for this applicant, with the reason. When every one is
    // refused, merged.refusal is the first's and the answer is a refusal; else the others' answer
    // stands and these are said beside it.
    std::vector<std::pair<Procedure, Refusal>> refusals;
};

// The merge, from each procedure's answer (same applicant, resident and day), in visit order:
//   - Documents: a requirement of the same id asked by several procedures is asked once. When
//     one's ways of meeting it (its options: the same items in the same count) are among the
//     other's, it is the stricter and stands for both — meeting it meets the other too; when the
//     procedures word the same single paper differently, the catalogue's name of the paper is
//     used. Requirements of one id that neither covers stay apart, each marked with its
//     procedures.
//   - Fees: once per id. A free-of-charge line without a condition (「手数料はかかりません」) says
//     there is no fee at all, and is left out when the visit has another fee.
//   - Contacts once per id, notes and sources once per text, entry ids once, places once per id.
//   - The inquiry route when any procedure goes it (with its same-day exception); the first
//     procedure's window; refusals as said above.
// An empty list gives an empty answer.
VisitRequirements mergeVisitRequirements(const std::vector<Requirements>& perProcedure);

// Asks the rule book for each procedure and merges the answers. Throws NotFound when a
// procedure has no rule in force that day.
VisitRequirements visitRequirementsFor(const RuleBook& book, std::span<const Procedure> procedures,
                                       ApplicantType applicant, const ResidentAttributes& resident,
                                       const boost::gregorian::date& day);

} // namespace madoguchi::rules
