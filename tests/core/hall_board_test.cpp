// The hall's board from a snapshot: who is served at which window, the next numbers in the
// office's order, today's average wait per procedure, the latest calls.
#include "core/common/clock.hpp"
#include "core/queue/hall_board.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using S = CaseStatus;
using P = Procedure;

namespace {

std::string at(int minute)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "2026-12-02T%02d:%02d:00+09:00", 9 + minute / 60, minute % 60);
    return buf;
}

const std::int64_t kNow = 1796000400 + 3 * 3600; // 2026-12-02 12:00 JST

HallVisit visit(const std::string& number, int arrived, std::vector<P> procedures = {P::Reissue},
                S status = S::Received)
{
    HallVisit v;
    v.receptionNumber = number;
    v.receivedAt = at(arrived);
    v.status = status;
    for (P p : procedures)
        v.lines.push_back({p, status});
    return v;
}

CallState called(const std::string& window, int minute)
{
    return {CallState::Kind::Called, window, at(minute), ""};
}

} // namespace

TEST(HallBoard, ServingNextWaitsAndRecentCalls)
{
    HallSnapshot s;
    s.office = "main";
    s.day = "2026-12-02";
    auto a1 = visit("A-001", 0, {P::PinReset}, S::InProgress);
    a1.call = called("10", 20);
    auto a2 = visit("A-002", 5, {P::Reissue});
    a2.call = called("2", 30);
    auto a3 = visit("A-003", 10, {P::Reissue, P::PinReset});
    auto a4 = visit("A-004", 12, {P::Reissue});
    a4.call = CallState{CallState::Kind::SentBack, "2", at(25), at(300)}; // back long after now
    auto a5 = visit("A-005", 15, {P::Reissue}, S::Done);
    a5.call = called("2", 18);
    auto a6 = visit("A-006", 16, {P::CardReceipt});
    s.visits = {a1, a2, a3, a4, a5, a6};
    s.calls = {{1, "A-005", "2", at(18), HistoryKind::Called}, {2, "A-001", "10", at(20), HistoryKind::Called},
               {3, "A-004", "2", at(22), HistoryKind::Called}, {4, "A-004", "2", at(25), HistoryKind::Absent},
               {5, "A-002", "2", at(30), HistoryKind::Called}, {6, "A-002", "2", at(31), HistoryKind::CalledAgain}};
    HallBoard b = hallBoard(s, *epochSeconds(at(60)));
    // A-005 is done, A-004 sent back: window 2 serves A-002, window 10 A-001; 2 before 10.
    ASSERT_EQ(b.serving.size(), 2u);
    EXPECT_EQ(b.serving[0].window, "2");
    EXPECT_EQ(b.serving[0].receptionNumber, "A-002");
    EXPECT_EQ(b.serving[0].seq, 6); // its latest announcement: the call again
    EXPECT_EQ(b.serving[1].window, "10");
    EXPECT_EQ(b.serving[1].receptionNumber, "A-001");
    // A-004 is not back yet: the next are; three wait (A-004 included).
    EXPECT_EQ(b.next, (std::vector<std::string>{"A-003", "A-006"}));
    EXPECT_EQ(b.waiting, 3);
    // Waits: pin-reset A-001 (20 min); reissue A-002 (25) and A-005 (3): 14 on average.
    ASSERT_EQ(b.waits.size(), 3u);
    EXPECT_EQ(b.waits[0].procedure, P::CardReceipt);
    EXPECT_FALSE(b.waits[0].averageMinutes);
    EXPECT_EQ(b.waits[0].waiting, 1);
    EXPECT_EQ(b.waits[1].procedure, P::Reissue);
    EXPECT_EQ(b.waits[1].averageMinutes, 14);
    EXPECT_EQ(b.waits[1].called, 2);
    EXPECT_EQ(b.waits[1].waiting, 2);
    EXPECT_EQ(b.waits[2].procedure, P::PinReset);
    EXPECT_EQ(b.waits[2].averageMinutes, 20);
    EXPECT_EQ(b.waits[2].waiting, 1);
    // Latest calls first, no "not here".
    ASSERT_EQ(b.recentCalls.size(), 5u);
    EXPECT_EQ(b.recentCalls[0].seq, 6);
    EXPECT_EQ(b.recentCalls[2].seq, 3);
    // Once A-004 is back, it is next: it came before A-006 (and A-003 came before it).
    HallBoard later = hallBoard(s, *epochSeconds(at(300)));
    EXPECT_EQ(later.next, (std::vector<std::string>{"A-003", "A-004", "A-006"}));
}

TEST(HallBoard, WindowsInNaturalOrder)
{
    EXPECT_TRUE(windowBefore("2", "10"));
    EXPECT_FALSE(windowBefore("10", "2"));
    EXPECT_TRUE(windowBefore("9", "A"));
    EXPECT_TRUE(windowBefore("A", "B"));
}

TEST(HallBoard, AHeldVisitIsNotShownAsServed)
{
    HallSnapshot s;
    auto v = visit("A-001", 0, {P::Reissue}, S::Waiting);
    v.call = called("3", 5);
    s.visits = {v};
    EXPECT_TRUE(hallBoard(s, kNow).serving.empty());
    EXPECT_TRUE(hallBoard(s, kNow).next.empty());
}
