#include "app/gui/desk_session.hpp"

#include "app/common/current_user.hpp"
#include "app/gui/login_dialog.hpp"
#include "app/gui/main_frame.hpp"
#include "db/user_store.hpp"

namespace madoguchi::gui {

DeskSession openDesk(db::CaseStore& store, const AppSettings& settings, const rules::RuleBook* rules,
                     std::chrono::seconds lockAfter)
{
    DeskSession session;
    db::Actor actor{app::currentOsUser(), Role::Clerk};
    db::UserStore* users = store.users();
    if (users) {
        auto loggedIn = loginAtStart(nullptr, *users);
        if (!loggedIn)
            return session;
        actor = *loggedIn;
    }
    session.frame = new MainFrame(store, settings, actor.user, toUserRole(actor.role));
    session.frame->setRuleBook(rules);
    session.frame->Show();
    if (users)
        session.idleLock = std::make_unique<IdleLock>(*session.frame, *users, lockAfter);
    return session;
}

} // namespace madoguchi::gui
