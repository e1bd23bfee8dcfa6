// The lifecycle table of a procedure line, the two-visit route (照会書回答待ち) included.
#include "core/cases/case.hpp"
#include "core/cases/lifecycle.hpp"
#include "core/common/errors.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using S = CaseStatus;

namespace {
const S kAll[] = {S::Received, S::InProgress, S::Waiting, S::AwaitingAnswer, S::Done, S::Withdrawn};

bool allowed(S from, S to)
{
    try {
        checkTransition(from, to, "理由");
        return true;
    } catch (const RuleViolation&) {
        return false;
    }
}
} // namespace

TEST(Lifecycle, EveryTransitionFollowsTheTable)
{
    // from \ to: received, in-progress, waiting, awaiting-answer, done, withdrawn
    const bool expected[6][6] = {
        {false, true, true, true, false, true},     // received: must be taken up before it is done
        {false, false, true, true, true, true},     // in progress
        {false, true, false, true, true, true},     // waiting
        {false, true, false, false, true, true},    // awaiting-answer: the second visit goes on
        {false, false, false, false, false, false}, // done: closed
        {false, false, false, false, false, false}, // withdrawn: closed
    };
    for (int f = 0; f < 6; ++f)
        for (int t = 0; t < 6; ++t)
            EXPECT_EQ(allowed(kAll[f], kAll[t]), expected[f][t]) << statusId(kAll[f]) << " -> " << statusId(kAll[t]);
}

TEST(Lifecycle, AllowedTransitionsMatchesCheck)
{
    for (S from : kAll)
        for (S to : allowedTransitions(from))
            EXPECT_TRUE(allowed(from, to));
}

TEST(Lifecycle, WaitingAndWithdrawnNeedAReason)
{
    EXPECT_THROW(checkTransition(S::InProgress, S::Waiting, ""), RuleViolation);
    EXPECT_THROW(checkTransition(S::InProgress, S::Withdrawn, "  "), RuleViolation);
    EXPECT_NO_THROW(checkTransition(S::InProgress, S::Waiting, "照会書待ち"));
    EXPECT_NO_THROW(checkTransition(S::InProgress, S::Done, ""));
}

TEST(Lifecycle, RefusalSaysWhy)
{
    try {
        checkTransition(S::Done, S::InProgress, "");
        FAIL() << "closed case changed";
    } catch (const RuleViolation& e) {
        EXPECT_NE(std::string(e.what()).find("reopen"), std::string::npos) << e.what();
    }
    try {
        checkTransition(S::Received, S::Done, "");
        FAIL() << "received -> done allowed";
    } catch (const RuleViolation& e) {
        EXPECT_NE(std::string(e.what()).find("in-progress"), std::string::npos) << e.what();
    }
}

TEST(Lifecycle, ReopenOnlyClosedCasesWithAReason)
{
    EXPECT_NO_THROW(checkReopen(S::Done, "書類不備の訂正"));
    EXPECT_NO_THROW(checkReopen(S::Withdrawn, "本人が再来庁"));
    EXPECT_THROW(checkReopen(S::Done, ""), RuleViolation);
    EXPECT_THROW(checkReopen(S::InProgress, "x"), RuleViolation);
    EXPECT_THROW(checkReopen(S::Received, "x"), RuleViolation);
}

// The two-visit route (照会書方式, spec §9): the line waits with the day the letter was mailed.
TEST(Lifecycle, AwaitingTheInquiryAnswerNeedsTheMailingDayAndOnlyIt)
{
    using boost::gregorian::date;
    const date received(2026, 12, 1), today(2026, 12, 2);
    EXPECT_TRUE(statusNeedsMailingDay(S::AwaitingAnswer));
    EXPECT_FALSE(statusNeedsReason(S::AwaitingAnswer));
    EXPECT_NO_THROW(checkTransition(S::Received, S::AwaitingAnswer, "", date(2026, 12, 2), received, today));
    // Without the day, with a day before the visit or weeks ahead, or a day for another status.
    EXPECT_THROW(checkTransition(S::Received, S::AwaitingAnswer, "", std::nullopt, received, today), ValidationError);
    EXPECT_THROW(checkTransition(S::Received, S::AwaitingAnswer, "", date(2026, 11, 30), received, today),
                 ValidationError);
    EXPECT_NO_THROW(checkTransition(S::InProgress, S::AwaitingAnswer, "", date(2026, 12, 9), received, today));
    EXPECT_THROW(checkTransition(S::InProgress, S::AwaitingAnswer, "", date(2026, 12, 10), received, today),
                 ValidationError);
    EXPECT_THROW(checkTransition(S::Received, S::InProgress, "", date(2026, 12, 2), received, today), ValidationError);
    // A closed line is refused as a rule, the day or not.
    EXPECT_THROW(checkTransition(S::Done, S::AwaitingAnswer, "", date(2026, 12, 2), received, today), RuleViolation);
    EXPECT_EQ(mailingReason(date(2026, 12, 2), ""), "照会書郵送 2026-12-02");
    EXPECT_EQ(mailingReason(date(2026, 12, 2), " 代理人: 長男 "), "照会書郵送 2026-12-02: 代理人: 長男");
}

TEST(Lifecycle, DaysAwaitingCountFromTheMailingDayWhileTheLineWaits)
{
    using boost::gregorian::date;
    ProcedureLine l{Procedure::PinReset, S::AwaitingAnswer, date(2026, 12, 2)};
    EXPECT_EQ(daysAwaitingAnswer(l, date(2026, 12, 2)), 0);
    EXPECT_EQ(daysAwaitingAnswer(l, date(2026, 12, 17)), 15);
    l.status = S::InProgress; // the second visit: the day stays, the wait is over
    EXPECT_FALSE(daysAwaitingAnswer(l, date(2026, 12, 17)));
    EXPECT_FALSE(daysAwaitingAnswer({Procedure::PinReset, S::AwaitingAnswer}, date(2026, 12, 17)));
}
