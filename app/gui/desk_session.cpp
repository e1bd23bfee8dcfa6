#include "app/gui/desk_session.hpp"

#include "app/gui/login_dialog.hpp"
#include "app/gui/main_frame.hpp"
#include "app/gui/waiting_store.hpp"
#include "db/user_store.hpp"

namespace madoguchi::gui {

DeskSession openDesk(db::CaseStore& store, const AppSettings& settings, const rules::RuleBook* rules,
                     std::chrono::seconds lockAfter)
{
    DeskSession session;
    db::Actor actor;
    {
        // Through a worker like every later call: a silent server shows a wait, not a frozen login.
        // Ended (its thread joined) before the main window's own takes over the connection.
        WaitingStore loginStore(store, nullptr);
        auto loggedIn = loginAtStart(nullptr, loginStore.users());
        if (!loggedIn)
            return session;
        actor = *loggedIn;
    }
    session.frame = new MainFrame(store, settings, actor.user, actor.role);
    session.frame->setRuleBook(rules);
    session.frame->Show();
    session.idleLock = std::make_unique<IdleLock>(*session.frame, session.frame->store().users(), lockAfter);
    return session;
}

} // namespace madoguchi::gui
