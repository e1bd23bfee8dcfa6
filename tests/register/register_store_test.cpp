// The issued-card register in the case book, kept alike by both backends: adds, replaces and
// unchanged records counted, all or nothing, audited without personal data, supervisors only, and
// the sync from finished cases idempotent.
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/register/cards_from_cases.hpp"
#include "core/security/audit_chain.hpp"
#include "db/audit_log.hpp"
#include "db/card_register.hpp"
#include "db/case_store.hpp"
#include "tests/db/store_fixture.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;
using boost::gregorian::date;

namespace {

const db::Actor kSupervisor{"sato", Role::Supervisor};

IssuedCard card(const std::string& id, int year = 2016)
{
    return {id, date(1980, 4, 2), date(year, 3, 1), std::nullopt, std::nullopt, false};
}

std::vector<AuditEntry> registerEntries(db::CaseStore& store)
{
    std::vector<AuditEntry> out;
    for (auto& e : store.audit().auditDay(now().localDay, {"admin", Role::Admin}))
        if (e.action.rfind("register.", 0) == 0)
            out.push_back(e);
    return out;
}

} // namespace

class RegisterBook : public BackendTest {
protected:
    db::CardRegister& reg()
    {
        auto* r = store->cardRegister();
        EXPECT_NE(r, nullptr);
        return *r;
    }
};
MADOGUCHI_ON_BOTH_BACKENDS(RegisterBook);

TEST_P(RegisterBook, PutCountsAddedUpdatedAndUnchangedAndReadsBackTheSame)
{
    IssuedCard stay{"B2", date(1995, 6, 15), date(2020, 5, 20), date(2024, 1, 9), date(2027, 9, 30), true};
    auto r = reg().putIssuedCards({card("A1"), stay}, audit_actions::kRegisterImport, kSupervisor);
    EXPECT_EQ(r.added, 2);
    EXPECT_EQ(r.updated, 0);
    EXPECT_EQ(r.unchanged, 0);
    EXPECT_EQ(reg().issuedCardCount(), 2);
    // Again: nothing new. One changed: replaced.
    r = reg().putIssuedCards({card("A1"), stay}, audit_actions::kRegisterImport, kSupervisor);
    EXPECT_EQ(r.added, 0);
    EXPECT_EQ(r.unchanged, 2);
    r = reg().putIssuedCards({card("A1", 2017), stay}, audit_actions::kRegisterImport, kSupervisor);
    EXPECT_EQ(r.updated, 1);
    EXPECT_EQ(r.unchanged, 1);
    auto all = reg().issuedCards(kSupervisor, "test");
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0], card("A1", 2017));
    EXPECT_EQ(all[1], stay);
    EXPECT_EQ(reg().issuedCardsById({"B2", "nobody"}), std::vector<IssuedCard>{stay});
}

TEST_P(RegisterBook, ABadRecordKeepsNothing)
{
    IssuedCard bad = card("C3");
    bad.birth = date(2020, 1, 1); // after the card
    EXPECT_THROW(reg().putIssuedCards({card("A1"), bad}, audit_actions::kRegisterImport, kSupervisor), ValidationError);
    EXPECT_EQ(reg().issuedCardCount(), 0);
}

TEST_P(RegisterBook, OnlySupervisorsKeepAndReadItAndEachTimeIsAudited)
{
    EXPECT_THROW(reg().putIssuedCards({card("A1")}, audit_actions::kRegisterImport, kClerk), AccessDenied);
    EXPECT_THROW(reg().issuedCards(kClerk, "forecast"), AccessDenied);
    reg().putIssuedCards({card("A1"), card("A2")}, audit_actions::kRegisterImport, kSupervisor);
    reg().issuedCards(kSupervisor, "forecast");
    auto entries = registerEntries(*store);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].action, "register.import");
    EXPECT_EQ(entries[0].detail, "added 2, updated 0, unchanged 0");
    EXPECT_EQ(entries[0].user, "sato");
    EXPECT_FALSE(entries[0].caseId);
    EXPECT_EQ(entries[1].action, "register.read");
    EXPECT_EQ(entries[1].detail, "forecast: 2 cards");
    EXPECT_TRUE(store->audit().verifyAudit().ok);
}

TEST_P(RegisterBook, FinishedCasesFillTheRegisterOnceAndASecondSyncChangesNothing)
{
    CaseDraft receipt = draft("山田 太郎", "ヤマダ タロウ", 1980, 4, 2);
    receipt.procedure = Procedure::CardReceipt;
    Case c = store->add(receipt, kClerk);
    store->changeStatus(c.id, CaseStatus::InProgress, "", kClerk);
    store->changeStatus(c.id, CaseStatus::Done, "", kClerk);
    CaseDraft open = draft("鈴木 花子", "スズキ ハナコ", 1990, 1, 1);
    store->add(open, kClerk); // not finished: not in the register
    CaseDraft pin = draft("佐藤 一郎", "サトウ イチロウ", 1970, 2, 3);
    pin.procedure = Procedure::PinReset;
    Case p = store->add(pin, kClerk);
    store->changeStatus(p.id, CaseStatus::InProgress, "", kClerk);
    store->changeStatus(p.id, CaseStatus::Done, "", kClerk);

    EXPECT_THROW(db::syncRegisterFromCases(*store, reg(), kClerk), AccessDenied);
    auto r = db::syncRegisterFromCases(*store, reg(), kSupervisor);
    EXPECT_EQ(r.casesRead, 1);
    EXPECT_EQ(r.put.added, 1);
    auto cards = reg().issuedCards(kSupervisor, "test");
    ASSERT_EQ(cards.size(), 1u);
    EXPECT_EQ(cards[0].recordId, caseRecordId(c.resident));
    EXPECT_EQ(cards[0].birth, date(1980, 4, 2));
    EXPECT_EQ(cards[0].cardIssued, now().localDay);

    r = db::syncRegisterFromCases(*store, reg(), kSupervisor);
    EXPECT_EQ(r.put.added, 0);
    EXPECT_EQ(r.put.unchanged, 1);
    EXPECT_EQ(reg().issuedCardCount(), 1);
}
