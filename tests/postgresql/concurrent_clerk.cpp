// One clerk of the concurrency test: `concurrent_clerk URL CLERK OPERATIONS SEED`. Adds cases,
// moves recent ones (its own and the other clerks') through their statuses and edits their notes,
// always with the version it read (optimistic locking). Prints one line per acknowledged change,
// which the test then finds in the database:
//   add ID RECEPTION_NUMBER | status ID | edit ID TOKEN | refused ID (a stale status change) |
//   conflict ID (an edit to merge and save again)
#include "core/common/errors.hpp"
#include "db/case_store.hpp"

#include <iostream>
#include <random>
#include <string>

using namespace madoguchi;

int main(int argc, char** argv)
{
    if (argc != 5) {
        std::cerr << "usage: concurrent_clerk URL CLERK OPERATIONS SEED\n";
        return 2;
    }
    std::string url = argv[1], clerk = argv[2];
    int operations = std::stoi(argv[3]);
    std::mt19937 rng(static_cast<unsigned>(std::stoul(argv[4])));
    db::Actor actor{"clerk" + clerk};
    db::StoreOptions options;
    try {
        auto store = db::openStore(url, options);
        std::uniform_real_distribution<double> pick(0, 1);
        for (int op = 0; op < operations; ++op) {
            db::CaseQuery recentQuery;
            recentQuery.limit = 12; // few cases, many clerks: real contention
            auto recent = store->search(recentQuery);
            double r = pick(rng);
            if (r < 0.3 || recent.empty()) {
                CaseDraft d;
                d.resident.name = "山田 太郎" + clerk;
                d.resident.kana = "ヤマダ タロウ";
                d.resident.birth = boost::gregorian::date(1970, 5, 20);
                d.window = clerk;
                Case c = store->add(d, actor);
                std::cout << "add " << c.id << ' ' << c.receptionNumber << '\n';
                continue;
            }
            CaseId id = recent[std::uniform_int_distribution<std::size_t>(0, recent.size() - 1)(rng)].id;
            Case c = store->get(id);
            if (r < 0.6) {
                CaseStatus to = c.status == CaseStatus::InProgress ? CaseStatus::Waiting : CaseStatus::InProgress;
                try {
                    store->changeStatus(id, to, "照会中", actor, c.version);
                    std::cout << "status " << id << '\n';
                } catch (const ConflictError&) {
                    std::cout << "refused " << id << '\n'; // the clerk is told; the status stays
                }
                continue;
            }
            // An edit that meets a conflict is merged and saved again, as the window asks the clerk to.
            std::string token = "c" + clerk + "-" + std::to_string(op);
            for (int attempt = 0;; ++attempt) {
                c.notes += " " + token;
                try {
                    store->update(c, actor);
                    std::cout << "edit " << id << ' ' << token << '\n';
                    break;
                } catch (const ConflictError&) {
                    std::cout << "conflict " << id << '\n';
                    c = store->get(id);
                }
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "clerk " << clerk << ": " << e.what() << '\n';
        return 3;
    }
    std::cout << "done\n";
    return 0;
}
