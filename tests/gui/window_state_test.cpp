// What the window keeps between runs, its languages, and hiding personal data on request.
#include "core/common/clock.hpp"
#include "window_fixture.hpp"

#include <fstream>
#include <sstream>
#include <wx/config.h>
#include <wx/menu.h>

using namespace madoguchi;
using namespace madoguchi::test;

TEST_F(WindowTest, TheWindowSizeIsKeptBetweenRunsInTheXdgConfigFolder)
{
    openFrame();
    frame->SetSize(wxSize(900, 600));
    closeFrame();
    std::string path = gui::settingsFilePath();
    EXPECT_NE(path.find("/config/madoguchi/settings.ini"), std::string::npos) << path;
    wxConfigBase::Get()->Flush();
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_NE(text.str().find("mainFrame"), std::string::npos) << text.str();
    openFrame();
    EXPECT_EQ(frame->GetSize(), wxSize(900, 600));
}

TEST_F(WindowTest, JapaneseIsTheDefaultOnAJapaneseLocale)
{
    setenv("LANG", "ja_JP.UTF-8", 1);
    setenv("LC_ALL", "ja_JP.UTF-8", 1);
    EXPECT_EQ(gui::applyLanguage("auto"), gui::UiLanguage::Japanese);
    openFrame();
    EXPECT_EQ(std::string(frame->GetTitle().utf8_str()), "窓口 — マイナンバーカード窓口");
    EXPECT_EQ(std::string(frame->GetMenuBar()->GetMenuLabelText(0).utf8_str()), "ファイル");
}

TEST_F(WindowTest, EnglishIsSelectable)
{
    gui::applyLanguage("en");
    CaseDraft d;
    d.procedure = Procedure::CertRenewal;
    d.resident.name = "GARCIA MARIA";
    d.resident.kana = "ガルシア マリア";
    d.resident.birth = parseIsoDate("1990-07-01", "birth");
    d.resident.foreignResident = true;
    store->add(d, {"tanaka"});
    openFrame();
    EXPECT_EQ(frame->GetTitle(), "Madoguchi - counter");
    EXPECT_EQ(frame->GetMenuBar()->GetMenuLabelText(0), "File");
    ASSERT_EQ(frame->rows().size(), 1u);
    EXPECT_EQ(frame->rows()[0].procedure, "Electronic certificate renewal / issue");
    EXPECT_EQ(frame->rows()[0].status, "Received");
    UiDriver drv;
    drv.waitFor("ready", [] { return focusedName() == "search"; });
    drv.screenshot("main-window-en.png");
    run(drv);
}

TEST_F(WindowTest, APrivacyLockHidesNamesUntilLifted)
{
    CaseDraft d;
    d.resident.name = "山田 太郎";
    d.resident.kana = "ヤマダ タロウ";
    d.resident.birth = parseIsoDate("1970-05-20", "birth");
    store->add(d, {"tanaka"});
    openFrame();
    ASSERT_EQ(frame->rows().size(), 1u);
    frame->setPrivacyLocked(true);
    EXPECT_TRUE(frame->privacyLocked());
    EXPECT_EQ(frame->rows()[0].resident.find("山田"), std::string::npos);
    frame->setPrivacyLocked(false);
    EXPECT_EQ(frame->rows()[0].resident, "山田 太郎");
}
