#include "core/rules/requirements.hpp"

#include <numeric>

namespace madoguchi::rules {

int Requirements::totalYen() const
{
    return std::accumulate(fees.begin(), fees.end(), 0, [](int sum, const Fee& f) { return sum + f.yen; });
}

} // namespace madoguchi::rules
