#include "core/cases/lifecycle.hpp"
#include "core/common/errors.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using S = CaseStatus;

namespace {
const S kAll[] = {S::Received, S::InProgress, S::Waiting, S::Done, S::Withdrawn};

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
    // from \ to: received, in-progress, waiting, done, withdrawn
    const bool expected[5][5] = {
        {false, true, true, false, true},    // received: must be taken up before it is done
        {false, false, true, true, true},    // in progress
        {false, true, false, true, true},    // waiting
        {false, false, false, false, false}, // done: closed
        {false, false, false, false, false}, // withdrawn: closed
    };
    for (int f = 0; f < 5; ++f)
        for (int t = 0; t < 5; ++t)
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
