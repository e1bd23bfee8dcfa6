#pragma once
// The waiting hall's HTTP server (cpp-httplib): the page at `/`, its script and style, the board
// as JSON, the live stream of boards and calls (Server-Sent Events), a health check. Read-only and
// small on purpose: GET and HEAD only (another method on a known path: 405; any other path:
// 404), no request body taken, a limit on connections (connection_limit.hpp), short timeouts, a
// Content-Security-Policy that lets the page load nothing but itself, and a log without personal
// data (display_log.hpp).
#include "app/display/board_hub.hpp"
#include "app/display/display_log.hpp"

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace madoguchi::display {

struct ServerLimits {
    std::size_t maxConnections = 64; // screens and page loads at once; one more is answered 503
    std::size_t maxBodyBytes = 0;    // no route takes a body (413 beyond); the headers' limit is the library's 8 KB
    std::chrono::seconds readTimeout{5};
    std::chrono::seconds keepAlive{5};
    std::chrono::seconds heartbeat{10}; // an SSE comment this often: a screen gone away is noticed
};

// The paths served; every other is 404.
bool isHallPath(const std::string& path);

class HallServer {
public:
    HallServer(BoardHub& hub, DisplayLog& log, ServerLimits limits = {});
    ~HallServer();
    // Binds now (so that a taken port is an error before anything starts); port 0 picks a free
    // one. Returns the port. std::runtime_error when the address cannot be bound.
    int bind(const std::string& host, int port);
    void run();  // serves until stop()
    void stop(); // from any thread
    static constexpr const char* kContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self';"
        " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

private:
    void routes();

    BoardHub& hub_;
    DisplayLog& log_;
    ServerLimits limits_;
    std::unique_ptr<httplib::Server> server_;
};

} // namespace madoguchi::display
