#pragma once
// Who is at this desk, as the operating system knows it: not a Madoguchi user (those log in),
// but where a login comes from.
#include <string>

namespace madoguchi::app {

// The desk a login comes from: "host/osuser". Failed logins are counted per desk as well as per
// typed name (db/login_throttle.hpp), so cycling through names does not escape the delay.
std::string currentDesk();

} // namespace madoguchi::app
