// The chain itself, in memory: a changed, deleted or reordered entry is found and named.
#include "core/security/audit_chain.hpp"

#include <gtest/gtest.h>
#include <vector>

using namespace madoguchi;

namespace {

std::vector<AuditEntry> chainOf(int n)
{
    std::vector<AuditEntry> out;
    for (int i = 1; i <= n; ++i) {
        AuditEntry e;
        e.seq = i;
        e.at = "2026-11-29T10:0" + std::to_string(i % 10) + ":00+09:00";
        e.user = "clerk1";
        e.role = "clerk";
        e.action = audit_actions::kView;
        e.caseId = 100 + i;
        sealAuditEntry(e, out.empty() ? std::nullopt : std::optional<AuditEntry>(out.back()));
        out.push_back(e);
    }
    return out;
}

AuditChainVerifier verify(const std::vector<AuditEntry>& entries, std::int64_t headSeq, const std::string& headHash)
{
    AuditChainVerifier v;
    bool ok = true;
    for (const auto& e : entries)
        if (ok)
            ok = v.feed(e);
    if (ok)
        v.finish(headSeq, headHash);
    return v;
}

} // namespace

TEST(AuditChain, IntactChainVerifies)
{
    auto c = chainOf(5);
    auto v = verify(c, 5, c.back().hash);
    EXPECT_TRUE(v.problem().empty()) << v.problem();
    EXPECT_EQ(v.checked(), 5);
    EXPECT_EQ(c.front().prevHash, auditGenesisHash());
}

TEST(AuditChain, ChangedFieldIsNamed)
{
    for (auto field : {0, 1, 2, 3}) {
        auto c = chainOf(5);
        auto head = c.back().hash;
        if (field == 0)
            c[2].detail = "x";
        if (field == 1)
            c[2].user = "someone";
        if (field == 2)
            c[2].caseId = 999;
        if (field == 3)
            c[2].at = "2026-11-30T10:00:00+09:00";
        auto v = verify(c, 5, head);
        ASSERT_TRUE(v.badSeq()) << field;
        EXPECT_EQ(*v.badSeq(), 3);
        EXPECT_NE(v.problem().find("entry 3"), std::string::npos) << v.problem();
        EXPECT_NE(v.problem().find("changed"), std::string::npos) << v.problem();
    }
}

TEST(AuditChain, DeletedEntryIsNamed)
{
    auto c = chainOf(5);
    auto head = c.back().hash;
    c.erase(c.begin() + 1); // entry 2
    auto v = verify(c, 5, head);
    ASSERT_TRUE(v.badSeq());
    EXPECT_EQ(*v.badSeq(), 2);
    EXPECT_NE(v.problem().find("entry 2 is missing"), std::string::npos) << v.problem();
}

TEST(AuditChain, DeletedAndRenumberedEntryIsNamed)
{
    auto c = chainOf(5);
    c.erase(c.begin() + 1);
    for (std::size_t i = 0; i < c.size(); ++i)
        c[i].seq = static_cast<std::int64_t>(i + 1); // hides the gap: the chain still breaks
    auto v = verify(c, 4, c.back().hash);
    ASSERT_TRUE(v.badSeq());
    EXPECT_EQ(*v.badSeq(), 2);
}

TEST(AuditChain, DeletedLastEntryIsNamedThroughTheHead)
{
    auto c = chainOf(5);
    auto head = c.back().hash;
    c.pop_back();
    auto v = verify(c, 5, head);
    ASSERT_TRUE(v.badSeq());
    EXPECT_EQ(*v.badSeq(), 5);
    EXPECT_NE(v.problem().find("entry 5 is missing"), std::string::npos) << v.problem();
}

TEST(AuditChain, ReorderedEntriesAreNamed)
{
    auto c = chainOf(5);
    auto head = c.back().hash;
    std::swap(c[2], c[3]);
    std::swap(c[2].seq, c[3].seq); // numbers in order, contents swapped
    auto v = verify(c, 5, head);
    ASSERT_TRUE(v.badSeq());
    EXPECT_EQ(*v.badSeq(), 3);
    EXPECT_NE(v.problem().find("does not follow entry 2"), std::string::npos) << v.problem();
}

TEST(AuditChain, FieldBoundariesCannotBeShifted)
{
    AuditEntry a, b;
    a.seq = b.seq = 1;
    a.user = "ab";
    a.role = "c";
    b.user = "a";
    b.role = "bc";
    EXPECT_NE(computeAuditHash(a), computeAuditHash(b));
}
