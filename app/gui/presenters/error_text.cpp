#include "app/gui/presenters/error_text.hpp"

#include "app/gui/presenters/translate.hpp"
#include "core/common/errors.hpp"

namespace madoguchi::gui {

ErrorText explain(const std::exception& e, const std::string& action)
{
    ErrorText t;
    t.detail = e.what();
    t.what = fill(tr("%1 did not succeed."), {action});
    if (dynamic_cast<const ValidationError*>(&e)) {
        t.todo = tr("Some input is not accepted. Check the fields and try again; what you typed is still there.");
    } else if (dynamic_cast<const RuleViolation*>(&e)) {
        t.todo = tr("The rules do not allow this in the case's present state. Check the status and the reason.");
    } else if (dynamic_cast<const ConflictError*>(&e)) {
        t.what = tr("Someone else saved this case first.");
        t.todo = tr("Close this window, open the case again and redo your change. Your input is still shown so that you can copy it.");
    } else if (dynamic_cast<const NotFound*>(&e)) {
        t.todo = tr("The case is no longer in the case book. Refresh the list (F5).");
    } else if (const auto* s = dynamic_cast<const StorageError*>(&e)) {
        switch (s->kind()) {
        case StorageError::Kind::Busy:
            t.todo = tr("The case book is busy with another task. Wait a few seconds and try again; nothing was lost.");
            break;
        case StorageError::Kind::Full:
            t.todo = tr("The disk is full. Call the system administrator; nothing was written.");
            break;
        case StorageError::Kind::Unreachable:
            t.todo = tr("The database server cannot be reached; nothing was saved, and what you typed is still here. "
                        "Try again once the banner at the top of the main window is gone: it reconnects by itself.");
            break;
        case StorageError::Kind::Corrupt:
            t.todo = tr("The case book file is damaged. Stop using this window and call the system administrator.");
            break;
        default:
            t.todo = tr("The case book could not be written. Try again; if it happens again, call the system administrator.");
        }
    } else {
        t.todo = tr("Try again; if it happens again, call the system administrator.");
    }
    return t;
}

} // namespace madoguchi::gui
