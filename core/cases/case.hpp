#pragma once
// A case: one resident's visit for one procedure.
#include "core/cases/applicant.hpp"
#include "core/cases/case_status.hpp"
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

struct HistoryEntry {
    std::string at;                 // ISO timestamp with offset
    std::string actor;              // who made the change
    std::optional<CaseStatus> from; // none for the creation
    CaseStatus to;
    std::string reason;
};

// What the clerk fills in; the store adds id, reception number, status and times.
struct CaseDraft {
    Procedure procedure = Procedure::CardReceipt;
    Resident resident;
    Applicant applicant;
    std::string window; // 窓口 number or name, e.g. "3"
    std::string clerk;  // who took the case
    std::vector<CheckedDocument> documents;
    int feeYen = 0;
    std::string notes;
};

struct Case : CaseDraft {
    CaseId id = 0;
    std::string receptionNumber; // unique per office and day
    CaseStatus status = CaseStatus::Received;
    std::string createdAt;
    std::string updatedAt;
    std::int64_t version = 1; // bumped on every save: optimistic locking
    std::vector<HistoryEntry> history;
};

} // namespace madoguchi
