#pragma once
// The audit trail: who did what to which case, when. Entries are hash-chained: each entry's hash
// (BLAKE2b-256) covers its own fields and the previous entry's hash, so that changing, deleting or
// reordering an entry breaks the chain from that entry on, and a verifier can name it.
// Entries hold case ids and action names, never a resident's name, address or number.
#include <cstdint>
#include <optional>
#include <string>

namespace madoguchi {

struct AuditEntry {
    std::int64_t seq = 0; // 1, 2, 3… without gaps
    std::string at;       // ISO timestamp with offset
    std::string user;     // the acting user's login name
    std::string role;     // their role at that moment
    std::string action;   // audit_actions below: "case.view", "case.status"…
    std::optional<std::int64_t> caseId;
    std::string detail;   // e.g. "received→in-progress", "pdf ja"; no personal data
    std::string prevHash; // hex; the genesis value for the first entry
    std::string hash;     // hex
};

// What an entry records (the `action` field).
namespace audit_actions {
inline constexpr const char* kCreate = "case.create";
inline constexpr const char* kImport = "case.import";
inline constexpr const char* kView = "case.view";
inline constexpr const char* kList = "case.list"; // the case appeared in a list that was shown
inline constexpr const char* kEdit = "case.edit";
inline constexpr const char* kStatus = "case.status";
inline constexpr const char* kReopen = "case.reopen";
inline constexpr const char* kCall = "case.call"; // called, called again or sent back ("not here")
inline constexpr const char* kPrint = "case.print";
inline constexpr const char* kExport = "case.export";
// The card-info AP read with the resident's PIN (name, address, birth, sex): no case id yet and
// nothing of the card's content in the entry.
inline constexpr const char* kCardRead = "card.read";
inline constexpr const char* kPurge = "retention.purge";
inline constexpr const char* kUserAdd = "user.add";
inline constexpr const char* kUserChange = "user.change";
inline constexpr const char* kLoginFailed = "login.failed";
inline constexpr const char* kSettings = "settings.change";
inline constexpr const char* kAuditExport = "audit.export";
inline constexpr const char* kBackup = "db.backup";
// The issued-card register (no case id: the register holds no resident's name).
inline constexpr const char* kRegisterImport = "register.import";
inline constexpr const char* kRegisterFromCases = "register.from-cases";
inline constexpr const char* kRegisterRead = "register.read";
// Bookings (予約): the entry's detail names the booking ("booking 42"); a check-in's names the case too.
inline constexpr const char* kBookingCreate = "booking.create";
inline constexpr const char* kBookingImport = "booking.import";
inline constexpr const char* kBookingView = "booking.view";
inline constexpr const char* kBookingList = "booking.list";
inline constexpr const char* kBookingMove = "booking.move";
inline constexpr const char* kBookingCancel = "booking.cancel";
inline constexpr const char* kBookingCheckIn = "booking.checkin";
inline constexpr const char* kBookingPrint = "booking.print";
inline constexpr const char* kBookingExport = "booking.export";
} // namespace audit_actions

// The previous hash of the first entry: 64 zeros.
const std::string& auditGenesisHash();

// BLAKE2b-256 over the fields (each length-prefixed, so that no two different entries serialise
// alike) and `entry.prevHash`; lower-case hex. Not over `seq`: the order is in the prevHash
// links, so an entry moved elsewhere keeps a valid hash of its own and the verifier can say
// "does not follow" (reordered) rather than "changed".
std::string computeAuditHash(const AuditEntry& entry);

// Fills prevHash (from `previous`, or genesis) and hash.
void sealAuditEntry(AuditEntry& entry, const std::optional<AuditEntry>& previous);

// Walks a chain in stored order, one entry at a time (the log may be large), and stops at the
// first entry that does not fit.
class AuditChainVerifier {
public:
    // False, with problem() naming the entry, when this entry is changed, out of order, or follows
    // a gap (deleted entries).
    bool feed(const AuditEntry& entry);
    // After the last entry: the recorded head (last seq and hash, kept apart from the log) must be
    // the last entry fed, else entries were removed from the end.
    bool finish(std::int64_t headSeq, const std::string& headHash);
    const std::string& problem() const { return problem_; }
    std::optional<std::int64_t> badSeq() const { return badSeq_; }
    std::int64_t checked() const { return count_; }

private:
    bool fail(std::int64_t seq, std::string what);
    std::int64_t lastSeq_ = 0, count_ = 0;
    std::string lastHash_;
    std::string problem_;
    std::optional<std::int64_t> badSeq_;
};

} // namespace madoguchi
