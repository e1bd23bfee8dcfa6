#pragma once
// Passwords as Argon2id hashes (libsodium crypto_pwhash_str, INTERACTIVE limits: about 64 MiB and
// a tenth of a second, so a stolen database costs an attacker that much per guess). The hash
// string carries its own salt and parameters.
#include <string>

namespace madoguchi {

// Refuses (ValidationError) a password shorter than 8 characters.
std::string hashPassword(const std::string& password);
bool verifyPassword(const std::string& password, const std::string& hash);
// A well-formed hash with the same parameters as hashPassword's that no password matches (its
// digest is zeros): verifying against it costs what verifying a real one costs.
std::string unmatchableHash();

} // namespace madoguchi
