#pragma once
// A counter window on a fresh case book, in Japanese, for one test.
#include "app/gui/app_settings.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/main_frame.hpp"
#include "core/common/clock.hpp"
#include "core/common/data_paths.hpp"
#include "core/rules/rule_book.hpp"
#include "tests/support/temp_dir.hpp"
#include "ui_driver.hpp"

#include <gtest/gtest.h>
#include <memory>
#include <vector>
#include <wx/app.h>
#include <wx/config.h>

namespace madoguchi::test {

class WindowTest : public testing::Test {
protected:
    void SetUp() override
    {
        wxTheApp->SetExitOnFrameDelete(false);
        gui::openSettingsFile();
        // Handouts are checked from their files; no PDF viewer pops up on the test display.
        wxConfigBase::Get()->Write("/Settings/OpenHandout", false);
        gui::applyLanguage(language());
        store = db::openStore(bookPath());
    }
    void TearDown() override
    {
        closeFrame();
        store.reset();
    }
    virtual std::string language() const { return "ja"; }
    std::string bookPath() const { return (dir / "book.db").string(); }

    gui::MainFrame* openFrame(gui::UserRole role = gui::UserRole::Clerk, const std::string& user = "tanaka")
    {
        frame = new gui::MainFrame(*store, gui::loadSettings(), user, role);
        frame->setRuleBook(&ruleBook());
        frame->Show();
        frame->Raise();
        return frame;
    }
    void closeFrame()
    {
        // Deleting at once (not Destroy()) runs the persistence save before the test looks at it.
        delete frame;
        frame = nullptr;
    }
    // The cases already at the counter this morning, so that the list is not empty.
    std::vector<CaseId> addEarlierVisitors()
    {
        const char* people[][3] = {{"佐藤 健", "サトウ ケン", "1985-03-02"}, {"鈴木 美咲", "スズキ ミサキ", "1992-11-15"}};
        Procedure procedures[] = {Procedure::CardReceipt, Procedure::PinReset};
        std::vector<CaseId> ids;
        for (int i = 0; i < 2; ++i) {
            CaseDraft d;
            d.procedure = procedures[i];
            d.resident.name = people[i][0];
            d.resident.kana = people[i][1];
            d.resident.birth = parseIsoDate(people[i][2], "birth");
            d.window = "2";
            d.clerk = "sato";
            ids.push_back(store->add(d, {"sato"}).id);
        }
        return ids;
    }
    // Runs the driver's steps; fails the test with the step that did not complete.
    void run(UiDriver& driver) { EXPECT_TRUE(driver.run()) << driver.failed(); }

    static const rules::RuleBook& ruleBook()
    {
        static rules::RuleBook book = rules::RuleBook::load(dataDirectory() / "rules");
        return book;
    }

    TempDir dir;
    std::unique_ptr<db::CaseStore> store;
    gui::MainFrame* frame = nullptr;
};

} // namespace madoguchi::test
