// The two-visit route (照会書方式, issue #14) in the case book, on both backends: a line moved to
// 照会書回答待ち keeps the day the inquiry letter was mailed (migration 010), it survives a reload
// and the second visit, the visits waiting are found from any day, and the mailing day is refused
// where the lifecycle says so.
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "db/case_store.hpp"
#include "tests/db/store_fixture.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;
using S = CaseStatus;
using P = Procedure;
using boost::gregorian::date;

namespace {

db::StatusChange toAwaiting(std::optional<P> line, std::optional<date> mailed)
{
    db::StatusChange c{S::AwaitingAnswer, "", line, std::nullopt};
    c.mailedOn = mailed;
    return c;
}

CaseDraft proxyVisit(std::initializer_list<P> procedures)
{
    CaseDraft d = draft("山田 太郎", "ヤマダ タロウ");
    d.applicant.type = ApplicantType::Proxy;
    d.applicant.proxyName = "山田 花子";
    setProcedures(d, std::vector<P>(procedures));
    return d;
}

} // namespace

class InquiryBook : public BackendTest {};
MADOGUCHI_ON_BOTH_BACKENDS(InquiryBook);

TEST_P(InquiryBook, TheFirstVisitEndsAwaitingTheAnswerWithItsMailingDay)
{
    const date today = now().localDay;
    Case c = store->add(proxyVisit({P::PinReset, P::CertRenewal}), kClerk);
    c = store->changeStatus(c.id, toAwaiting(P::PinReset, today), kClerk);
    ASSERT_EQ(c.procedures.size(), 2u);
    EXPECT_EQ(c.procedures[0].status, S::AwaitingAnswer);
    EXPECT_EQ(c.procedures[0].mailedOn, today);
    EXPECT_FALSE(c.procedures[1].mailedOn);
    EXPECT_EQ(c.history.back().reason, "照会書郵送 " + toIso(today));
    // The certificate renewal is done the same day; the visit then waits on the letter alone.
    store->changeStatus(c.id, {S::InProgress, "", P::CertRenewal, std::nullopt}, kClerk);
    c = store->changeStatus(c.id, {S::Done, "", P::CertRenewal, std::nullopt}, kClerk);
    EXPECT_EQ(c.status, S::AwaitingAnswer);

    // Read back by a store of its own: the day is in the book.
    auto other = db::openStore(book->url());
    Case read = other->get(c.id);
    EXPECT_EQ(read.procedures[0].mailedOn, today);
    EXPECT_EQ(read.status, S::AwaitingAnswer);

    // The second visit: taken up, then done; the mailing day stays on the line.
    read = other->changeStatus(c.id, {S::InProgress, "", P::PinReset, read.version}, kClerk);
    EXPECT_EQ(read.procedures[0].status, S::InProgress);
    EXPECT_EQ(read.procedures[0].mailedOn, today);
    read = other->changeStatus(c.id, {S::Done, "", P::PinReset, std::nullopt}, kClerk);
    EXPECT_EQ(read.status, S::Done);
    EXPECT_EQ(store->get(c.id).procedures[0].mailedOn, today);
    EXPECT_TRUE(store->check().ok);
}

TEST_P(InquiryBook, TheVisitsAwaitingAnAnswerAreFoundFromAnyDay)
{
    const date today = now().localDay;
    // An earlier day's visit, imported as it stood: its PIN reset waits on the letter.
    CaseDraft d = proxyVisit({P::PinReset, P::CertRenewal});
    d.procedures[0].status = S::AwaitingAnswer;
    d.procedures[0].mailedOn = date(2026, 11, 20);
    d.procedures[1].status = S::Done;
    auto ids = store->importCases({{d, "2026-11-20T10:00:00+09:00", S::Received}}, kClerk);
    Case earlier = store->get(ids.at(0));
    EXPECT_EQ(earlier.procedures[0].mailedOn, date(2026, 11, 20));
    EXPECT_EQ(earlier.status, S::AwaitingAnswer);
    // Today's: one waiting, one not.
    Case waiting = store->add(proxyVisit({P::CardInfoChange}), kClerk);
    store->changeStatus(waiting.id, toAwaiting(std::nullopt, today), kClerk);
    store->add(proxyVisit({P::PinReset}), kClerk);

    db::CaseQuery q;
    q.lineStatus = S::AwaitingAnswer;
    auto found = store->search(q);
    ASSERT_EQ(found.size(), 2u);
    // By name (another script) and by birth, among those waiting: the second visit's lookup.
    q.text = "やまだ";
    EXPECT_EQ(store->search(q).size(), 2u);
    q.text = "1970-05-20";
    EXPECT_EQ(store->search(q).size(), 2u);
    q.text = earlier.receptionNumber; // a number of an earlier day: no day given, the whole book
    bool sawEarlier = false;
    for (const auto& r : store->search(q))
        sawEarlier |= r.id == earlier.id;
    EXPECT_TRUE(sawEarlier);
}

TEST_P(InquiryBook, AMailingDayIsRefusedWhereTheLifecycleSaysSoAndNothingIsWritten)
{
    const date today = now().localDay;
    Case c = store->add(proxyVisit({P::PinReset}), kClerk);
    EXPECT_THROW(store->changeStatus(c.id, toAwaiting(std::nullopt, std::nullopt), kClerk), ValidationError);
    EXPECT_THROW(store->changeStatus(c.id, toAwaiting(std::nullopt, today - boost::gregorian::days(1)), kClerk),
                 ValidationError);
    EXPECT_THROW(store->changeStatus(c.id, toAwaiting(std::nullopt, today + boost::gregorian::days(30)), kClerk),
                 ValidationError);
    db::StatusChange start{S::InProgress, "", std::nullopt, std::nullopt};
    start.mailedOn = today;
    EXPECT_THROW(store->changeStatus(c.id, start, kClerk), ValidationError);
    Case after = store->get(c.id);
    EXPECT_EQ(after.version, c.version);
    EXPECT_EQ(after.procedures[0].status, S::Received);
    EXPECT_FALSE(after.procedures[0].mailedOn);
}
