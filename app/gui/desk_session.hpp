#pragma once
// A session at the counter: the login, then the main window in the user's name and role, then the
// idle lock. The program starts one; the window tests start the very same.
#include "app/gui/app_settings.hpp"
#include "app/gui/idle_lock.hpp"
#include "core/rules/rule_book.hpp"
#include "db/case_store.hpp"

#include <chrono>
#include <memory>

namespace madoguchi::gui {

class MainFrame;

struct DeskSession {
    MainFrame* frame = nullptr;         // owned by wx; null when nobody logged in
    std::unique_ptr<IdleLock> idleLock; // none when nobody logged in
};

// Asks who sits at the desk (or creates the first admin) before any resident's name is on screen,
// then opens and shows the main window as that user. Roles come from the login only.
DeskSession openDesk(db::CaseStore& store, const AppSettings& settings, const rules::RuleBook* rules,
                     std::chrono::seconds lockAfter);

} // namespace madoguchi::gui
