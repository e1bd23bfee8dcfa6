#include "app/gui/label_wrap.hpp"

#include "app/gui/wx_text.hpp"
#include "core/text/line_breaking.hpp"

#include <wx/stattext.h>

namespace madoguchi::gui {

void setWrappedLabel(wxStaticText* label, const wxString& text, int width)
{
    if (width <= 0) { // not laid out yet: one line now, wrapped at the next call
        label->SetLabelText(text);
        return;
    }
    std::string joined;
    for (const auto& line : text::breakLines(utf8(text), width, [label](std::string_view piece) {
             return static_cast<double>(label->GetTextExtent(u8(std::string(piece))).GetWidth());
         })) {
        if (!joined.empty())
            joined += '\n';
        joined += line;
    }
    // SetLabelText: an '&' in the text (an address, a company name) is text, not a mnemonic.
    label->SetLabelText(u8(joined));
}

void wrapLabel(wxStaticText* label, int width)
{
    setWrappedLabel(label, label->GetLabelText(), width);
}

} // namespace madoguchi::gui
