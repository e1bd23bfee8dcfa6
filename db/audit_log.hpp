#pragma once
// The audit trail of a case book (core/security/audit_chain.hpp): every view, creation, change,
// print and export of a resident's data. Changes are recorded by the store itself in the
// transaction that makes them; what the store cannot see (a case shown on screen, a handout
// printed, a CSV written) the program records with recordAccess().
#include "core/security/audit_chain.hpp"
#include "db/case_store.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <vector>

namespace madoguchi::db {

struct AuditVerification {
    bool ok = true;
    std::int64_t entries = 0; // entries checked
    std::optional<std::int64_t> badSeq;
    std::string problem;  // names the first bad entry
    std::string headHash; // the last entry's hash: write it down to anchor the chain
};

struct PurgeResult {
    boost::gregorian::date cutoff; // closed cases last changed before this day were removed
    std::int64_t purged = 0;
    std::int64_t keptOpen = 0;       // older but still open: never purged
    std::int64_t bookingsPurged = 0; // bookings for a day before the cutoff (all of them closed by then)
};

// A purge deletes, or (DryRun) only counts what it would delete: nothing changes and nothing is
// audited, as no resident's data is read.
enum class PurgeRun { Delete, DryRun };

class AuditLog {
public:
    virtual ~AuditLog() = default;

    // One entry per case (in one transaction): `action` from audit_actions, `detail` without
    // personal data ("pdf ja", "csv"). No case: one entry without a case id (a search that found
    // nothing, a backup, an audit export).
    virtual void recordAccess(const Actor& actor, const std::string& action, const std::vector<CaseId>& cases,
                              const std::string& detail = "") = 0;
    // The entries of one office day, in order. Supervisor or admin (AccessDenied otherwise).
    virtual std::vector<AuditEntry> auditDay(boost::gregorian::date day, const Actor& by) = 0;
    virtual AuditVerification verifyAudit() = 0;

    // Retention (admin): the period in days after which closed cases may be purged; 0 = not set.
    virtual int retentionDays() = 0;
    virtual void setRetentionDays(int days, const Actor& by) = 0;
    // Removes closed cases last changed before today − retention period, with their documents,
    // history and search entries, and the bookings for a day before that cutoff (a booking's day
    // over, it is arrived, missed or cancelled: closed); audited with the counts only.
    virtual PurgeResult purgeExpired(boost::gregorian::date today, const Actor& by, PurgeRun run) = 0;
};

} // namespace madoguchi::db
