#pragma once
// Who works at this desk and where: passed to every dialog that writes to the case book.
#include "app/gui/presenters/case_detail_presenter.hpp"
#include "core/rules/rule_book.hpp"
#include "db/case_store.hpp"

#include <string>

namespace madoguchi::gui {

inline UserRole toUserRole(Role r)
{
    return r == Role::Admin ? UserRole::Admin : r == Role::Supervisor ? UserRole::Supervisor : UserRole::Clerk;
}

struct DeskContext {
    db::CaseStore& store;
    std::string window; // 窓口 of this desk (settings)
    std::string user;   // the actor written into the history
    UserRole role = UserRole::Clerk;
    int waitWarningMinutes = 30;
    // The rule book for documents, fees and deadlines; none when its files could not be read.
    const rules::RuleBook* rules = nullptr;
    // The store checks the role too (a clerk cannot reopen), so the actor carries it.
    db::Actor actor() const
    {
        return db::Actor{user, role == UserRole::Admin        ? Role::Admin
                               : role == UserRole::Supervisor ? Role::Supervisor
                                                              : Role::Clerk};
    }
};

} // namespace madoguchi::gui
