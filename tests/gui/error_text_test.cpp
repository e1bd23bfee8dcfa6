#include "app/gui/presenters/error_text.hpp"
#include "app/gui/presenters/translate.hpp"
#include "core/common/errors.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::gui;

TEST(ErrorText, ABusyCaseBookSaysToWaitAndThatNothingWasLost)
{
    auto t = explain(StorageError(StorageError::Kind::Busy, "database is locked"), "Saving the case");
    EXPECT_EQ(t.what, "Saving the case did not succeed.");
    EXPECT_NE(t.todo.find("Wait"), std::string::npos);
    EXPECT_EQ(t.detail, "database is locked");
}

TEST(ErrorText, ALostServerSaysNothingWasSavedAndTheInputIsKept)
{
    auto t = explain(StorageError(StorageError::Kind::Unreachable, "connection refused"), "Saving the case");
    EXPECT_NE(t.todo.find("cannot be reached"), std::string::npos) << t.todo;
    EXPECT_NE(t.todo.find("what you typed is still here"), std::string::npos) << t.todo;
    EXPECT_NE(t.todo.find("banner"), std::string::npos) << t.todo;
}

TEST(ErrorText, AConflictSaysSomeoneElseSavedFirst)
{
    auto t = explain(ConflictError("version 3 != 2"), "Saving the case");
    EXPECT_EQ(t.what, "Someone else saved this case first.");
}

TEST(ErrorText, TextsGoThroughTheInstalledTranslator)
{
    setTranslator([](const char* id) {
        return std::string(id) == "%1 did not succeed." ? std::string("%1ができませんでした。") : std::string(id);
    });
    EXPECT_EQ(explain(RuleViolation("x"), "保存").what, "保存ができませんでした。");
    setTranslator(nullptr);
}
