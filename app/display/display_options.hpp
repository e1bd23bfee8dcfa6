#pragma once
// madoguchi-display's command line (docs/admin-guide.md, "The waiting-hall display"):
//   madoguchi-display --db PATH|URL [--listen ADDR:PORT] [--office-code C] [--max-connections N]
// Safe by default: it listens on 127.0.0.1 unless told another address.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::display {

struct ListenAddress {
    std::string host = "127.0.0.1";
    int port = 8080;
};

// "127.0.0.1:8080", "0.0.0.0:8080", "[::1]:8080", "hall-pc.local:8080"; port 0 picks a free one.
// ValidationError naming the option otherwise.
ListenAddress parseListenAddress(const std::string& text);
// What a browser opens for it: http://127.0.0.1:8080/ (an IPv6 host in brackets).
std::string urlOf(const ListenAddress& a);

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
