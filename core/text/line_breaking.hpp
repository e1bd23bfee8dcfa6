#pragma once
// Line breaking for mixed Japanese and Latin text, independent of libharu so that the rules can be
// tested on their own. Japanese breaks between any two characters except where 禁則 (kinsoku, JIS X
// 4051) forbids it: no line starts with closing brackets, 、。 and small kana, none ends with an
// opening bracket. Latin words and numbers (0120-95-0178, A-012) break only at spaces.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::text {

// Width of a piece of text in points at the size being laid out.
using MeasureText = std::function<double(std::string_view)>;

// Splits `text` into lines no wider than `maxWidth`. '\n' forces a break. A single word wider
// than the line (a long e-mail address) is cut between characters rather than overflowing.
std::vector<std::string> breakLines(std::string_view text, double maxWidth, const MeasureText& measure);

// The kinsoku classes, public for the tests.
bool mayNotStartLine(char32_t c);
bool mayNotEndLine(char32_t c);

// UTF-8 helpers.
std::vector<char32_t> decodeUtf8(std::string_view text); // invalid bytes become U+FFFD
void appendUtf8(std::string& out, char32_t c);

} // namespace madoguchi::text
