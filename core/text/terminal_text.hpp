#pragma once
// What the console tool prints goes through here: a stored text (one written before texts were
// checked, or a search's echo) can never move the cursor, change colours or retitle the terminal
// of whoever reads it. Control characters become visible escapes; invalid UTF-8 bytes too.
#include <string>
#include <string_view>

namespace madoguchi {

// Line feeds and tabs stay (the tool's own layout); every other control character, DEL, C1,
// bidirectional control and line/paragraph separator becomes `\u001b`-style text (also valid
// inside a JSON string, where it means the same character), a byte that is not UTF-8 `\xff`.
std::string escapeForTerminal(std::string_view text);

} // namespace madoguchi
