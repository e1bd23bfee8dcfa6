#pragma once
// Errors as a plain dialog: what happened, what to do, and the technical detail folded away for
// the help desk. A wxDialog of our own (not the native message box) so that it is keyboard-closable
// and visible to the test driver like any other window.
#include <exception>
#include <wx/string.h>

class wxWindow;

namespace madoguchi::gui {

// `action`: what the clerk was doing, translated ("Saving the case").
void showError(wxWindow* parent, const std::exception& e, const wxString& action);

// A request the window refuses by itself, before asking the case book: the reason in the first
// line (translated), what to do instead below it; nothing for the help desk.
void showRefusal(wxWindow* parent, const wxString& why, const wxString& instead);

} // namespace madoguchi::gui
