#pragma once
// The one check every text field goes through before it is stored or acted on: valid UTF-8, no
// control characters (a terminal escape in a name would run on the screen of whoever lists it),
// no bidirectional controls (they make a name read differently from what is stored: CVE-2021-42574
// "Trojan Source"), and a length a person could type. Every store write path and the console tool
// call it; new fields (bookings, register imports, …) call it too. Refusals are ValidationErrors
// (exit 2) of one line that names the field and never repeats the text.
#include <cstddef>
#include <string_view>

namespace madoguchi {

enum class TextShape {
    Line,  // a name, an address, a window: one line, no tab
    Lines, // notes, reasons: line breaks (\n) and tabs allowed
};

constexpr std::size_t kLineMaxChars = 500;
constexpr std::size_t kLinesMaxChars = 10000;

// `field` is the name the message gives ("name", "notes", "--search").
void checkTextField(std::string_view field, std::string_view value, TextShape shape = TextShape::Line);
void checkTextField(std::string_view field, std::string_view value, TextShape shape, std::size_t maxChars);

// True when `c` may never stand in a stored text: C0 and C1 controls and DEL (tab and line feed
// apart: `shape` decides), bidirectional formatting controls, and the Unicode line and paragraph
// separators in a one-line field.
bool isRefusedCodePoint(char32_t c, TextShape shape);

} // namespace madoguchi
