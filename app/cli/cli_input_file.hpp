#pragma once
// A file a command reads whole (an import): one place for the size limit and the one-line message
// when it cannot be read (exit 2: the name given was wrong, nothing was done).
#include <string>

namespace madoguchi::cli {

// "-" reads standard input. Throws ValidationError "WHAT FILE: cannot be read (reason)".
std::string readInputFile(const std::string& path, const std::string& what);

} // namespace madoguchi::cli
