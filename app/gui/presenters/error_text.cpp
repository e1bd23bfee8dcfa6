#include "app/gui/presenters/error_text.hpp"

#include "app/gui/presenters/translate.hpp"
#include "core/card/card_error.hpp"
#include "core/common/errors.hpp"

#include <string_view>

namespace madoguchi::gui {

namespace {

bool endsWith(const std::string& s, std::string_view end)
{
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// The card's own sentence says what happened (wrong PIN and the tries left, no reader...); the
// reader's end without a full stop, as the console tool prints them.
std::string cardWhat(const card::CardError& e)
{
    if (uiLanguage() == UiLanguage::Japanese)
        return endsWith(e.japanese(), "。") ? e.japanese() : e.japanese() + "。";
    std::string s = e.english();
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return endsWith(s, ".") ? s : s + ".";
}

std::string cardTodo(card::CardErrorKind kind)
{
    using K = card::CardErrorKind;
    switch (kind) {
    case K::ServiceUnavailable:
        return tr("The card service of this computer (pcscd) is not running. Call the system administrator; "
                  "meanwhile type the resident's details by hand. What you typed is still there.");
    case K::NoReader:
    case K::ReaderRemoved:
        return tr("Connect the card reader and press Read card again. What you typed is still there.");
    case K::NoCard:
    case K::CardRemoved:
        return tr("Put the card on the reader, leave it there until the reading ends, and press Read card "
                  "again. What you typed is still there.");
    case K::Timeout:
        return tr("Take the card off the reader, put it back and press Read card again. What you typed is "
                  "still there.");
    case K::NotMyNumberCard:
        return tr("Ask the resident for their My Number card, or type the details by hand. What you typed is "
                  "still there.");
    case K::PinBlocked:
        return tr("The PIN must be reset (the PIN reset procedure) before the card can be read. Type the "
                  "details by hand for now. What you typed is still there.");
    case K::LastTryRefused:
        return tr("The PIN was not sent, so its last try is still there. Read the card again and confirm the "
                  "last try, or type the details by hand.");
    case K::WrongPin:
        return tr("Ask the resident to check the PIN and press Read card again. Nothing in the form was "
                  "changed.");
    case K::Cancelled:
        return tr("Nothing in the form was changed.");
    case K::UnexpectedStatus:
    case K::MalformedData:
    case K::Transport:
        break;
    }
    return tr("The card's answer could not be used. Put the card back on the reader and try again; if it "
              "happens again, type the details by hand. What you typed is still there.");
}

} // namespace

ErrorText explain(const std::exception& e, const std::string& action)
{
    ErrorText t;
    t.detail = e.what();
    t.what = fill(tr("%1 did not succeed."), {action});
    if (const auto* c = dynamic_cast<const card::CardError*>(&e)) {
        t.what = cardWhat(*c);
        t.todo = cardTodo(c->kind());
    } else if (dynamic_cast<const ValidationError*>(&e)) {
        t.todo = tr("Some input is not accepted. Check the fields and try again; what you typed is still there.");
    } else if (dynamic_cast<const RuleViolation*>(&e)) {
        t.todo = tr("The rules do not allow this in the case's present state. Check the status and the reason.");
    } else if (dynamic_cast<const ConflictError*>(&e)) {
        t.what = tr("Someone else saved this case first.");
        t.todo = tr("Close this window, open the case again and redo your change. Your input is still shown so that "
                    "you can copy it.");
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
            t.todo = tr(
                "The case book could not be written. Try again; if it happens again, call the system administrator.");
        }
    } else {
        t.todo = tr("Try again; if it happens again, call the system administrator.");
    }
    return t;
}

} // namespace madoguchi::gui
