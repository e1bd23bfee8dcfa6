// Calling residents, kept by every backend (db/call_rules.hpp): the next waiting visit for a
// window in the office's order, call again, "not here" and its return, a chosen number, what each
// call writes (history, window, version, audit, live refresh) and what is refused.
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "db/audit_log.hpp"
#include "db/case_store.hpp"
#include "tests/db/store_fixture.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <chrono>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;
using S = CaseStatus;
using P = Procedure;

namespace {

const db::Actor kAdmin{"admin", Role::Admin};
const db::Actor kWindow3{"suzuki"};

CaseDraft visit(const std::string& name, std::initializer_list<P> procedures = {P::Reissue})
{
    CaseDraft d = draft(name, "ヤマダ タロウ");
    setProcedures(d, std::vector<P>(procedures));
    return d;
}

db::WindowCall windowCall(const std::string& window, std::vector<P> procedures = {})
{
    return {window, WindowWork{std::move(procedures)}};
}

} // namespace

class CallBook : public BackendTest {
protected:
    Case add(const std::string& name, std::initializer_list<P> procedures = {P::Reissue})
    {
        return store->add(visit(name, procedures), kClerk);
    }
    std::string next(const std::string& window, std::vector<P> procedures = {})
    {
        auto c = store->callNext(windowCall(window, std::move(procedures)), kWindow3);
        return c ? c->receptionNumber : "nobody";
    }
};
MADOGUCHI_ON_BOTH_BACKENDS(CallBook);

TEST_P(CallBook, TheNextIsTheFirstToArriveAndTheCallIsRecorded)
{
    Case first = add("山田 一郎");
    add("山田 二郎");
    auto called = store->callNext(windowCall("3"), kWindow3);
    ASSERT_TRUE(called);
    EXPECT_EQ(called->receptionNumber, first.receptionNumber);
    // The visit is at window 3 now, called, still at 受付 (the clerk starts the work).
    EXPECT_EQ(called->window, "3");
    EXPECT_EQ(called->status, S::Received);
    ASSERT_TRUE(called->call);
    EXPECT_EQ(called->call->kind, CallState::Kind::Called);
    EXPECT_EQ(called->call->window, "3");
    EXPECT_EQ(called->version, first.version + 1);
    // One history entry for the whole visit: its kind, window, clerk and time.
    ASSERT_EQ(called->history.size(), 2u);
    const HistoryEntry& h = called->history.back();
    EXPECT_EQ(h.kind, HistoryKind::Called);
    EXPECT_EQ(h.window, "3");
    EXPECT_EQ(h.actor, "suzuki");
    EXPECT_FALSE(h.procedure);
    EXPECT_FALSE(h.from);
    EXPECT_EQ(h.at.substr(0, 10), toIso(now().localDay));
    EXPECT_EQ(called->call->calledAt, h.at);
    // Other entries name no window.
    EXPECT_TRUE(called->history.front().window.empty());
    // Read back the same.
    Case again = store->get(first.id);
    ASSERT_TRUE(again.call);
    EXPECT_EQ(again.call->window, "3");
    EXPECT_EQ(again.history.back().window, "3");
    EXPECT_TRUE(store->check().ok);
}

TEST_P(CallBook, EachCallTakesAnotherVisitUntilNobodyWaits)
{
    add("一");
    add("二");
    add("三");
    EXPECT_EQ(next("1"), "A-001");
    EXPECT_EQ(next("2"), "A-002");
    EXPECT_EQ(next("1"), "A-003");
    EXPECT_EQ(next("1"), "nobody");
    EXPECT_EQ(next("2"), "nobody");
}

TEST_P(CallBook, AWindowCallsOnlyVisitsForItsKindsOfWork)
{
    add("一", {P::Reissue});
    add("二", {P::PinReset});
    add("三", {P::Reissue, P::CertRenewal});
    EXPECT_EQ(next("5", {P::CertRenewal, P::PinReset}), "A-002");
    EXPECT_EQ(next("5", {P::CertRenewal, P::PinReset}), "A-003");
    EXPECT_EQ(next("5", {P::CertRenewal, P::PinReset}), "nobody");
    EXPECT_EQ(next("1"), "A-001");
}

TEST_P(CallBook, AVisitBegunOrClosedIsNotInTheQueue)
{
    Case begun = add("一");
    Case withdrawn = add("二");
    add("三");
    store->changeStatus(begun.id, S::InProgress, "", kClerk);
    store->changeStatus(withdrawn.id, S::Withdrawn, "本人都合", kClerk);
    EXPECT_EQ(next("1"), "A-003");
    EXPECT_EQ(next("1"), "nobody");
}

TEST_P(CallBook, CallAgainAnnouncesTheStandingCallAtItsWindow)
{
    Case c = add("一");
    EXPECT_THROW(store->callAgain(c.id, kWindow3), RuleViolation); // not called yet
    store->callNext(windowCall("3"), kWindow3);
    Case again = store->callAgain(c.id, db::Actor{"tanaka"});
    EXPECT_EQ(again.history.back().kind, HistoryKind::CalledAgain);
    EXPECT_EQ(again.history.back().window, "3");
    EXPECT_EQ(again.history.back().actor, "tanaka");
    ASSERT_TRUE(again.call);
    EXPECT_EQ(again.call->kind, CallState::Kind::Called);
    EXPECT_EQ(again.window, "3");
}

TEST_P(CallBook, NotHereSendsTheNumberBackForTheSetTime)
{
    Case away = add("一");
    add("二");
    store->callNext(windowCall("3"), kWindow3);
    Case sent = store->markAbsent(away.id, kWindow3);
    ASSERT_TRUE(sent.call);
    EXPECT_EQ(sent.call->kind, CallState::Kind::SentBack);
    EXPECT_EQ(sent.history.back().kind, HistoryKind::Absent);
    EXPECT_EQ(sent.history.back().window, "3");
    // Back in ten minutes (the default): not before.
    auto back = epochSeconds(sent.call->backAt), called = epochSeconds(sent.history.back().at);
    ASSERT_TRUE(back && called);
    EXPECT_EQ(*back - *called, 10 * 60);
    EXPECT_EQ(next("3"), "A-002");
    EXPECT_EQ(next("3"), "nobody");
    // Sent back twice is refused: it is not called now.
    EXPECT_THROW(store->markAbsent(away.id, kWindow3), RuleViolation);
    EXPECT_THROW(store->callAgain(away.id, kWindow3), RuleViolation);
}

TEST_P(CallBook, ANumberBackFromAbsenceKeepsItsPlaceByArrival)
{
    store->setCallSettings(CallSettings{QueueOrder::Arrival, 0}, kAdmin); // back at once
    Case away = add("一");
    add("二");
    store->callNext(windowCall("3"), kWindow3);
    store->markAbsent(away.id, kWindow3);
    EXPECT_EQ(next("4"), "A-001"); // it arrived first
    Case again = store->get(away.id);
    ASSERT_TRUE(again.call);
    EXPECT_EQ(again.call->kind, CallState::Kind::Called);
    EXPECT_EQ(again.call->window, "4");
    EXPECT_EQ(again.window, "4");
    EXPECT_EQ(next("4"), "A-002");
}

TEST_P(CallBook, NotHereIsRefusedOnceTheResidentCame)
{
    Case c = add("一");
    store->callNext(windowCall("3"), kWindow3);
    store->changeStatus(c.id, S::InProgress, "", kWindow3);
    EXPECT_THROW(store->markAbsent(c.id, kWindow3), RuleViolation);
    // Call again still works while it is being served (the resident wandered off to the machine).
    EXPECT_EQ(store->callAgain(c.id, kWindow3).history.back().kind, HistoryKind::CalledAgain);
}

TEST_P(CallBook, AChosenNumberIsCalledAsTyped)
{
    add("一");
    Case second = add("二");
    Case c = store->callNumber("ａ－２", "6", kWindow3); // full width, no leading zeros
    EXPECT_EQ(c.id, second.id);
    EXPECT_EQ(c.window, "6");
    EXPECT_EQ(c.history.back().kind, HistoryKind::Called);
    // Called at window 6: window 7 cannot take it, window 6 may call it afresh.
    try {
        store->callNumber("A-002", "7", kWindow3);
        FAIL() << "taken from window 6";
    } catch (const RuleViolation& e) {
        EXPECT_NE(std::string(e.what()).find("window 6"), std::string::npos) << e.what();
    }
    EXPECT_NO_THROW(store->callNumber("A-002", "6", kWindow3));
    // The next call does not take it again.
    EXPECT_EQ(next("7"), "A-001");
    EXPECT_THROW(store->callNumber("A-099", "6", kWindow3), NotFound);
    EXPECT_THROW(store->callNumber("twelve", "6", kWindow3), ValidationError);
    EXPECT_THROW(store->callNumber("A-001", "", kWindow3), ValidationError);
    EXPECT_THROW(store->callNumber("A-001", "3\n4", kWindow3), ValidationError);
}

TEST_P(CallBook, AHeldVisitMayBeCalledByNumberWhenTheResidentIsBack)
{
    Case c = add("一");
    store->changeStatus(c.id, S::Waiting, "書類を取りに帰宅", kClerk);
    EXPECT_EQ(next("3"), "nobody"); // on hold: not in the queue
    Case called = store->callNumber(c.receptionNumber, "3", kWindow3);
    EXPECT_EQ(called.status, S::Waiting);
    EXPECT_EQ(called.call->window, "3");
    store->changeStatus(c.id, S::Done, "", kWindow3);
    EXPECT_THROW(store->callNumber(c.receptionNumber, "3", kWindow3), RuleViolation); // closed
    EXPECT_THROW(store->callAgain(c.id, kWindow3), RuleViolation);
}

TEST_P(CallBook, OnlyTodaysVisitsOfThisOfficeAreCalled)
{
    db::ImportedCase yesterday;
    yesterday.draft = visit("昨日");
    yesterday.receivedAt = toIso(now().localDay - boost::gregorian::days(1)) + "T09:00:00+09:00";
    auto ids = store->importCases({yesterday}, kClerk);
    db::StoreOptions east;
    east.office = "east";
    auto eastStore = db::openStore(book->url(), east);
    eastStore->add(visit("東"), kClerk);
    EXPECT_EQ(next("1"), "nobody");
    EXPECT_THROW(store->callNumber("A-001", "1", kWindow3), NotFound); // east's A-001 is not ours
    EXPECT_THROW(store->callNumber(store->get(ids[0]).receptionNumber, "1", kWindow3), NotFound);
    auto eastCall = eastStore->callNext(windowCall("1"), kWindow3);
    ASSERT_TRUE(eastCall);
    EXPECT_EQ(eastCall->resident.name, "東");
}

TEST_P(CallBook, EveryCallIsAuditedWithoutPersonalData)
{
    Case c = add("山田 太郎");
    store->callNext(windowCall("3"), kWindow3);
    store->callAgain(c.id, kWindow3);
    store->markAbsent(c.id, kWindow3);
    std::vector<std::string> calls;
    for (const auto& e : store->audit().auditDay(now().localDay, kAdmin))
        if (e.action == audit_actions::kCall) {
            EXPECT_EQ(e.caseId, c.id);
            EXPECT_EQ(e.user, "suzuki");
            calls.push_back(e.detail.substr(0, e.detail.find(" back ")));
            EXPECT_EQ(e.detail.find("山田"), std::string::npos);
        }
    EXPECT_EQ(calls, (std::vector<std::string>{"called 3", "called-again 3", "absent 3"}));
    EXPECT_TRUE(store->audit().verifyAudit().ok);
}

TEST_P(CallBook, AStaleEditCannotUndoACall)
{
    Case c = add("一");
    store->callNext(windowCall("3"), kWindow3);
    c.notes = "古い画面から";
    EXPECT_THROW(store->update(c, kClerk), ConflictError);
    EXPECT_EQ(store->get(c.id).window, "3");
}

TEST_P(CallBook, SettingsAreTheOfficesAndOnlyAnAdministratorChangesThem)
{
    CallSettings defaults = store->callSettings();
    EXPECT_EQ(defaults.order, QueueOrder::BookedFirst);
    EXPECT_EQ(defaults.absentMinutes, 10);
    EXPECT_THROW(store->setCallSettings(CallSettings{QueueOrder::Arrival, 5}, kClerk), AccessDenied);
    EXPECT_THROW(store->setCallSettings(CallSettings{QueueOrder::Arrival, 500}, kAdmin), ValidationError);
    store->setCallSettings(CallSettings{QueueOrder::Arrival, 5}, kAdmin);
    CallSettings read = db::openStore(book->url())->callSettings(); // another window sees them
    EXPECT_EQ(read.order, QueueOrder::Arrival);
    EXPECT_EQ(read.absentMinutes, 5);
    bool audited = false;
    for (const auto& e : store->audit().auditDay(now().localDay, kAdmin))
        audited |= e.action == audit_actions::kSettings && e.detail == "call.absent_minutes=5 call.order=arrival";
    EXPECT_TRUE(audited);
}

TEST_P(CallBook, AnotherWindowSeesACallAsACall)
{
    Case c = add("一");
    auto feed = db::openStore(book->url())->subscribe();
    store->callNext(windowCall("3"), kWindow3);
    std::vector<db::ChangeEvent> seen;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (seen.empty() && std::chrono::steady_clock::now() < deadline)
        seen = feed->poll(std::chrono::milliseconds(200));
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].id, c.id);
    EXPECT_EQ(seen[0].kind, db::ChangeKind::Called);
}

TEST_P(CallBook, TheCallingWindowMustBeNamed)
{
    add("一");
    EXPECT_THROW(store->callNext(windowCall(" "), kClerk), ValidationError);
    EXPECT_THROW(store->callNext(windowCall("12345678901234567"), kClerk), ValidationError);
    EXPECT_EQ(next("3"), "A-001"); // nothing was taken by the refused calls
}
