// Card first (issue #17, items 1, 2 and 5) in the real window, by keyboard: the resident's card on
// the reader (our emulator through pcscd), Ctrl+R in the main window triages it without a PIN, the
// new visit opens with what the card says — here a blocked PIN and a certificate inside its renewal
// window —, Enter accepts both, the resident is read from the card (the resident types the
// card-info PIN), and one visit is saved with both procedures, with one handout naming both.
#include "card_rig.hpp"
#include "core/common/clock.hpp"
#include "visit_steps.hpp"
#include "window_fixture.hpp"

#include <cstdio>
#include <filesystem>
#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/textctrl.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// A certificate notAfter for make-auth-cert.sh: the last second of `day` in Japan.
std::string lastSecondInJapan(const boost::gregorian::date& day)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d145959Z", static_cast<int>(day.year()), static_cast<int>(day.month()),
                  static_cast<int>(day.day()));
    return buf;
}

std::string listLine(const char* list, unsigned i)
{
    auto* l = control<wxListBox>(list);
    return l && i < l->GetCount() ? std::string(l->GetString(i).utf8_str()) : std::string();
}

bool contains(const std::string& text, const char* part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_F(WindowTest, ACardNeedingTwoProceduresGivesOneVisitAndOneHandoutByKeyboard)
{
    MADOGUCHI_REQUIRE_CARD_RIG();
    Reader0Lock reader0;
    // The certificate ends in 40 days: its renewal window is open today.
    makeAuthCertificate(dir, lastSecondInJapan(now().localDay + boost::gregorian::days(40)));
    EmulatedCard card(dir, writeProfile(dir, {{"name", "山田 花子"},
                                              {"address", "東京都小平市小川町2-1333"},
                                              {"sex", "2"},
                                              {"pins", {{"user_auth", {{"tries", 0}}}}}}));
    addEarlierVisitors();
    openFrame();
    fillTheScreen(frame);
    CaseId created = 0;
    UiDriver d;
    d.waitFor("the window is ready", [] { return focusIs("search"); });
    d.act("Ctrl+R reads the card", [] { pressKey('R', wxMOD_CONTROL); });
    d.step(
        "the new visit shows what the card says, the focus on accepting it",
        [] {
            const std::string said = label("cardProposals");
            const std::string why = textOf("rulesSummary");
            return focusInside("newCaseDialog") && focusIs("acceptProposals") &&
                   contains(said, "1. 暗証番号の再設定: 利用者証明用電子証明書の暗証番号がロック（残り0回）") &&
                   contains(said, "2. 電子証明書の更新・発行: 電子証明書の有効期限") &&
                   contains(why, "利用者証明用電子証明書の暗証番号がロックされています") &&
                   contains(why,
                            "から更新できます。期限内に更新すると、新しい証明書は発行日後6回目の誕生日まで有効です");
        },
        std::chrono::seconds(20));
    d.act("the proposals are the visit's procedures, its checklist theirs", [] {
        EXPECT_EQ(listLine("visitProcedures", 0), "1. 暗証番号の再設定");
        EXPECT_EQ(listLine("visitProcedures", 1), "2. 電子証明書の更新・発行");
        EXPECT_TRUE(textOf("notes").empty());
    });
    fitsTheSmallScreen(d, "newCaseDialog");
    d.screenshot("new-visit-from-card.png");
    d.act("Enter accepts", [] { pressKey(WXK_RETURN); });
    d.waitFor("both procedures are the visit's, the PIN noted; the focus moves to reading the card", [] {
        return listLine("visitProcedures", 0) == "1. 暗証番号の再設定" &&
               listLine("visitProcedures", 1) == "2. 電子証明書の更新・発行" && focusIs("readCard") &&
               contains(textOf("notes"), "暗証番号の再設定：利用者証明用電子証明書の暗証番号") &&
               !control<wxButton>("acceptProposals")->IsEnabled();
    });
    d.act("Enter reads the card", [] { pressKey(WXK_RETURN); });
    residentGivesThePin(d, "山田 花子");
    d.act("the furigana", [] { commitText("ヤマダ ハナコ"); });
    d.waitFor("nothing to complain about", [] { return label("kanaMessage").empty(); });
    d.screenshot("new-visit-from-card-accepted.png");
    saveAndFind(d, *store, "やまだ", created);
    d.act("one visit, both procedures, one reception number", [&] {
        Case c = store->get(created);
        ASSERT_EQ(c.procedures.size(), 2u);
        EXPECT_EQ(c.procedures[0].procedure, Procedure::PinReset);
        EXPECT_EQ(c.procedures[1].procedure, Procedure::CertRenewal);
        EXPECT_EQ(c.receptionNumber, "A-003");
        EXPECT_EQ(c.resident.name, "山田 花子");
        EXPECT_NE(c.notes.find("利用者証明用電子証明書の暗証番号"), std::string::npos) << c.notes;
    });
    printAndRead(d, [](const std::string& text) {
        EXPECT_TRUE(contains(text, "暗証番号の再設定")) << text;
        EXPECT_TRUE(contains(text, "電子証明書の更新・発行")) << text;
        std::size_t licences = 0;
        for (auto at = text.find("運転免許証"); at != std::string::npos; at = text.find("運転免許証", at + 1))
            ++licences;
        EXPECT_EQ(licences, 1u) << "the resident's identity check, asked once\n" << text;
    });
    d.act("the handout kept beside the screenshots, to look at", [] {
        auto* detail = dynamic_cast<gui::CaseDetailDialog*>(shownTopLevel("caseDetailDialog"));
        std::filesystem::copy_file(detail->lastHandout(), screenshotDir() + "/handout-two-procedures.pdf",
                                   std::filesystem::copy_options::overwrite_existing);
    });
    d.act("Escape closes", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back on the list", [] { return !shownTopLevel("caseDetailDialog") && focusIs("search"); });
    run(d);
}

TEST_F(WindowTest, ACardThatIsNoMyNumberCardIsSaidSoAndTheClerkPicks)
{
    MADOGUCHI_REQUIRE_CARD_RIG();
    Reader0Lock reader0;
    EmulatedCard card(dir, writeProfile(dir, {{"card", "other"}}));
    openFrame();
    UiDriver d;
    d.waitFor("the window is ready", [] { return focusIs("search"); });
    d.act("Ctrl+R reads the card", [] { pressKey('R', wxMOD_CONTROL); });
    d.step(
        "the new visit says so and waits on the procedure search",
        [] {
            return focusInside("newCaseDialog") && focusIs("procedureSearch") &&
                   contains(label("cardProposals"), "マイナンバーカードではありません") &&
                   !control<wxButton>("acceptProposals");
        },
        std::chrono::seconds(20));
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("closed", [] { return !shownTopLevel("newCaseDialog"); });
    run(d);
}

TEST_F(WindowTest, ACardPulledOutDuringTheTriageIsAPlainErrorAndNoVisit)
{
    MADOGUCHI_REQUIRE_CARD_RIG();
    Reader0Lock reader0;
    EmulatedCard card(dir, writeProfile(dir), {"--fault", "drop-mid-read", "--fault-at", "2"});
    openFrame();
    UiDriver d;
    d.waitFor("the window is ready", [] { return focusIs("search"); });
    d.act("Ctrl+R reads the card", [] { pressKey('R', wxMOD_CONTROL); });
    d.step(
        "the error says the card was taken out",
        [] { return focusInside("errorDialog") && contains(label("errorWhat"), "カードが取り出されました"); },
        std::chrono::seconds(20));
    d.act("Enter closes it", [] { pressKey(WXK_RETURN); });
    d.waitFor("back on the list, no visit opened",
              [] { return !shownTopLevel("errorDialog") && !shownTopLevel("newCaseDialog") && focusIs("search"); });
    run(d);
}
