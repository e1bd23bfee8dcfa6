// One window of the calling race: `concurrent_caller URL WINDOW` calls the next resident until
// nobody waits, printing "called ID RECEPTION_NUMBER" for each visit it got, then "done". The test
// starts two of these on one case book at once (call_concurrency_test.cpp).
#include "db/case_store.hpp"

#include <iostream>

using namespace madoguchi;

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::cerr << "usage: concurrent_caller URL WINDOW\n";
        return 2;
    }
    try {
        auto store = db::openStore(argv[1]);
        db::Actor actor{std::string("window") + argv[2]};
        db::WindowCall call{argv[2], {}};
        while (auto c = store->callNext(call, actor))
            std::cout << "called " << c->id << ' ' << c->receptionNumber << '\n' << std::flush;
    } catch (const std::exception& e) {
        std::cerr << "window " << argv[2] << ": " << e.what() << '\n';
        return 3;
    }
    std::cout << "done\n";
    return 0;
}
