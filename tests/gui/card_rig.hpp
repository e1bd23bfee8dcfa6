#pragma once
// The card in the window tests: our emulator in vpcd's reader 0 through the real pcscd, as in the
// console tool's card tests. Outside scripts/test.sh (no MADOGUCHI_PCSCD=1) these tests skip;
// under it a missing pcscd or virtual reader fails them. Tests that use the card have "Card" in
// their name: tests/gui/CMakeLists.txt gives exactly those the vpcd-reader-0 resource lock.
#include "tests/card/emulated_card.hpp"

#include <gtest/gtest.h>

#define MADOGUCHI_REQUIRE_CARD_RIG()                                                                                   \
    do {                                                                                                               \
        if (!::madoguchi::test::pcscdExpected())                                                                       \
            GTEST_SKIP() << "window tests with the card run under scripts/test.sh "                                    \
                            "(scripts/services/start-pcscd.sh sets MADOGUCHI_PCSCD=1)";                                \
        ASSERT_EQ(::madoguchi::test::pcscdProblem(), "");                                                              \
    } while (0)
