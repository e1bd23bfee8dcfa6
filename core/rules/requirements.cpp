// What the rule book answers: the few computations on an answer (its total, the inquiry answer's
// last day).
#include "core/rules/requirements.hpp"

#include <numeric>

namespace madoguchi::rules {

int Requirements::totalYen() const
{
    // A fee charged only in circumstances not given is listed, not counted.
    return std::accumulate(fees.begin(), fees.end(), 0,
                           [](int sum, const Fee& f) { return sum + (f.applies ? f.yen : 0); });
}

std::optional<boost::gregorian::date> answerDeadline(const Route& route, const boost::gregorian::date& mailedOn)
{
    if (!route.inquiry || !route.answerWithin)
        return std::nullopt;
    return mailedOn + boost::gregorian::days(route.answerWithin->days);
}

} // namespace madoguchi::rules
