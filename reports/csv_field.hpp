#pragma once
// One CSV field, RFC 4180: quoted when it holds a comma, a quote or a line break, the quotes
// doubled. `freeText`: a field someone typed that starts with = + - @ would be run as a formula by
// a spreadsheet (CSV injection); it is given a leading apostrophe, which Excel shows as plain text.
#include <string>

namespace madoguchi::reports {

std::string csvField(const std::string& v, bool freeText = false);

} // namespace madoguchi::reports
