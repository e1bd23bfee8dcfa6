#pragma once
// What both case books decide the same way about calling a resident to a window, apart from how
// they store it: which visits wait in the queue, what a call, a repeat and "not here" may do, what
// each writes (the visit's call state and window, the history entry, the audit entry) and the
// words of a refusal. One place, as db/case_rules.hpp is for status changes.
//
// The rules, as the stores apply them (docs/clerk-guide.md, "Calling the next resident"):
//   - The queue is the office's visits of today at 受付 (nothing begun) whose number is not called
//     now: never called, or sent back ("not here") and back once the office's absent minutes have
//     passed. Its order is core/queue/queue_order.hpp; a window takes the first visit with one of
//     its procedures (WindowWork).
//   - A call (the next in the queue, or a number the clerk chose) is for an open visit of today. A
//     number called now at another window is not taken from it: that window sends it back first.
//     The visit's window (窓口) becomes the calling window: the one that has the visit now.
//   - "Call again" announces the standing call once more, at its window; only a number called now.
//   - "Not here" sends a number called now back to the queue, while its visit has not begun (受付):
//     it waits again from now + the absent minutes, in its place by arrival.
//   - Every call writes one history entry for the whole visit (no procedure) with its kind, the
//     window, the actor and the time; an audit entry `case.call` (kind and window: no personal
//     data); and bumps the visit's version, so that a stale edit elsewhere cannot undo it.
#include "core/common/clock.hpp"
#include "core/queue/call_settings.hpp"
#include "db/case_store.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::db {

// A window as typed in a setting or an option: trimmed, 1–16 characters, no control characters.
// ValidationError otherwise.
std::string checkCallWindow(const std::string& window);

// A visit as the queue reads it from a row: the open procedures from its lines, times as epoch
// seconds. `bookedAt`: the booking's start (ISO), none for a walk-in — the bookings seam: each
// store's queue query has one column for it.
QueueEntry queueEntryOf(CaseId id, const std::string& receptionNumber, const std::string& receivedAt,
                        const std::optional<std::string>& bookedAt, const std::optional<std::string>& backAt,
                        const std::vector<ProcedureLine>& lines);

// The visit's call state from its row's columns (called_at, call_window, back_at); none when
// never called.
std::optional<CallState> callStateOf(const std::optional<std::string>& calledAt,
                                     const std::optional<std::string>& window,
                                     const std::optional<std::string>& backAt);

// The visit as stored, read by the store inside its write transaction (the row locked).
struct StoredCall {
    CaseId id = 0;
    std::string receptionNumber;
    std::string day; // the office day it was received, ISO
    CaseStatus status = CaseStatus::Received;
    std::optional<CallState> call;
};

// What a call writes, all in the caller's transaction.
struct CallChange {
    CallState state;    // called_at, call_window, back_at afterwards
    std::string window; // cases.window afterwards
    HistoryEntry entry;
    std::string auditDetail; // "called 3", "called-again 3", "absent 3 back 10:25"
};

// Throws RuleViolation (a closed visit, not of today, called at another window) with the
// reception number in the message.
CallChange planCall(const StoredCall& v, const std::string& window, const Actor& actor, const Timestamp& at);
// RuleViolation unless the number is called now.
CallChange planCallAgain(const StoredCall& v, const Actor& actor, const Timestamp& at);
// RuleViolation unless the number is called now and its visit has not begun.
CallChange planAbsent(const StoredCall& v, const CallSettings& settings, const Actor& actor, const Timestamp& at);

// The call settings in the `settings` table: keys call.order and call.absent_minutes.
CallSettings callSettingsFrom(const std::map<std::string, std::string>& rows);
std::map<std::string, std::string> callSettingsRows(const CallSettings& s);
inline constexpr const char* kCallSettingsPrefix = "call.";
// "call.order=arrival call.absent_minutes=10": the audit entry of a change.
std::string callSettingsDetail(const CallSettings& s);

// "nobody called at window 3" and the like: the NotFound of a chosen number.
[[noreturn]] void throwNoSuchNumber(const std::string& receptionNumber, const std::string& day);
// A reception number as typed (A-012, a-12, Ａ－０１２) in the office's series: "A-012".
// ValidationError when it is not one.
std::string normalizedReceptionNumber(const std::string& typed);

} // namespace madoguchi::db
