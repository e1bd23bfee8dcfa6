#pragma once
// What a history entry records, as one table (history_kind.cpp). Ids are stored in the case book
// and part of the case JSON (docs/cli.md).
#include <optional>
#include <span>
#include <string_view>

namespace madoguchi {

enum class HistoryKind {
    StatusChange, // a line moved on (or the visit was received: no `from`)
    Edit,         // the visit's fields were saved
    Reopen,       // a closed line was reopened (a supervisor's action, with a reason)
    // Calling the resident to a window (db/call_rules.hpp); the entry names the window.
    Called,      // the number was called: the next in the queue, or a number chosen by the clerk
    CalledAgain, // the same call announced once more
    Absent,      // "not here": the number went back to the queue for a set time
};

std::string_view historyKindId(HistoryKind k); // "status", "edit", "reopen", "called", "called-again", "absent"
std::optional<HistoryKind> historyKindFromId(std::string_view id);
// Like historyKindFromId, but throws ValidationError listing the ids.
HistoryKind parseHistoryKind(std::string_view id);
std::span<const HistoryKind> allHistoryKinds();
// Called, CalledAgain or Absent: an entry about calling the resident, not about the work.
bool isCallKind(HistoryKind k);

} // namespace madoguchi
