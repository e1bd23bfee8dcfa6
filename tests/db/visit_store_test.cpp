// The case book's promises about visits of several procedures, kept by every backend: adding,
// moving each line on, the whole visit at once, reopening one line, history, search, conflicts,
// edits that add a line, imports and live refresh.
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "db/audit_log.hpp"
#include "db/case_store.hpp"
#include "tests/db/store_fixture.hpp"

#include <chrono>
#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;
using S = CaseStatus;
using P = Procedure;

namespace {

CaseDraft visitDraft(std::initializer_list<P> procedures, const std::string& name = "山田 太郎",
                     const std::string& kana = "ヤマダ タロウ")
{
    CaseDraft d = draft(name, kana);
    setProcedures(d, std::vector<P>(procedures));
    return d;
}

std::vector<S> statuses(const Case& c)
{
    std::vector<S> out;
    for (const auto& l : c.procedures)
        out.push_back(l.status);
    return out;
}

db::StatusChange move(S to, std::optional<P> line = std::nullopt, std::string reason = "")
{
    return {to, std::move(reason), line, std::nullopt};
}

const db::Actor kSupervisor{"sato", Role::Supervisor};

} // namespace

class VisitBook : public BackendTest {};
MADOGUCHI_ON_BOTH_BACKENDS(VisitBook);

TEST_P(VisitBook, AVisitOfTwoProceduresIsOneCaseWithTwoLines)
{
    Case c = store->add(visitDraft({P::PinReset, P::CertRenewal}), kClerk);
    EXPECT_EQ(c.receptionNumber, "A-001");
    EXPECT_EQ(c.procedure, P::PinReset);
    ASSERT_EQ(c.procedures.size(), 2u);
    EXPECT_EQ(c.procedures[1].procedure, P::CertRenewal);
    EXPECT_EQ(statuses(c), (std::vector<S>{S::Received, S::Received}));
    EXPECT_EQ(c.status, S::Received);
    // One reception for the visit, no procedure named.
    ASSERT_EQ(c.history.size(), 1u);
    EXPECT_FALSE(c.history[0].procedure);
    EXPECT_FALSE(c.history[0].from);
    // A second visit takes the next number: one number per visit, not per procedure.
    EXPECT_EQ(store->add(visitDraft({P::Reissue}), kClerk).receptionNumber, "A-002");
    EXPECT_TRUE(store->check().ok);
}

TEST_P(VisitBook, AProcedureNamedTwiceIsRefusedAndNothingIsWritten)
{
    CaseDraft d = visitDraft({P::PinReset, P::CertRenewal});
    d.procedures.push_back({P::PinReset, S::Received});
    EXPECT_THROW(store->add(d, kClerk), ValidationError);
    EXPECT_EQ(store->check().caseCount, 0);
}

TEST_P(VisitBook, EachLineMovesOnByItselfWithItsOwnHistory)
{
    Case c = store->add(visitDraft({P::PinReset, P::CertRenewal}), kClerk);
    c = store->changeStatus(c.id, move(S::InProgress, P::CertRenewal), {"clerk2"});
    EXPECT_EQ(statuses(c), (std::vector<S>{S::Received, S::InProgress}));
    EXPECT_EQ(c.status, S::InProgress);
    EXPECT_EQ(c.version, 2);
    c = store->changeStatus(c.id, move(S::Done, P::CertRenewal), {"clerk2"});
    EXPECT_EQ(statuses(c), (std::vector<S>{S::Received, S::Done}));
    EXPECT_EQ(c.status, S::InProgress); // the PIN reset is still to do
    c = store->changeStatus(c.id, move(S::Waiting, P::PinReset, "照会書待ち"), {"clerk3"});
    EXPECT_EQ(c.status, S::Waiting); // the one open line waits
    c = store->changeStatus(c.id, move(S::Done, P::PinReset), {"clerk3"});
    EXPECT_EQ(c.status, S::Done);
    EXPECT_EQ(c.version, 5);

    ASSERT_EQ(c.history.size(), 5u);
    EXPECT_EQ(c.history[1].procedure, P::CertRenewal);
    EXPECT_EQ(*c.history[1].from, S::Received);
    EXPECT_EQ(c.history[1].to, S::InProgress);
    EXPECT_EQ(c.history[1].kind, HistoryKind::StatusChange);
    EXPECT_EQ(c.history[3].procedure, P::PinReset);
    EXPECT_EQ(c.history[3].reason, "照会書待ち");
    EXPECT_EQ(c.history[3].actor, "clerk3");
    auto pin = historyOf(c, P::PinReset);
    ASSERT_EQ(pin.size(), 3u); // the visit's reception, 保留, 完了
    EXPECT_EQ(pin[1].to, S::Waiting);
    EXPECT_EQ(historyOf(c, P::CertRenewal).size(), 3u);
    EXPECT_EQ(store->get(c.id).history.size(), 5u);
    EXPECT_TRUE(store->check().ok);
}

TEST_P(VisitBook, ALineTheLifecycleRefusesChangesNothingAndTheRefusalNamesIt)
{
    Case c = store->add(visitDraft({P::PinReset, P::CertRenewal}), kClerk);
    try {
        store->changeStatus(c.id, move(S::Done, P::CertRenewal), kClerk);
        FAIL() << "received → done was allowed";
    } catch (const RuleViolation& e) {
        EXPECT_NE(std::string(e.what()).find("cert-renewal"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("received → done"), std::string::npos) << e.what();
    }
    EXPECT_THROW(store->changeStatus(c.id, move(S::Waiting, P::PinReset), kClerk), RuleViolation); // no reason
    // A line the visit does not have.
    try {
        store->changeStatus(c.id, move(S::InProgress, P::Reissue), kClerk);
        FAIL() << "a line that is not there was moved";
    } catch (const NotFound& e) {
        EXPECT_NE(std::string(e.what()).find("reissue"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("pin-reset, cert-renewal"), std::string::npos) << e.what();
    }
    Case after = store->get(c.id);
    EXPECT_EQ(after.version, 1);
    EXPECT_EQ(after.history.size(), 1u);
    EXPECT_EQ(statuses(after), (std::vector<S>{S::Received, S::Received}));
}

TEST_P(VisitBook, AChangeForTheWholeVisitMovesEveryOpenLineOrNone)
{
    Case c = store->add(visitDraft({P::PinReset, P::CertRenewal, P::CardInfoChange}), kClerk);
    c = store->changeStatus(c.id, move(S::Withdrawn, P::CardInfoChange, "不要"), kClerk);
    // Every open line to 対応中; the withdrawn one stays.
    c = store->changeStatus(c.id, S::InProgress, "", kClerk);
    EXPECT_EQ(statuses(c), (std::vector<S>{S::InProgress, S::InProgress, S::Withdrawn}));
    EXPECT_EQ(c.version, 3);
    EXPECT_EQ(c.history.size(), 4u); // one entry per line moved
    c = store->changeStatus(c.id, move(S::Done, P::PinReset), kClerk);
    // Already there for one line, allowed for the other: the other moves.
    c = store->changeStatus(c.id, S::Done, "", kClerk);
    EXPECT_EQ(statuses(c), (std::vector<S>{S::Done, S::Done, S::Withdrawn}));
    EXPECT_EQ(c.status, S::Done);
    // Closed: refused as a closed case always was.
    try {
        store->changeStatus(c.id, S::InProgress, "", kClerk);
        FAIL();
    } catch (const RuleViolation& e) {
        EXPECT_NE(std::string(e.what()).find("reopen"), std::string::npos) << e.what();
    }

    // One line that may not move stops them all.
    Case d = store->add(visitDraft({P::PinReset, P::CertRenewal}), kClerk);
    d = store->changeStatus(d.id, move(S::InProgress, P::PinReset), kClerk);
    try {
        store->changeStatus(d.id, S::Done, "", kClerk);
        FAIL() << "received → done was allowed for the whole visit";
    } catch (const RuleViolation& e) {
        EXPECT_NE(std::string(e.what()).find("cert-renewal"), std::string::npos) << e.what();
    }
    Case after = store->get(d.id);
    EXPECT_EQ(statuses(after), (std::vector<S>{S::InProgress, S::Received}));
    EXPECT_EQ(after.version, d.version);
    // Every open line already there.
    store->changeStatus(d.id, move(S::InProgress, P::CertRenewal), kClerk);
    try {
        store->changeStatus(d.id, S::InProgress, "", kClerk);
        FAIL();
    } catch (const RuleViolation& e) {
        EXPECT_NE(std::string(e.what()).find("already in-progress"), std::string::npos) << e.what();
    }
}

TEST_P(VisitBook, ReopeningIsOfOneLine)
{
    Case c = store->add(visitDraft({P::PinReset, P::CertRenewal}), kClerk);
    store->changeStatus(c.id, S::InProgress, "", kClerk);
    c = store->changeStatus(c.id, S::Done, "", kClerk);
    ASSERT_EQ(c.status, S::Done);
    EXPECT_THROW(store->reopen(c.id, "証明書の再発行", kClerk, P::CertRenewal), AccessDenied);
    // Several lines: the one to reopen is named.
    EXPECT_THROW(store->reopen(c.id, "証明書の再発行", kSupervisor), ValidationError);
    EXPECT_THROW(store->reopen(c.id, "", kSupervisor, P::CertRenewal), RuleViolation);
    Case r = store->reopen(c.id, "証明書の再発行", kSupervisor, P::CertRenewal);
    EXPECT_EQ(statuses(r), (std::vector<S>{S::Done, S::InProgress}));
    EXPECT_EQ(r.status, S::InProgress);
    EXPECT_EQ(r.history.back().kind, HistoryKind::Reopen);
    EXPECT_EQ(r.history.back().procedure, P::CertRenewal);
    EXPECT_NE(r.history.back().reason.find("証明書の再発行"), std::string::npos);
    // An open line is not reopened.
    EXPECT_THROW(store->reopen(c.id, "x", kSupervisor, P::CertRenewal), RuleViolation);
}

TEST_P(VisitBook, AStaleCopyOfTheVisitIsAConflictForEveryLine)
{
    Case c = store->add(visitDraft({P::PinReset, P::CertRenewal}), kClerk);
    store->changeStatus(c.id, {S::InProgress, "", P::PinReset, c.version}, {"clerk2"});
    // Another window still holds version 1: its change to the other line is refused too.
    try {
        store->changeStatus(c.id, {S::InProgress, "", P::CertRenewal, c.version}, kClerk);
        FAIL() << "a stale version was accepted";
    } catch (const ConflictError& e) {
        EXPECT_NE(std::string(e.what()).find(std::to_string(c.id)), std::string::npos) << e.what();
    }
    Case now = store->get(c.id);
    EXPECT_EQ(statuses(now), (std::vector<S>{S::InProgress, S::Received}));
    EXPECT_EQ(now.version, 2);
    // With the fresh version it goes through.
    now = store->changeStatus(c.id, {S::InProgress, "", P::CertRenewal, now.version}, kClerk);
    EXPECT_EQ(now.version, 3);
    // An edit of the stale copy is refused as well.
    c.notes = "古い";
    EXPECT_THROW(store->update(c, kClerk), ConflictError);
}

TEST_P(VisitBook, AnEditMayAddAProcedureButNeverDropOrChangeOne)
{
    Case c = store->add(visitDraft({P::PinReset}), kClerk);
    c = store->changeStatus(c.id, S::InProgress, "", kClerk);
    Case more = c;
    more.procedures.push_back({P::CertRenewal, S::Done}); // its status is not taken: a new line is 受付
    more.notes = "証明書も";
    Case saved = store->update(more, kClerk);
    ASSERT_EQ(saved.procedures.size(), 2u);
    EXPECT_EQ(saved.procedures[1].procedure, P::CertRenewal);
    EXPECT_EQ(saved.procedures[1].status, S::Received);
    EXPECT_EQ(saved.notes, "証明書も");
    EXPECT_EQ(saved.version, c.version + 1);
    ASSERT_EQ(saved.history.size(), 4u);
    EXPECT_EQ(saved.history[2].kind, HistoryKind::Edit);
    EXPECT_FALSE(saved.history[2].procedure);
    EXPECT_EQ(saved.history[3].procedure, P::CertRenewal);
    EXPECT_FALSE(saved.history[3].from);
    EXPECT_TRUE(store->check().ok); // the visit's count of lines went with it
    db::CaseQuery today;
    today.day = now().localDay;
    ASSERT_EQ(store->search(today).at(0).procedures.size(), 2u);

    Case dropped = saved;
    dropped.procedures.pop_back();
    EXPECT_THROW(store->update(dropped, kClerk), RuleViolation);
    Case changed = saved;
    changed.procedures[1].procedure = P::Reissue;
    EXPECT_THROW(store->update(changed, kClerk), RuleViolation);
    Case firstChanged = saved;
    firstChanged.procedure = P::Reissue;
    EXPECT_THROW(store->update(firstChanged, kClerk), ValidationError); // not the first of its lines
    Case twice = saved;
    twice.procedures.push_back({P::PinReset, S::Received});
    EXPECT_THROW(store->update(twice, kClerk), ValidationError);
    EXPECT_EQ(store->get(c.id).version, saved.version);

    // Closed: reopened before it is edited.
    store->changeStatus(c.id, move(S::Done, P::PinReset), kClerk);
    saved = store->changeStatus(c.id, move(S::InProgress, P::CertRenewal), kClerk);
    saved = store->changeStatus(c.id, move(S::Done, P::CertRenewal), kClerk);
    saved.notes = "閉じた後";
    EXPECT_THROW(store->update(saved, kClerk), RuleViolation);
}

TEST_P(VisitBook, SearchFindsAVisitByAnyOfItsProceduresAndListsThemAll)
{
    Case both = store->add(visitDraft({P::PinReset, P::CertRenewal}), kClerk);
    Case reissue = store->add(visitDraft({P::Reissue}, "佐藤 花子", "サトウ ハナコ"), kClerk);
    Case cert = store->add(visitDraft({P::CertRenewal}, "鈴木 一郎", "スズキ イチロウ"), kClerk);
    store->changeStatus(both.id, move(S::InProgress, P::CertRenewal), kClerk);

    auto ids = [&](db::CaseQuery q) {
        std::vector<CaseId> out;
        for (const auto& s : store->search(q))
            out.push_back(s.id);
        std::sort(out.begin(), out.end());
        return out;
    };
    db::CaseQuery q;
    q.procedure = P::CertRenewal; // the second line counts as much as the first
    EXPECT_EQ(ids(q), (std::vector<CaseId>{both.id, cert.id}));
    q.procedure = P::PinReset;
    EXPECT_EQ(ids(q), (std::vector<CaseId>{both.id}));
    // With a status: a line of that procedure at that status.
    q.procedure = P::PinReset;
    q.status = S::Received;
    EXPECT_EQ(ids(q), (std::vector<CaseId>{both.id}));
    q.procedure = P::CertRenewal;
    EXPECT_EQ(ids(q), (std::vector<CaseId>{cert.id}));
    // A status alone is the visit's.
    q.procedure.reset();
    q.status = S::InProgress;
    EXPECT_EQ(ids(q), (std::vector<CaseId>{both.id}));
    q.status = S::Received;
    EXPECT_EQ(ids(q), (std::vector<CaseId>{reissue.id, cert.id}));

    // The day's list carries every line of each visit, in order, with its status.
    db::CaseQuery today;
    today.day = now().localDay;
    auto rows = store->search(today);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].id, both.id);
    EXPECT_EQ(rows[0].procedure, P::PinReset);
    ASSERT_EQ(rows[0].procedures.size(), 2u);
    EXPECT_EQ(rows[0].procedures[0].procedure, P::PinReset);
    EXPECT_EQ(rows[0].procedures[0].status, S::Received);
    EXPECT_EQ(rows[0].procedures[1].procedure, P::CertRenewal);
    EXPECT_EQ(rows[0].procedures[1].status, S::InProgress);
    EXPECT_EQ(rows[0].status, S::InProgress);
    EXPECT_EQ(rows[1].procedures.size(), 1u);
    // By name too.
    db::CaseQuery byName;
    byName.text = "やまだ";
    ASSERT_EQ(store->search(byName).size(), 1u);
    EXPECT_EQ(store->search(byName)[0].procedures.size(), 2u);
}

TEST_P(VisitBook, AnImportBringsEachLinesOwnStatus)
{
    std::vector<db::ImportedCase> in;
    db::ImportedCase two{visitDraft({P::PinReset, P::CertRenewal}), "2026-11-02T09:00:00+09:00", S::Received};
    two.draft.procedures[0].status = S::Done;
    two.draft.procedures[1].status = S::Waiting;
    in.push_back(two);
    in.push_back({draft("一", "イチ"), "2026-11-02T09:05:00+09:00", S::Withdrawn}); // one procedure: `status`
    auto ids = store->importCases(in, kClerk);
    Case c = store->get(ids[0]);
    EXPECT_EQ(statuses(c), (std::vector<S>{S::Done, S::Waiting}));
    EXPECT_EQ(c.status, S::Waiting);
    ASSERT_EQ(c.history.size(), 1u);
    EXPECT_EQ(c.history[0].to, S::Waiting);
    EXPECT_FALSE(c.history[0].procedure);
    Case one = store->get(ids[1]);
    EXPECT_EQ(statuses(one), (std::vector<S>{S::Withdrawn}));
    EXPECT_EQ(one.status, S::Withdrawn);
    db::CaseQuery q;
    q.procedure = P::CertRenewal;
    q.status = S::Waiting;
    ASSERT_EQ(store->search(q).size(), 1u);
    EXPECT_TRUE(store->check().ok);
    // A visit naming one procedure twice stops the whole import.
    db::ImportedCase bad{visitDraft({P::PinReset, P::CertRenewal}), "2026-11-03T09:00:00+09:00", S::Received};
    bad.draft.procedures[1].procedure = P::PinReset;
    EXPECT_THROW(store->importCases({in[1], bad}, kClerk), ValidationError);
    EXPECT_EQ(store->check().caseCount, 2);
}

TEST_P(VisitBook, EveryLineMovedIsAuditedWithIdsOnly)
{
    Case c = store->add(visitDraft({P::PinReset, P::CertRenewal}), kClerk);
    store->changeStatus(c.id, move(S::InProgress, P::CertRenewal), kClerk);
    store->changeStatus(c.id, S::InProgress, "", kClerk);
    auto day = store->audit().auditDay(now().localDay, kSupervisor);
    std::vector<std::string> details;
    for (const auto& e : day)
        if (e.caseId == c.id)
            details.push_back(e.action + " " + e.detail);
    ASSERT_EQ(details.size(), 3u);
    EXPECT_EQ(details[0], "case.create received pin-reset+cert-renewal");
    EXPECT_EQ(details[1], "case.status received→in-progress cert-renewal:received→in-progress");
    EXPECT_EQ(details[2], "case.status in-progress→in-progress pin-reset:received→in-progress");
    EXPECT_TRUE(store->audit().verifyAudit().ok);
}

// Live refresh: a line that moves while the visit's status stays is still a status change, and
// one change of two lines is one event.
TEST_P(VisitBook, AnotherWindowSeesEachLineMoveOnce)
{
    Case c = store->add(visitDraft({P::PinReset, P::CertRenewal}), kClerk);
    store->changeStatus(c.id, move(S::InProgress, P::PinReset), kClerk);
    auto feed = db::openStore(book->url())->subscribe();
    auto collect = [&] {
        std::vector<db::ChangeEvent> seen;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        while (seen.empty() && std::chrono::steady_clock::now() < deadline)
            seen = feed->poll(std::chrono::milliseconds(200));
        return seen;
    };
    store->changeStatus(c.id, move(S::InProgress, P::CertRenewal), kClerk); // the visit stays 対応中
    auto seen = collect();
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].id, c.id);
    EXPECT_EQ(seen[0].kind, db::ChangeKind::StatusChanged);
    store->changeStatus(c.id, S::Done, "", kClerk); // two lines in one change
    seen = collect();
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].kind, db::ChangeKind::StatusChanged);
    // A line added by an edit is an edit of a visit the window already shows.
    Case d = store->add(visitDraft({P::Reissue}), kClerk);
    seen = collect();
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].kind, db::ChangeKind::Added);
    d.procedures.push_back({P::PinReset, S::Received});
    store->update(d, kClerk);
    seen = collect();
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].id, d.id);
    EXPECT_EQ(seen[0].kind, db::ChangeKind::Edited);
}
