#pragma once
// A digest of a text as lowercase hex (BLAKE2b through libsodium), for keys and ids that must not
// carry the text itself: a register record's id from a resident's name, a failed login's count
// from whatever was typed as the user name.
#include <cstddef>
#include <string>
#include <string_view>

namespace madoguchi {

// `bytes` of digest (1..64), so 2 × bytes hex digits.
std::string digestHex(std::string_view text, std::size_t bytes);

} // namespace madoguchi
