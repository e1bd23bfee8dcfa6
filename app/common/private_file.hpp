#pragma once
// Files the console tool and the window write that may hold personal or audit data: created new
// with mode 0600 (never over an existing file), written beside their name and renamed into place
// when complete.
#include <string>

namespace madoguchi::app {

void writePrivateFile(const std::string& path, const std::string& content);

} // namespace madoguchi::app
