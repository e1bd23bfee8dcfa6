#pragma once
// Where the waiting hall's display listens and what a screen opens for it: one reading for
// madoguchi-display's --listen and for the window's settings page, which says the address.
#include <string>

namespace madoguchi::app {

struct ListenAddress {
    std::string host = "127.0.0.1"; // safe by default: this machine only
    int port = 8080;
};

// "127.0.0.1:8080", "0.0.0.0:8080", "[::1]:8080", "hall-pc.local:8080"; port 0 picks a free one.
// ValidationError naming the option otherwise.
ListenAddress parseListenAddress(const std::string& text);
// What a browser opens for it: http://127.0.0.1:8080/ (an IPv6 host in brackets).
std::string urlOf(const ListenAddress& a);

} // namespace madoguchi::app
