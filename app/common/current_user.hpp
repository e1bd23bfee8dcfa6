#pragma once
#include <string>

namespace madoguchi::app {

// The operating-system login name; the actor of changes until users of our own exist.
std::string currentOsUser();

} // namespace madoguchi::app
