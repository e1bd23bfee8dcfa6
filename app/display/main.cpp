// madoguchi-display: the waiting hall's screen server. Reads the case book read-only (BoardFeed),
// serves the page and its live stream (HallServer) until SIGINT or SIGTERM. Exit codes as
// madoguchi-cli's: 2 bad options, 3 a case book that cannot be read at all, or an address that
// cannot be bound.
#include "app/common/process_hardening.hpp"
#include "app/common/version_info.hpp"
#include "app/display/board_feed.hpp"
#include "app/display/display_options.hpp"
#include "app/display/hall_server.hpp"
#include "core/common/errors.hpp"

#include <csignal>
#include <iostream>
#include <pthread.h>
#include <thread>

using namespace madoguchi;
using namespace madoguchi::display;

namespace {

int fail(int code, const std::string& message)
{
    std::cerr << "madoguchi-display: " << message << '\n';
    return code;
}

} // namespace

int main(int argc, char** argv)
{
    app::keepSecretsOutOfCoreDumps(); // it maps pages of the case book
    std::vector<std::string> args(argv + 1, argv + argc);
    DisplayOptions options;
    try {
        options = parseDisplayOptions(args);
    } catch (const ValidationError& e) {
        return fail(2, e.what());
    }
    if (options.help) {
        std::cout << options.usage;
        return 0;
    }
    if (options.version) {
        std::cout << app::versionText("madoguchi-display", app::libraryVersions());
        return 0;
    }

    // Signals are taken by one thread (below) and nowhere else; a screen that goes away mid-write
    // is an error on that connection, not the end of the server.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    DisplayLog log(std::cerr);
    BoardHub hub;
    BoardFeed feed(options.db, options.office, hub, log);
    try {
        feed.openNow();
    } catch (const StorageError& e) {
        return fail(3, e.what());
    } catch (const ValidationError& e) {
        return fail(2, e.what());
    }
    ServerLimits limits;
    limits.maxConnections = options.maxConnections;
    HallServer server(hub, log, limits);
    try {
        options.listen.port = server.bind(options.listen.host, options.listen.port);
    } catch (const std::exception& e) {
        return fail(3, e.what());
    }
    feed.start();
    // The first line on stdout: where the hall's screen opens the page (the tests read it).
    std::cout << "madoguchi-display: serving " << urlOf(options.listen) << " for office " << options.office
              << std::endl;
    log.line("listening on " + urlOf(options.listen) + " (office " + options.office + ")");

    std::thread waiter([&] {
        int sig = 0;
        sigwait(&signals, &sig);
        log.line(std::string("stopping (") + (sig == SIGTERM ? "SIGTERM" : "SIGINT") + ")");
        hub.stop();
        server.stop();
    });
    server.run();
    // Stopped from elsewhere (it never is today): release the signal thread too.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    feed.stop();
    return 0;
}
