#pragma once
// Who is called next. One owner for the order the day's waiting visits are called in: both case
// books pick the next visit with it, and the window's queue and the hall's "next numbers" show it.
// The rule (docs/clerk-guide.md, "Calling the next resident"): booked residents at their time
// first, then walk-ins by arrival; an office may choose plain arrival order instead (a setting,
// call_settings.hpp).
#include "core/cases/case.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace madoguchi {

enum class QueueOrder {
    // A checked-in booking whose start time has come is called first (by start time, then arrival);
    // then everyone else by arrival: walk-ins, and bookings that came early for their time.
    BookedFirst,
    // Everyone by arrival, booked or not.
    Arrival,
};

std::string_view queueOrderId(QueueOrder o); // "booked-first", "arrival"
std::optional<QueueOrder> queueOrderFromId(std::string_view id);
QueueOrder parseQueueOrder(std::string_view id); // ValidationError listing the ids
std::span<const QueueOrder> allQueueOrders();

// A visit waiting to be called, as the queue sees it: no personal data.
struct QueueEntry {
    CaseId id = 0;
    std::string receptionNumber;
    std::int64_t receivedAt = 0; // seconds since the epoch: its arrival
    // The start of the booking the resident checked in for; none for a walk-in. (The bookings
    // seam: each case book fills it in one place, see db/call_rules.hpp.)
    std::optional<std::int64_t> bookedAt;
    // Sent back ("not here"): waits in the queue again from this time.
    std::optional<std::int64_t> backAt;
    std::vector<Procedure> procedures; // the visit's open procedures
};

// What a window serves: the kinds of work it takes. Empty: every procedure.
struct WindowWork {
    std::vector<Procedure> procedures;
    // A visit is for this window when one of its open procedures is.
    bool serves(std::span<const Procedure> visitProcedures) const;
};

// The waiting visits in the order they are called at `now`; a number sent back whose time has not
// come yet is left out. Ties keep arrival order (then the entry's id).
std::vector<const QueueEntry*> callOrder(std::span<const QueueEntry> waiting, QueueOrder order, std::int64_t now);

// The visits a window would call next, in order: callOrder() of those it serves.
std::vector<const QueueEntry*> callOrderFor(std::span<const QueueEntry> waiting, const WindowWork& work,
                                            QueueOrder order, std::int64_t now);

} // namespace madoguchi
