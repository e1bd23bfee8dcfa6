#pragma once
// What the new-visit dialog shows of a card triage (core/triage): one short line per proposed
// procedure (the dialog is already as tall as a 1366×768 screen allows), the full reasons for the
// rules summary, or what the card says instead (another card, no certificate), in the window's
// language; what "accept" puts into the visit (the procedures, and a line in the notes naming the
// PINs to reset, which the visit's procedure line cannot hold).
#include "core/triage/card_triage.hpp"

#include <string>
#include <vector>

namespace madoguchi::gui {

struct CardProposals {
    std::string text;                  // one line per proposal, then the notices
    std::string reasons;               // the triage's full reasons, one paragraph each
    std::vector<Procedure> procedures; // what accept adds, in the visit's order
    std::string notes;                 // "" when nothing needs noting
};

CardProposals cardProposals(const triage::Triage& t);

} // namespace madoguchi::gui
