#include "core/security/password.hpp"

#include "core/common/errors.hpp"

#include <sodium.h>
#include <stdexcept>

namespace madoguchi {

namespace {

void initSodium()
{
    // Safe to call more than once and from several threads.
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
}

} // namespace

std::string hashPassword(const std::string& password)
{
    if (password.size() < 8)
        throw ValidationError("password: at least 8 characters");
    initSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("not enough memory to hash the password");
    return out;
}

bool verifyPassword(const std::string& password, const std::string& hash)
{
    initSodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string unmatchableHash()
{
    // $argon2id$v=19$m=<KiB>,t=<passes>,p=1$<16-byte salt>$<32-byte digest>, base64 without padding.
    return "$argon2id$v=19$m=" + std::to_string(crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024) +
           ",t=" + std::to_string(crypto_pwhash_OPSLIMIT_INTERACTIVE) + ",p=1$" + std::string(22, 'A') + "$" +
           std::string(43, 'A');
}

} // namespace madoguchi
