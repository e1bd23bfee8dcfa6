#pragma once
// What a history entry records, as one table (history_kind.cpp). Ids are stored in the case book
// and part of the case JSON; calling a resident to a window (called, called again, absent) is to
// be added here.
#include <optional>
#include <span>
#include <string_view>

namespace madoguchi {

enum class HistoryKind {
    StatusChange, // a line moved on (or the visit was received: no `from`)
    Edit,         // the visit's fields were saved
    Reopen,       // a closed line was reopened (a supervisor's action, with a reason)
};

std::string_view historyKindId(HistoryKind k); // "status", "edit", "reopen"
std::optional<HistoryKind> historyKindFromId(std::string_view id);
// Like historyKindFromId, but throws ValidationError listing the ids.
HistoryKind parseHistoryKind(std::string_view id);
std::span<const HistoryKind> allHistoryKinds();

} // namespace madoguchi
