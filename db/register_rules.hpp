#pragma once
// The register's rules both stores apply (db/card_register.cpp), so neither spells them out.
#include "db/card_register.hpp"

#include <string>

namespace madoguchi::db {

// Supervisor or admin: AccessDenied otherwise.
void requireMayKeepRegister(const Actor& actor);
// The audit detail of an import or sync: counts only ("added 3, updated 0, unchanged 2").
std::string registerPutDetail(const RegisterPutResult& result);

} // namespace madoguchi::db
