#pragma once
// Bytes as they go to and come from the card.
#include <cstdint>
#include <string>
#include <vector>

namespace madoguchi::card {

using Bytes = std::vector<std::uint8_t>;

// "00 A4 04 0C" — for messages and logs of commands that hold no PIN.
std::string toHex(const Bytes& bytes);

} // namespace madoguchi::card
