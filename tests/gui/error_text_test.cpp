#include "app/gui/presenters/error_text.hpp"
#include "app/gui/presenters/translate.hpp"
#include "core/card/card_error.hpp"
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

TEST(ErrorText, AWrongPinSaysTheTriesLeftInTheCardsOwnWords)
{
    card::CardError e(card::CardErrorKind::WrongPin, "暗証番号が違います。残り2回です", "wrong PIN; 2 tries left", 2);
    setUiLanguage(UiLanguage::Japanese);
    auto ja = explain(e, "カードの読み取り");
    EXPECT_EQ(ja.what, "暗証番号が違います。残り2回です。");
    EXPECT_NE(ja.todo.find("Nothing in the form was changed"), std::string::npos); // untranslated here
    setUiLanguage(UiLanguage::English);
    auto en = explain(e, "Reading the card");
    EXPECT_EQ(en.what, "Wrong PIN; 2 tries left.");
    EXPECT_EQ(en.detail, e.what());
    setUiLanguage(UiLanguage::Japanese);
    EXPECT_EQ(explain(card::CardError(card::CardErrorKind::PinBlocked, "ロックされています。", "blocked."), "x").what,
              "ロックされています。"); // a sentence that has its full stop gets no second one
    setUiLanguage(UiLanguage::English);
}

TEST(ErrorText, EachCardFaultSaysWhatToDoAboutIt)
{
    using K = card::CardErrorKind;
    auto todo = [](K kind) { return explain(card::CardError(kind, "x", "x"), "Reading the card").todo; };
    EXPECT_NE(todo(K::NoReader).find("Connect the card reader"), std::string::npos);
    EXPECT_NE(todo(K::NoCard).find("Put the card on the reader"), std::string::npos);
    EXPECT_NE(todo(K::PinBlocked).find("reset"), std::string::npos);
    EXPECT_NE(todo(K::MalformedData).find("could not be used"), std::string::npos);
    EXPECT_NE(todo(K::ServiceUnavailable).find("pcscd"), std::string::npos);
}
