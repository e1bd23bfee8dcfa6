#pragma once
// The new-case dialog's "read card": the PIN-free status of the card on a worker thread, the PIN
// dialog (or the reason it is not asked for), then the card-info read on a worker thread — each
// behind a progress dialog whose Cancel stops the card work at its next command. The window
// stays responsive; a fault becomes a plain error dialog and nothing is returned, so the form
// keeps what was typed. The PIN lives in a SecurePin only until the card has compared it.
#include "core/card/my_number_card_reader.hpp"
#include "core/triage/card_triage.hpp"

#include <optional>

class wxWindow;

namespace madoguchi::gui {

// `reader`: a PC/SC reader name, empty for the first reader with a card in it.
std::optional<card::CardInfo> readCardWithPin(wxWindow* parent, const std::string& reader = {});

// The card triage (issue #17) behind the same progress dialog: one session, no PIN, no try spent;
// what the visit needs, judged for today. A fault: its error dialog, and nothing returned.
std::optional<triage::Triage> triageCardOnReader(wxWindow* parent, const std::string& reader = {});

} // namespace madoguchi::gui
