#include "core/security/digest.hpp"

#include <algorithm>
#include <sodium.h>

namespace madoguchi {

std::string digestHex(std::string_view text, std::size_t bytes)
{
    unsigned char hash[crypto_generichash_BYTES_MAX];
    bytes = std::clamp<std::size_t>(bytes, crypto_generichash_BYTES_MIN, crypto_generichash_BYTES_MAX);
    crypto_generichash(hash, bytes, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < bytes; ++i) {
        out += hex[hash[i] >> 4];
        out += hex[hash[i] & 15];
    }
    return out;
}

} // namespace madoguchi
