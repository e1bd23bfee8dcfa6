// Child of the crash test: adds cases as fast as it can and prints each id on stdout once the
// store has returned it (i.e. after the commit). The parent kills it with SIGKILL at random.
#include "db/case_store.hpp"

#include <cstdio>
#include <string>

int main(int argc, char** argv)
{
    if (argc != 2)
        return 2;
    auto store = madoguchi::db::openStore(argv[1]);
    for (int i = 0;; ++i) {
        madoguchi::CaseDraft d;
        d.resident.name = "試験 " + std::to_string(i);
        d.resident.kana = "シケン";
        d.resident.birth = boost::gregorian::date(1980, 1, 1 + i % 28);
        d.documents = {{"運転免許証", true}};
        auto c = store->add(d, {"crash"});
        std::printf("%lld\n", static_cast<long long>(c.id));
        std::fflush(stdout);
    }
}
