#pragma once
// Who works at this desk and where: passed to every dialog that writes to the case book.
#include "app/gui/presenters/case_detail_presenter.hpp"
#include "core/rules/rule_book.hpp"
#include "db/case_store.hpp"

#include <string>

namespace madoguchi::gui {

struct DeskContext {
    db::CaseStore& store;
    std::string window; // 窓口 of this desk (settings)
    std::string user;   // the actor written into the history
    Role role = Role::Clerk;
    int waitWarningMinutes = 30;
    // The rule book for documents, fees and deadlines; none when its files could not be read.
    const rules::RuleBook* rules = nullptr;
    bool openHandout = true; // AppSettings::openHandout
    // The store checks the role too (a clerk cannot reopen), so the actor carries it.
    db::Actor actor() const { return db::Actor{user, role}; }
};

} // namespace madoguchi::gui
