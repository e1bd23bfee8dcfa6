#pragma once
// A register of made-up cards, the same for every run (a fixed seed): births 1930–2022, cards
// issued 2016–2026 (the renewal wave of the 2016 start is in it), a fifth with certificates
// renewed later, 4 % bound to a period of stay, 3 % face-auth. Shared by the tests and the bench.
#include "core/register/issued_card.hpp"
#include "core/rules/deadlines.hpp"

#include <random>
#include <string>
#include <vector>

namespace madoguchi::test {

inline std::vector<IssuedCard> generatedRegister(std::size_t n, unsigned seed = 20261202)
{
    using boost::gregorian::date;
    using boost::gregorian::date_duration;
    std::mt19937 rng(seed);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    std::vector<IssuedCard> cards;
    cards.reserve(n);
    const date firstIssue(2016, 1, 4), lastIssue(2026, 11, 30);
    const int issueSpan = static_cast<int>((lastIssue - firstIssue).days());
    while (cards.size() < n) {
        IssuedCard c;
        c.recordId = "G" + std::to_string(cards.size() + 1);
        c.cardIssued = firstIssue + date_duration(uniform(0, issueSpan));
        c.birth = date(uniform(1930, 2022), uniform(1, 12), 1) + date_duration(uniform(0, 27));
        if (c.birth > c.cardIssued)
            c.birth = c.cardIssued - date_duration(uniform(30, 4000));
        int kind = uniform(0, 99);
        if (kind < 4)
            c.stayUntil = c.cardIssued + date_duration(uniform(200, 1800));
        else if (kind < 7)
            c.faceAuth = true;
        if (uniform(0, 4) == 0) {
            // Renewed certificates: while the card is valid (the engine refuses any later).
            auto d = rules::computeDeadlines(deadlineInputFor(c, c.cardIssued));
            auto room = (std::min(d.cardExpiry, lastIssue) - c.cardIssued).days();
            if (room > 2)
                c.certIssued = c.cardIssued + date_duration(uniform(1, static_cast<int>(room - 1)));
        }
        cards.push_back(std::move(c));
    }
    return cards;
}

} // namespace madoguchi::test
