// Text comes back exactly as it went in: strings shaped like SQL, emoji, rare 漢字 outside the
// basic plane and compatibility ideographs (which NFC/NFKC would change).
#include "core/common/clock.hpp"
#include "tests/audit/audit_fixture.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;

class LiteralText : public AuditBook {};

TEST_F(LiteralText, NamesNotesAndReasonsAreStoredAndReadBackLiterally)
{
    const std::vector<std::string> nasty = {
        "Robert'); DROP TABLE cases;--", "' OR '1'='1",    "x\" ; DELETE FROM audit_log WHERE 1=1; --",
        "🙂👨‍👩‍👧 山田", "𠮷野 髙橋 﨑山", "%_\\ LIKE *",
    };
    for (const auto& text : nasty) {
        CaseDraft d = resident(text, "ヤマダ");
        d.resident.address = text;
        d.notes = text;
        Case c = store->add(d, clerk);
        Case back = store->get(c.id);
        EXPECT_EQ(back.resident.name, text);
        EXPECT_EQ(back.resident.address, text);
        EXPECT_EQ(back.notes, text);
        Case moved = store->changeStatus(c.id, CaseStatus::Waiting, text, clerk);
        EXPECT_EQ(moved.history.back().reason, text);
    }
    // 﨑 (U+FA11) is a compatibility ideograph: NFKC folds it to 崎 for search, the stored name
    // keeps it.
    db::CaseQuery q;
    q.text = "𠮷野";
    auto found = store->search(q);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].name, "𠮷野 髙橋 﨑山");
    EXPECT_NE(found[0].name.find("\xEF\xA8\x91"), std::string::npos); // U+FA11 as UTF-8
    auto v = log().verifyAudit();
    EXPECT_TRUE(v.ok) << v.problem;
}

TEST_F(LiteralText, UserNamesShapedLikeSqlAreJustNames)
{
    users().addUser("o'brien;--", Role::Clerk, "clerk-pass-9", admin);
    EXPECT_EQ(users().authenticate("o'brien;--", "clerk-pass-9").user, "o'brien;--");
    EXPECT_THROW(users().authenticate("' OR '1'='1", "' OR '1'='1"), AccessDenied);
    EXPECT_EQ(users().users(admin).size(), 4u);
}
