#include "app/common/listen_address.hpp"

#include "core/common/errors.hpp"

#include <algorithm>
#include <cctype>

namespace madoguchi::app {

ListenAddress parseListenAddress(const std::string& text)
{
    auto bad = [&](const std::string& why) {
        return ValidationError("--listen: \"" + text + "\" " + why + " (ADDR:PORT, e.g. 127.0.0.1:8080)");
    };
    ListenAddress a;
    std::string portText;
    if (!text.empty() && text.front() == '[') {
        auto close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':')
            throw bad("is not an address and port");
        a.host = text.substr(1, close - 1);
        portText = text.substr(close + 2);
    } else {
        auto colon = text.rfind(':');
        if (colon == std::string::npos || colon == 0)
            throw bad("is not an address and port");
        a.host = text.substr(0, colon);
        portText = text.substr(colon + 1);
        if (a.host.find(':') != std::string::npos)
            throw bad("needs an IPv6 address in brackets");
    }
    if (a.host.empty())
        throw bad("has no address");
    for (char c : a.host)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':'))
            throw bad("has a character no address has");
    if (portText.empty() || portText.size() > 5 ||
        !std::all_of(portText.begin(), portText.end(), [](unsigned char c) { return std::isdigit(c); }))
        throw bad("has no port number");
    a.port = std::stoi(portText);
    if (a.port > 65535)
        throw bad("has a port above 65535");
    return a;
}

std::string urlOf(const ListenAddress& a)
{
    bool v6 = a.host.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + a.host + "]" : a.host) + ":" + std::to_string(a.port) + "/";
}

} // namespace madoguchi::app
