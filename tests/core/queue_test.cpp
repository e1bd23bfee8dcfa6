// The call order and the waiting times: who is called next, and how long residents waited.
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/queue/call_settings.hpp"
#include "core/queue/queue_order.hpp"
#include "core/queue/wait_times.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;

namespace {

constexpr std::int64_t kNine = 1'796'000'400; // some morning, 09:00 in seconds since the epoch

std::int64_t at(int minutes)
{
    return kNine + minutes * 60;
}

QueueEntry entry(CaseId id, int arrivedMinute, std::vector<Procedure> procedures = {Procedure::Reissue})
{
    QueueEntry e;
    e.id = id;
    e.receptionNumber = "A-" + std::to_string(id);
    e.receivedAt = at(arrivedMinute);
    e.procedures = std::move(procedures);
    return e;
}

std::vector<CaseId> ids(const std::vector<const QueueEntry*>& order)
{
    std::vector<CaseId> out;
    for (const auto* e : order)
        out.push_back(e->id);
    return out;
}

} // namespace

TEST(QueueOrder, WalkInsAreCalledByArrival)
{
    std::vector<QueueEntry> q{entry(3, 10), entry(1, 2), entry(2, 5)};
    EXPECT_EQ(ids(callOrder(q, QueueOrder::BookedFirst, at(30))), (std::vector<CaseId>{1, 2, 3}));
    EXPECT_EQ(ids(callOrder(q, QueueOrder::Arrival, at(30))), (std::vector<CaseId>{1, 2, 3}));
}

TEST(QueueOrder, SameSecondKeepsTheOrderOfTaking)
{
    std::vector<QueueEntry> q{entry(8, 5), entry(7, 5)};
    EXPECT_EQ(ids(callOrder(q, QueueOrder::Arrival, at(6))), (std::vector<CaseId>{7, 8}));
}

TEST(QueueOrder, ABookingWhoseTimeHasComeGoesFirstOnlyInBookedFirstOrder)
{
    auto booked = entry(5, 20);
    booked.bookedAt = at(30); // came 10 minutes early for a 09:30 booking
    std::vector<QueueEntry> q{entry(1, 0), entry(2, 10), booked, entry(6, 25)};
    // Before its time the booking waits as a walk-in, by arrival.
    EXPECT_EQ(ids(callOrder(q, QueueOrder::BookedFirst, at(29))), (std::vector<CaseId>{1, 2, 5, 6}));
    // From its time on it is called before every walk-in.
    EXPECT_EQ(ids(callOrder(q, QueueOrder::BookedFirst, at(30))), (std::vector<CaseId>{5, 1, 2, 6}));
    // Arrival order ignores bookings.
    EXPECT_EQ(ids(callOrder(q, QueueOrder::Arrival, at(30))), (std::vector<CaseId>{1, 2, 5, 6}));
}

TEST(QueueOrder, DueBookingsGoByTheirStartTime)
{
    auto early = entry(4, 40);
    early.bookedAt = at(30);
    auto later = entry(3, 20);
    later.bookedAt = at(45);
    std::vector<QueueEntry> q{later, early, entry(1, 0)};
    EXPECT_EQ(ids(callOrder(q, QueueOrder::BookedFirst, at(50))), (std::vector<CaseId>{4, 3, 1}));
}

TEST(QueueOrder, ANumberSentBackWaitsUntilItsTimeThenKeepsItsPlace)
{
    auto away = entry(1, 0);
    away.backAt = at(40);
    std::vector<QueueEntry> q{away, entry(2, 10)};
    EXPECT_EQ(ids(callOrder(q, QueueOrder::Arrival, at(39))), (std::vector<CaseId>{2}));
    EXPECT_EQ(ids(callOrder(q, QueueOrder::Arrival, at(40))), (std::vector<CaseId>{1, 2}));
}

TEST(QueueOrder, AWindowTakesOnlyVisitsWithOneOfItsProcedures)
{
    std::vector<QueueEntry> q{entry(1, 0, {Procedure::Reissue}), entry(2, 1, {Procedure::PinReset}),
                              entry(3, 2, {Procedure::Reissue, Procedure::CertRenewal})};
    WindowWork certificates{{Procedure::CertRenewal, Procedure::PinReset}};
    EXPECT_EQ(ids(callOrderFor(q, certificates, QueueOrder::Arrival, at(5))), (std::vector<CaseId>{2, 3}));
    EXPECT_EQ(ids(callOrderFor(q, WindowWork{}, QueueOrder::Arrival, at(5))), (std::vector<CaseId>{1, 2, 3}));
    EXPECT_TRUE(callOrderFor(q, WindowWork{{Procedure::Suspension}}, QueueOrder::Arrival, at(5)).empty());
}

TEST(QueueOrder, IdsRoundTripAndUnknownOnesAreRefusedByName)
{
    for (QueueOrder o : allQueueOrders())
        EXPECT_EQ(parseQueueOrder(queueOrderId(o)), o);
    try {
        parseQueueOrder("random");
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("booked-first"), std::string::npos) << e.what();
    }
}

TEST(CallSettings, AbsentMinutesOutOfRangeAreRefused)
{
    EXPECT_NO_THROW(validate(CallSettings{QueueOrder::Arrival, 0}));
    EXPECT_NO_THROW(validate(CallSettings{QueueOrder::Arrival, kMaxAbsentMinutes}));
    EXPECT_THROW(validate(CallSettings{QueueOrder::Arrival, -1}), ValidationError);
    EXPECT_THROW(validate(CallSettings{QueueOrder::Arrival, kMaxAbsentMinutes + 1}), ValidationError);
}

TEST(WaitTimes, TheAnsweredCallIsTheStartOfTheLastRoundNotSentBack)
{
    using K = HistoryKind;
    EXPECT_FALSE(answeredCallAt(std::vector<CallMark>{}));
    EXPECT_EQ(answeredCallAt(std::vector<CallMark>{{at(10), K::Called}}), at(10));
    // Called, announced again, answered: the round began at the first call.
    EXPECT_EQ(answeredCallAt(std::vector<CallMark>{{at(10), K::Called}, {at(11), K::CalledAgain}}), at(10));
    // Not there; called again later and answered: the second round.
    EXPECT_EQ(answeredCallAt(std::vector<CallMark>{
                  {at(10), K::Called}, {at(12), K::Absent}, {at(25), K::Called}, {at(26), K::CalledAgain}}),
              at(25));
    // Not there and not called since: no answer yet.
    EXPECT_FALSE(answeredCallAt(std::vector<CallMark>{{at(10), K::Called}, {at(12), K::Absent}}));
}

TEST(WaitTimes, WaitAndServiceOfAVisit)
{
    std::vector<CallMark> calls{{at(20), HistoryKind::Called}};
    auto w = visitWaits(at(0), calls, at(35));
    EXPECT_DOUBLE_EQ(*w.waitMinutes, 20);
    EXPECT_DOUBLE_EQ(*w.serviceMinutes, 15);
    auto notDone = visitWaits(at(0), calls, std::nullopt);
    EXPECT_DOUBLE_EQ(*notDone.waitMinutes, 20);
    EXPECT_FALSE(notDone.serviceMinutes);
    EXPECT_FALSE(visitWaits(at(0), std::vector<CallMark>{}, at(35)).waitMinutes);
}

TEST(WaitTimes, FromAStoredVisitsHistory)
{
    Case c;
    c.procedure = Procedure::PinReset;
    c.procedures = {{Procedure::PinReset, CaseStatus::Done}};
    c.status = CaseStatus::Done;
    c.createdAt = "2026-12-02T09:00:00+09:00";
    c.history = {
        {"2026-12-02T09:00:00+09:00", "a", std::nullopt, CaseStatus::Received, "", std::nullopt},
        {"2026-12-02T09:12:00+09:00", "a", std::nullopt, CaseStatus::Received, "", std::nullopt, HistoryKind::Called,
         "3"},
        {"2026-12-02T09:13:00+09:00", "a", CaseStatus::Received, CaseStatus::InProgress, "", Procedure::PinReset},
        {"2026-12-02T09:30:00+09:00", "a", CaseStatus::InProgress, CaseStatus::Done, "", Procedure::PinReset}};
    auto w = visitWaits(c);
    EXPECT_DOUBLE_EQ(*w.waitMinutes, 12);
    EXPECT_DOUBLE_EQ(*w.serviceMinutes, 18);
    auto t = timedVisit(c);
    EXPECT_EQ(t.hour, 9);
    EXPECT_EQ(t.procedures, (std::vector<Procedure>{Procedure::PinReset}));
}

TEST(WaitTimes, TablesCountEachProcedureOfAVisitAndByHourOfArrival)
{
    std::vector<TimedVisit> visits{
        {{Procedure::PinReset, Procedure::CertRenewal}, 9, {20.0, 10.0}},
        {{Procedure::PinReset}, 9, {40.0, std::nullopt}},
        {{Procedure::Reissue}, 10, {5.0, 30.0}},
        {{Procedure::Reissue}, 10, {std::nullopt, std::nullopt}}, // still waiting: not counted
    };
    auto t = tabulateWaits(visits);
    EXPECT_EQ(t.all.wait.count, 3);
    EXPECT_DOUBLE_EQ(*t.all.wait.averageMinutes(), 65.0 / 3);
    EXPECT_DOUBLE_EQ(t.all.wait.longestMinutes, 40);
    EXPECT_EQ(t.all.service.count, 2);
    EXPECT_EQ(t.byProcedure[Procedure::PinReset].wait.count, 2);
    EXPECT_DOUBLE_EQ(*t.byProcedure[Procedure::PinReset].wait.averageMinutes(), 30);
    EXPECT_EQ(t.byProcedure[Procedure::CertRenewal].wait.count, 1);
    EXPECT_EQ(t.byHour[9].wait.count, 2);
    EXPECT_DOUBLE_EQ(*t.byHour[10].wait.averageMinutes(), 5);
    const std::pair<Procedure, int> reissueAtTen{Procedure::Reissue, 10};
    EXPECT_DOUBLE_EQ(*t.byProcedureHour[reissueAtTen].service.averageMinutes(), 30);
    EXPECT_FALSE(WaitFigure{}.averageMinutes());
}

TEST(WaitTimes, LocalHourIsTheHallClocks)
{
    EXPECT_EQ(localHourOf("2026-12-02T09:59:59+09:00"), 9);
    EXPECT_EQ(localHourOf("2026-12-02T17:00:00-05:00"), 17);
    EXPECT_EQ(localHourOf("garbage"), 0);
}

TEST(IsoTime, EpochAndBack)
{
    auto e = epochSeconds("2026-12-02T10:05:00+09:00");
    ASSERT_TRUE(e);
    EXPECT_EQ(timestampAt(*e, 540), "2026-12-02T10:05:00+09:00");
    EXPECT_EQ(timestampAt(*e, 0), "2026-12-02T01:05:00+00:00");
    EXPECT_EQ(offsetMinutesOf("2026-12-02T10:05:00-03:30"), -210);
}
