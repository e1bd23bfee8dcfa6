#include "core/rules/requirements.hpp"

#include <numeric>

namespace madoguchi::rules {

int Requirements::totalYen() const
{
    // A fee charged only in circumstances not given is listed, not counted.
    return std::accumulate(fees.begin(), fees.end(), 0,
                           [](int sum, const Fee& f) { return sum + (f.applies ? f.yen : 0); });
}

} // namespace madoguchi::rules
