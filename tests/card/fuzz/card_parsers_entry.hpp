#pragma once
// One input through every parser that sees bytes from a card: the answer split, BER-TLV, token
// info, the card-info files, the DER length and OpenSSL's X.509 parse. Used by the libFuzzer
// target and by the test that replays the corpus and every crash found so far.
#include <cstddef>
#include <cstdint>

namespace madoguchi::fuzz {
void runCardParsers(const std::uint8_t* data, std::size_t size);
}
