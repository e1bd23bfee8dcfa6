#include "core/card/my_number_mask.hpp"

#include <algorithm>

namespace madoguchi::card {

std::string maskMyNumber(std::string_view digits)
{
    bool twelveDigits = digits.size() == 12 && std::all_of(digits.begin(), digits.end(), [](char c) {
                            return c >= '0' && c <= '9';
                        });
    return twelveDigits ? "**** **** " + std::string(digits.substr(8)) : "**** **** ****";
}

} // namespace madoguchi::card
