// The visit's status from its lines, and the lines of a draft.
#include "core/cases/visit.hpp"
#include "core/common/errors.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using S = CaseStatus;
using P = Procedure;

namespace {

std::vector<ProcedureLine> lines(std::initializer_list<S> statuses)
{
    std::vector<ProcedureLine> out;
    int p = 0;
    for (S s : statuses)
        out.push_back({static_cast<P>(p++), s});
    return out;
}

} // namespace

TEST(VisitStatus, OneLineIsItsLine)
{
    for (S s : allStatuses())
        EXPECT_EQ(visitStatus(lines({s})), s) << statusId(s);
}

TEST(VisitStatus, TwoLinesEveryCombination)
{
    // first line \ second line: received, in-progress, waiting, awaiting-answer, done, withdrawn
    const S expected[6][6] = {
        // Nothing begun stays 受付; a line begun, done or on hold starts the visit.
        {S::Received, S::InProgress, S::InProgress, S::InProgress, S::InProgress, S::Received},
        {S::InProgress, S::InProgress, S::InProgress, S::InProgress, S::InProgress, S::InProgress},
        // Every open line on hold: the visit waits (保留 first, then 照会書回答待ち alone).
        {S::InProgress, S::InProgress, S::Waiting, S::Waiting, S::Waiting, S::Waiting},
        {S::InProgress, S::InProgress, S::Waiting, S::AwaitingAnswer, S::AwaitingAnswer, S::AwaitingAnswer},
        // Every line closed: done when one was done.
        {S::InProgress, S::InProgress, S::Waiting, S::AwaitingAnswer, S::Done, S::Done},
        {S::Received, S::InProgress, S::Waiting, S::AwaitingAnswer, S::Done, S::Withdrawn},
    };
    auto all = allStatuses();
    for (std::size_t a = 0; a < 6; ++a)
        for (std::size_t b = 0; b < 6; ++b)
            EXPECT_EQ(visitStatus(lines({all[a], all[b]})), expected[a][b])
                << statusId(all[a]) << " + " << statusId(all[b]) << " gave "
                << statusId(visitStatus(lines({all[a], all[b]})));
}

TEST(VisitStatus, OrderOfTheLinesDoesNotMatter)
{
    for (S a : allStatuses())
        for (S b : allStatuses())
            for (S c : allStatuses())
                EXPECT_EQ(visitStatus(lines({a, b, c})), visitStatus(lines({c, a, b})))
                    << statusId(a) << statusId(b) << statusId(c);
}

TEST(VisitStatus, ThreeLines)
{
    EXPECT_EQ(visitStatus(lines({S::Done, S::Done, S::Received})), S::InProgress);
    EXPECT_EQ(visitStatus(lines({S::Done, S::Withdrawn, S::Done})), S::Done);
    EXPECT_EQ(visitStatus(lines({S::Waiting, S::Withdrawn, S::Waiting})), S::Waiting);
    EXPECT_EQ(visitStatus(lines({S::Withdrawn, S::Withdrawn, S::Withdrawn})), S::Withdrawn);
    EXPECT_EQ(visitStatus({}), S::Received);
}

TEST(VisitLines, ADraftOfOneProcedureIsOneLine)
{
    CaseDraft d;
    d.procedure = P::Reissue;
    auto l = linesOf(d);
    ASSERT_EQ(l.size(), 1u);
    EXPECT_EQ(l[0].procedure, P::Reissue);
    EXPECT_EQ(proceduresOf(d), std::vector<P>{P::Reissue});
}

TEST(VisitLines, SetProceduresKeepsTheFirstInProcedure)
{
    CaseDraft d;
    const P ps[] = {P::PinReset, P::CertRenewal};
    setProcedures(d, ps);
    EXPECT_EQ(d.procedure, P::PinReset);
    EXPECT_EQ(linesOf(d).size(), 2u);
    EXPECT_EQ(proceduresOf(d), (std::vector<P>{P::PinReset, P::CertRenewal}));
    ASSERT_NE(findLine(d, P::CertRenewal), nullptr);
    EXPECT_EQ(findLine(d, P::Reissue), nullptr);
    EXPECT_THROW(setProcedures(d, std::span<const P>{}), ValidationError);
}

TEST(VisitLines, AProcedureNamedTwiceOrAFirstThatIsNotFirstIsRefused)
{
    CaseDraft d;
    const P twice[] = {P::PinReset, P::CertRenewal, P::PinReset};
    setProcedures(d, twice);
    try {
        linesOf(d);
        FAIL() << "pin-reset twice was taken";
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("pin-reset"), std::string::npos) << e.what();
    }
    const P two[] = {P::PinReset, P::CertRenewal};
    setProcedures(d, two);
    d.procedure = P::CertRenewal;
    EXPECT_THROW(linesOf(d), ValidationError);
}

TEST(VisitLines, ALinesHistoryHasItsOwnEntriesAndTheVisits)
{
    Case c;
    c.history.push_back({"t1", "a", std::nullopt, S::Received, "", std::nullopt, HistoryKind::StatusChange});
    c.history.push_back({"t2", "a", S::Received, S::InProgress, "", P::PinReset, HistoryKind::StatusChange});
    c.history.push_back({"t3", "a", S::Received, S::InProgress, "", P::CertRenewal, HistoryKind::StatusChange});
    c.history.push_back({"t4", "a", S::InProgress, S::InProgress, "編集", std::nullopt, HistoryKind::Edit});
    auto pin = historyOf(c, P::PinReset);
    ASSERT_EQ(pin.size(), 3u);
    EXPECT_EQ(pin[0].at, "t1");
    EXPECT_EQ(pin[1].at, "t2");
    EXPECT_EQ(pin[2].at, "t4");
}

TEST(HistoryKinds, IdsRoundTrip)
{
    for (HistoryKind k : allHistoryKinds())
        EXPECT_EQ(parseHistoryKind(historyKindId(k)), k);
    EXPECT_EQ(parseHistoryKind("called"), HistoryKind::Called);
    EXPECT_EQ(parseHistoryKind("called-again"), HistoryKind::CalledAgain);
    EXPECT_EQ(parseHistoryKind("absent"), HistoryKind::Absent);
    EXPECT_THROW(parseHistoryKind("calling"), ValidationError);
}

TEST(StatusTable, EveryStatusRoundTripsAndTheListIsComplete)
{
    EXPECT_EQ(allStatuses().size(), 6u);
    EXPECT_EQ(parseStatus("awaiting-answer"), S::AwaitingAnswer);
    EXPECT_EQ(statusNameJa(S::AwaitingAnswer), "照会書回答待ち");
    for (S s : allStatuses()) {
        EXPECT_EQ(parseStatus(statusId(s)), s);
        EXPECT_EQ(isClosed(s), statusStage(s) == StatusStage::Closed);
    }
    try {
        parseStatus("finished");
        FAIL();
    } catch (const ValidationError& e) {
        // The message lists the ids from the table itself.
        for (S s : allStatuses())
            EXPECT_NE(std::string(e.what()).find(statusId(s)), std::string::npos) << e.what();
    }
}
