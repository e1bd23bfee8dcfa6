#pragma once
// Until core/mynumber's mask() has landed, the card module masks with this one, in the same
// format ("**** **** 9018"): only the last four digits are ever shown.
#include <string>
#include <string_view>

namespace madoguchi::card {

std::string maskMyNumber(std::string_view digits);

} // namespace madoguchi::card
