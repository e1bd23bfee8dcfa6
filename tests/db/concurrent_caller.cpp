// One window of the calling race: `concurrent_caller URL WINDOW START_MS` opens the case book,
// waits until START_MS (milliseconds since the epoch, so that two programs whose start-up took
// different times begin calling at the same instant), then calls the next resident until nobody
// waits, printing "called ID RECEPTION_NUMBER" for each visit it got, then "done". The test starts
// two of these on one case book at once (call_concurrency_test.cpp).
#include "db/case_store.hpp"

#include <chrono>
#include <iostream>
#include <string>
#include <thread>

using namespace madoguchi;

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::cerr << "usage: concurrent_caller URL WINDOW START_MS\n";
        return 2;
    }
    try {
        auto store = db::openStore(argv[1]);
        db::Actor actor{std::string("window") + argv[2]};
        db::WindowCall call{argv[2], {}};
        std::this_thread::sleep_until(
            std::chrono::system_clock::time_point(std::chrono::milliseconds(std::stoll(argv[3]))));
        while (auto c = store->callNext(call, actor)) {
            std::cout << "called " << c->id << ' ' << c->receptionNumber << '\n' << std::flush;
            // A window serves the resident before it calls again. Without a pause SQLite's
            // busy handler lets the program holding the write lock take it again at once, and
            // one window would get every visit: no race would be tested.
            std::this_thread::sleep_for(std::chrono::milliseconds(3));
        }
    } catch (const std::exception& e) {
        std::cerr << "window " << argv[2] << ": " << e.what() << '\n';
        return 3;
    }
    std::cout << "done\n";
    return 0;
}
