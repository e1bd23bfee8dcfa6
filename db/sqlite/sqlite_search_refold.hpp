#pragma once
// The folded search columns (name_folded, kana_folded and the full-text indexes over them) are
// made by core/text/search_fold.hpp when a row is written. When the folding itself changes (the
// variant-character table grew, a new rule), rows written before would no longer be found by the
// new fold of a query: opening the case book folds them again, once, and notes with which fold.
#include <SQLiteCpp/Database.h>

namespace madoguchi::db {

// Folds every case's and booking's search columns again when the book's note of its fold
// (settings key 'search_fold') is not core's current one; one transaction. Returns the rows folded.
int refoldSqliteSearchTexts(SQLite::Database& db);

} // namespace madoguchi::db
