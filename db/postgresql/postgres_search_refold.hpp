#pragma once
// PostgreSQL's side of sqlite_search_refold.hpp: when core's search fold changed since the case
// book's rows were written, their folded columns and the `grams` they are found by are made again.
#include <pqxx/pqxx>

namespace madoguchi::db {

// One transaction, under an advisory lock so two desks opening at once fold once. Returns the
// rows folded (0 when the book's note 'search_fold' is already core's current fold).
int refoldPostgresSearchTexts(pqxx::connection& conn);

} // namespace madoguchi::db
