#pragma once
// Wraps a label to a width the way the handouts wrap (core/text/line_breaking.hpp): Japanese between
// any two characters except where 禁則 forbids it, Latin at spaces. wxStaticText::Wrap breaks at
// spaces only, so a Japanese sentence stayed one line and stretched its dialog across the screen.
#include <wx/string.h>

class wxStaticText;

namespace madoguchi::gui {

// Sets `text` on `label`, broken into lines no wider than `width` pixels in the label's font.
void setWrappedLabel(wxStaticText* label, const wxString& text, int width);

// The same for the text the label already has.
void wrapLabel(wxStaticText* label, int width);

} // namespace madoguchi::gui
