#pragma once
// A case is one visit: one reception number, one resident (and whoever came for them), one
// handout, and one or more procedure lines — a PIN reset and a certificate renewal at once — each
// with its own status and history. The visit's status follows from its lines (visit.hpp).
#include "core/cases/applicant.hpp"
#include "core/cases/case_status.hpp"
#include "core/cases/history_kind.hpp"
#include "core/cases/procedure.hpp"
#include "core/cases/resident.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi {

using CaseId = std::int64_t;

struct CheckedDocument {
    std::string document; // the rule data's document id, or free text
    bool checked = false;
};

// One procedure the resident came for, within the visit. A visit names each procedure once.
struct ProcedureLine {
    Procedure procedure = Procedure::CardReceipt;
    CaseStatus status = CaseStatus::Received;
    // The day the inquiry letter (照会書兼回答書) was mailed to the principal: set when the line
    // moved to 照会書回答待ち (the two-visit route), and kept once the line moves on (the second
    // visit), so the case still says when its letter went out. None for every other line.
    std::optional<boost::gregorian::date> mailedOn{};
};

struct HistoryEntry {
    std::string at;                 // ISO timestamp with offset
    std::string actor;              // who made the change
    std::optional<CaseStatus> from; // none when the visit (or a line added to it) was received
    CaseStatus to;                  // the line's status; for a visit-wide entry, the visit's
    std::string reason;
    // The line the entry concerns; none for the whole visit (its reception, an edit).
    std::optional<Procedure> procedure;
    HistoryKind kind = HistoryKind::StatusChange;
    std::string window{}; // a call's window (HistoryKind::Called…); empty for every other entry
};

// Where the visit stands in the hall's queue, once its number has been called
// (db/call_rules.hpp). A visit never called has none: it waits in the queue by its arrival.
struct CallState {
    enum class Kind {
        Called,  // called to `window` at `calledAt`: the resident is expected there
        SentBack // "not here": back in the queue from `backAt`
    };
    Kind kind = Kind::Called;
    std::string window;   // the window of the latest call
    std::string calledAt; // ISO: when the latest call began
    std::string backAt;   // ISO: SentBack only — when the number waits in the queue again
};

// What the clerk fills in; the store adds id, reception number, statuses and times.
struct CaseDraft {
    // The first procedure of the visit (kept for callers and the JSON key `procedure` that know
    // of one procedure only). Always procedures.front().procedure in a case from the store.
    Procedure procedure = Procedure::CardReceipt;
    // Every line of the visit, in the order taken. Empty in a draft: the visit is `procedure`
    // alone. Use setProcedures() to give several. A new visit's lines start at 受付 whatever
    // their status here; importCases keeps the statuses given.
    std::vector<ProcedureLine> procedures;
    Resident resident;
    Applicant applicant;
    std::string window;                     // 窓口 number or name, e.g. "3"
    std::string clerk;                      // who took the case
    std::vector<CheckedDocument> documents; // the visit's one checklist, for all its procedures
    int feeYen = 0;                         // the visit's fees together
    std::string notes;
};

// The booking (予約, core/bookings/booking.hpp) a visit was opened from at check-in: the queue
// calls booked residents at their time. Set by the store; none for a walk-in.
struct CaseBooking {
    std::int64_t id = 0; // the booking's id (it may have been purged since)
    std::string start;   // the time it was booked for, ISO with offset: 2026-12-03T10:15:00+09:00
};

struct Case : CaseDraft {
    CaseId id = 0;
    std::string receptionNumber;              // unique per office and day
    CaseStatus status = CaseStatus::Received; // the visit's: visitStatus(procedures)
    std::string createdAt;
    std::string updatedAt;
    std::int64_t version = 1;          // bumped on every save of the visit or any line: optimistic locking
    std::vector<HistoryEntry> history; // every line's and the visit's, in the order they happened
    std::optional<CallState> call;     // none until the number is first called
    std::optional<CaseBooking> booking;
};

} // namespace madoguchi
