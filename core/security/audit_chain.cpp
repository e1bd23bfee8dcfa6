#include "core/security/audit_chain.hpp"

#include <sodium.h>
#include <stdexcept>

namespace madoguchi {

const std::string& auditGenesisHash()
{
    static const std::string zeros(64, '0');
    return zeros;
}

namespace {

void absorb(crypto_generichash_state& st, const std::string& field)
{
    // Length first: "ab"+"c" and "a"+"bc" must not hash alike.
    std::uint64_t n = field.size();
    unsigned char len[8];
    for (int i = 0; i < 8; ++i)
        len[i] = static_cast<unsigned char>(n >> (8 * i));
    crypto_generichash_update(&st, len, sizeof len);
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(field.data()), field.size());
}

std::string describe(const AuditEntry& e)
{
    return "entry " + std::to_string(e.seq) + " (" + e.at + ", " + e.user + ", " + e.action +
           (e.caseId ? ", case " + std::to_string(*e.caseId) : std::string()) + ")";
}

} // namespace

std::string computeAuditHash(const AuditEntry& e)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, 32);
    absorb(st, "madoguchi-audit-v1");
    absorb(st, e.at);
    absorb(st, e.user);
    absorb(st, e.role);
    absorb(st, e.action);
    absorb(st, e.caseId ? std::to_string(*e.caseId) : std::string("-"));
    absorb(st, e.detail);
    absorb(st, e.prevHash);
    unsigned char out[32];
    crypto_generichash_final(&st, out, sizeof out);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, out, sizeof out);
    return hex;
}

void sealAuditEntry(AuditEntry& entry, const std::optional<AuditEntry>& previous)
{
    entry.prevHash = previous ? previous->hash : auditGenesisHash();
    entry.hash = computeAuditHash(entry);
}

bool AuditChainVerifier::fail(std::int64_t seq, std::string what)
{
    badSeq_ = seq;
    problem_ = std::move(what);
    return false;
}

bool AuditChainVerifier::feed(const AuditEntry& e)
{
    const std::string& expectedPrev = count_ == 0 ? auditGenesisHash() : lastHash_;
    if (e.seq != lastSeq_ + 1) {
        if (e.seq > lastSeq_ + 1)
            return fail(lastSeq_ + 1,
                        "entry " + std::to_string(lastSeq_ + 1) + " is missing (deleted)" +
                            (e.seq == lastSeq_ + 2 ? std::string() : " and those up to " + std::to_string(e.seq - 1)) +
                            "; the chain resumes at " + describe(e));
        return fail(e.seq, describe(e) + " is out of order (after entry " + std::to_string(lastSeq_) + ")");
    }
    if (computeAuditHash(e) != e.hash)
        return fail(e.seq, describe(e) + " was changed: its hash does not match its contents");
    if (e.prevHash != expectedPrev)
        return fail(e.seq, describe(e) + " does not follow entry " + std::to_string(lastSeq_) +
                               ": an entry was deleted, replaced or reordered before it");
    lastSeq_ = e.seq;
    lastHash_ = e.hash;
    ++count_;
    return true;
}

bool AuditChainVerifier::finish(std::int64_t headSeq, const std::string& headHash)
{
    if (headSeq > lastSeq_)
        return fail(lastSeq_ + 1,
                    "entry " + std::to_string(lastSeq_ + 1) + " is missing (deleted)" +
                        (headSeq == lastSeq_ + 1 ? std::string() : " and those up to " + std::to_string(headSeq)) +
                        ": the log ends before its recorded head");
    if (headSeq < lastSeq_)
        return fail(headSeq + 1, "entry " + std::to_string(headSeq + 1) +
                                     " is not in the recorded head (added outside the program)");
    if (count_ > 0 && headHash != lastHash_)
        return fail(lastSeq_, "entry " + std::to_string(lastSeq_) + " does not match the recorded head hash");
    return true;
}

} // namespace madoguchi
