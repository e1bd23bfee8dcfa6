#pragma once
// The case book both benchmarks build and search: N generated residents over ~1,400 cases an
// office day from 2024-04-01 (one visit in ten for two procedures), imported through the store in
// 50,000-case transactions, and the searches a counter makes on it. The same seed gives the same residents on either
// backend.
#include "bench/bench_timing.hpp"
#include "bench/realistic_names.hpp"
#include "core/common/clock.hpp"
#include "db/case_store.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>

namespace madoguchi::bench {

struct BookShape {
    std::size_t cases;
    boost::gregorian::date firstDay{2024, 4, 1};
    int days;
    // One visit in `twoProcedureEvery` also has a second procedure (0: none): the renewal wave's
    // PIN reset + certificate renewal, a card-information change + new certificates.
    int twoProcedureEvery = 10;
};

inline BookShape shapeFor(std::size_t cases)
{
    return {cases, boost::gregorian::date(2024, 4, 1), std::max<int>(1, static_cast<int>(cases / 1400))};
}

// The visit's second procedure, when it has one (the generated residents stay the same whatever
// the share: no random number is drawn for it).
inline void addSecondProcedure(CaseDraft& d)
{
    Procedure second = d.procedure == Procedure::CertRenewal ? Procedure::PinReset : Procedure::CertRenewal;
    d.procedures = {{d.procedure, CaseStatus::Done}, {second, CaseStatus::Done}};
}

// Imports the generated cases and returns the seconds spent inside the store.
inline double loadCases(db::CaseStore& store, const BookShape& shape, std::mt19937_64& rng)
{
    const std::size_t batch = 50'000;
    Clock::duration inStore{};
    for (std::size_t done = 0; done < shape.cases; done += batch) {
        std::vector<db::ImportedCase> in;
        for (std::size_t i = done; i < std::min(shape.cases, done + batch); ++i) {
            auto day = shape.firstDay + boost::gregorian::days(static_cast<long>(i * shape.days / shape.cases));
            int minute = static_cast<int>(i % 480);
            char at[40];
            std::snprintf(at, sizeof at, "%sT%02d:%02d:00+09:00", toIso(day).c_str(), 8 + minute / 60, minute % 60);
            in.push_back({randomResident(rng), at, CaseStatus::Done});
            if (shape.twoProcedureEvery > 0 && i % shape.twoProcedureEvery == 0)
                addSecondProcedure(in.back().draft);
        }
        auto t0 = Clock::now(); // generating the names is not the store's time
        store.importCases(in, {"bench"});
        inStore += Clock::now() - t0;
        if ((done + batch) % 200'000 == 0)
            std::printf("  %7zu cases: %.0f cases/s so far\n", done + batch,
                        (done + batch) / std::chrono::duration<double>(inStore).count());
    }
    return std::chrono::duration<double>(inStore).count();
}

// What clerks type: two or three kana of a surname, 1..3 characters of a name, a birth date, a day.
struct SearchInputs {
    std::vector<std::string> prefixes, substrings, births, days;
};

inline SearchInputs searchInputs(const BookShape& shape, std::mt19937_64& rng, int runs)
{
    SearchInputs in;
    for (int i = 0; i < runs; ++i) {
        const auto& s = kSurnames[rng() % kSurnames.size()];
        std::string kana = foldForSearch(s.kana);
        in.prefixes.push_back(kana.substr(0, 3 * (2 + rng() % 2))); // two or three kana (3 bytes each)
        auto r = randomResident(rng);
        in.substrings.push_back(substringOf(r.resident.name, rng));
        in.births.push_back(toIso(r.resident.birth));
        in.days.push_back(toIso(shape.firstDay + boost::gregorian::days(static_cast<long>(rng() % shape.days))));
    }
    return in;
}

} // namespace madoguchi::bench
