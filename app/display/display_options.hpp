#pragma once
// madoguchi-display's command line (docs/admin-guide.md, "The waiting-hall display"):
//   madoguchi-display --db PATH|URL [--listen ADDR:PORT] [--office-code C] [--max-connections N]
// Safe by default: it listens on 127.0.0.1 unless told another address.
#include "app/common/listen_address.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::display {

using app::ListenAddress;
using app::parseListenAddress;
using app::urlOf;

struct DisplayOptions {
    std::string db;
    ListenAddress listen;
    std::string office; // --office-code, else $MADOGUCHI_OFFICE, else main
    std::size_t maxConnections = 64;
    bool help = false, version = false;
    std::string usage; // for --help
};

// ValidationError on a bad or missing option.
DisplayOptions parseDisplayOptions(const std::vector<std::string>& args);

} // namespace madoguchi::display
