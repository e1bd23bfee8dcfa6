#pragma once
// Text files from Japanese offices come in UTF-8 (with or without a byte-order mark) or in
// Shift_JIS as Windows writes it (CP932: a Japanese Excel's "CSV" is that). The encoding is told
// apart and converted by ICU's converters — strictly: a byte sequence that is not a character in
// the encoding is an error naming its line, never a replacement character or a silent guess.
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi {

enum class TextEncoding { Utf8, Utf8WithBom, ShiftJis };

std::string_view encodingName(TextEncoding e); // "UTF-8", "UTF-8 (BOM)", "Shift_JIS (CP932)"

// One line of a file, converted to UTF-8 (without its line end).
struct DecodedLine {
    int number = 0; // 1 for the first line
    std::string text;
};

struct DecodedText {
    TextEncoding encoding = TextEncoding::Utf8;
    std::vector<DecodedLine> lines;
    // Lines that are not text in the encoding taken: "line 4: not valid Shift_JIS (CP932) at
    // byte 12". Empty when the whole file converted.
    std::vector<std::pair<int, std::string>> faults;
};

// Splits `bytes` into lines (LF or CRLF; 0x0A is never part of a CP932 character, so the split
// is safe before conversion) and converts them. A byte-order mark means UTF-8. Otherwise a file
// that is valid UTF-8 throughout is UTF-8; else the encoding under which fewer lines fail — CP932
// unless UTF-8 fails fewer — is taken, and its failing lines are the faults. `forced` skips the
// guess (from a column-mapping file that names the encoding).
DecodedText decodeJapaneseText(std::string_view bytes);
DecodedText decodeJapaneseText(std::string_view bytes, TextEncoding forced);

// The text in CP932 (for writing a file a Japanese Excel opens); ValidationError naming the
// character when it has none there.
std::string toShiftJis(std::string_view utf8);

} // namespace madoguchi
