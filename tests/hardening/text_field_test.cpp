// The one check of every text field (core/text/text_field.hpp) and the escaping of what the
// console prints (core/text/terminal_text.hpp).
#include "core/cases/case_texts.hpp"
#include "core/common/errors.hpp"
#include "core/text/terminal_text.hpp"
#include "core/text/text_field.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;

namespace {

std::string refusal(std::string_view field, std::string_view value, TextShape shape = TextShape::Line)
{
    try {
        checkTextField(field, value, shape);
    } catch (const ValidationError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(TextField, NamesAsResidentsWriteThemAreAccepted)
{
    for (const char* ok : {"山田 太郎", "髙橋 𠮷子", "渡邊　美穂", "ｶﾀｶﾅ", "O'Brien, Mary-Ann", "Nguyễn Văn A", "👍",
                           "東京都千代田区霞が関一丁目2番3号", ""})
        EXPECT_EQ(refusal("name", ok), "") << ok;
    EXPECT_EQ(refusal("notes", "一行目\n二行目\tタブ", TextShape::Lines), "");
}

TEST(TextField, InvalidUtf8IsRefusedNamingTheFieldNotTheText)
{
    for (std::string bad : {std::string("\xff"), std::string("山\xe5\xb1"), std::string("\xc0\xaf"), // overlong "/"
                            std::string("\xed\xa0\x80"),                                             // a surrogate
                            std::string("\xf4\x90\x80\x80")}) {                                      // above U+10FFFF
        std::string m = refusal("name", "秘密" + bad);
        EXPECT_NE(m.find("name: not valid UTF-8"), std::string::npos) << m;
        EXPECT_EQ(m.find("秘密"), std::string::npos) << m;
    }
}

TEST(TextField, ControlCharactersAndTerminalEscapesAreRefused)
{
    for (std::string bad : {std::string("\x1b[2J山田"), std::string("a\0b", 3), std::string("\r"), std::string("\x7f"),
                            std::string("\xc2\x9b"
                                        "31m"), // U+009B CSI
                            std::string("\xe2\x80\xae"
                                        "abc"),          // U+202E RIGHT-TO-LEFT OVERRIDE
                            std::string("\xe2\x81\xa6"), // U+2066 LEFT-TO-RIGHT ISOLATE
                            std::string("a\nb"), std::string("a\tb"), std::string("\xe2\x80\xa8")}) {
        std::string m = refusal("kana", bad);
        EXPECT_NE(m.find("kana: holds a control character (U+"), std::string::npos) << m;
        EXPECT_EQ(m.find('\x1b'), std::string::npos);
    }
    // A multi-line field takes line breaks and tabs, nothing else.
    EXPECT_NE(refusal("notes", "\x1b]0;title\x07", TextShape::Lines), "");
    EXPECT_NE(refusal("notes", "a\rb", TextShape::Lines), "");
}

TEST(TextField, ATextLongerThanAnyoneTypesIsRefused)
{
    EXPECT_EQ(refusal("name", std::string(kLineMaxChars, 'a')), "");
    EXPECT_NE(refusal("name", std::string(kLineMaxChars + 1, 'a')).find("longer than"), std::string::npos);
    std::string kanji;
    for (std::size_t i = 0; i < kLineMaxChars; ++i)
        kanji += "漢";
    EXPECT_EQ(refusal("address", kanji), ""); // characters, not bytes
    EXPECT_NE(refusal("notes", std::string(kLinesMaxChars + 1, 'x'), TextShape::Lines), "");
}

TEST(TextField, EveryTextOfACaseIsChecked)
{
    CaseDraft ok;
    ok.resident.name = "山田 太郎";
    ok.resident.kana = "ヤマダ タロウ";
    ok.documents = {{"運転免許証", true}};
    EXPECT_NO_THROW(checkCaseTexts(ok));
    struct Field {
        const char* name;
        std::function<void(CaseDraft&)> spoil;
    };
    const std::string esc = "\x1b[31m";
    std::vector<Field> fields{
        {"name", [&](CaseDraft& d) { d.resident.name += esc; }},
        {"kana", [&](CaseDraft& d) { d.resident.kana += esc; }},
        {"address", [&](CaseDraft& d) { d.resident.address = "\xff"; }},
        {"proxy-name", [&](CaseDraft& d) { d.applicant.proxyName = esc; }},
        {"proxy-relation", [&](CaseDraft& d) { d.applicant.proxyRelation = esc; }},
        {"window", [&](CaseDraft& d) { d.window = esc; }},
        {"clerk", [&](CaseDraft& d) { d.clerk = esc; }},
        {"documents[1]", [&](CaseDraft& d) { d.documents[0].document = esc; }},
        {"notes", [&](CaseDraft& d) { d.notes = esc; }},
    };
    for (const auto& f : fields) {
        CaseDraft d = ok;
        f.spoil(d);
        try {
            checkCaseTexts(d);
            ADD_FAILURE() << f.name << " was not checked";
        } catch (const ValidationError& e) {
            EXPECT_EQ(std::string(e.what()).rfind(std::string(f.name) + ":", 0), 0u) << e.what();
        }
    }
    EXPECT_THROW(checkReasonText("照会書待ち" + esc), ValidationError);
    EXPECT_NO_THROW(checkReasonText("照会書待ち\n再来庁予定"));
}

TEST(TerminalText, ControlsAndBrokenBytesBecomeVisibleEscapes)
{
    EXPECT_EQ(escapeForTerminal("山田\t太郎\n"), "山田\t太郎\n");
    EXPECT_EQ(escapeForTerminal("\x1b[2J"), "\\u001b[2J");
    EXPECT_EQ(escapeForTerminal("a\rb\x07"), "a\\u000db\\u0007");
    EXPECT_EQ(escapeForTerminal("\xc2\x9b"
                                "1m"),
              "\\u009b1m");
    EXPECT_EQ(escapeForTerminal("\xe2\x80\xae"
                                "abc"),
              "\\u202eabc");
    EXPECT_EQ(escapeForTerminal("名\xff\xfe"), "名\\xff\\xfe");
}
