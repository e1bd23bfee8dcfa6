#pragma once
#include <string>

namespace madoguchi::app {

// The operating-system login name; the actor of changes until users of our own exist.
std::string currentOsUser();

// The desk a login comes from: "host/osuser". Failed logins are counted per desk as well as per
// typed name (db/login_throttle.hpp), so cycling through names does not escape the delay.
std::string currentDesk();

} // namespace madoguchi::app
