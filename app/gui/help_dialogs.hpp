#pragma once
// Help for a clerk who has not read the manual (issue #17 item 3): every key of the counter in one
// list (Help > Keyboard shortcuts, F1), and what this program is (Help > About).
class wxWindow;

namespace madoguchi::gui {

void showKeyboardShortcuts(wxWindow* parent);
void showAbout(wxWindow* parent);

} // namespace madoguchi::gui
