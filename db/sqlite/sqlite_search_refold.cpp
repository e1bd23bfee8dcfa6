#include "db/sqlite/sqlite_search_refold.hpp"

#include "core/text/search_fold.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <string>

namespace madoguchi::db {

namespace {

std::string storedFold(SQLite::Database& db)
{
    SQLite::Statement q(db, "SELECT value FROM settings WHERE key = 'search_fold'");
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

int refoldCases(SQLite::Database& db)
{
    SQLite::Statement rows(db, "SELECT id, name, kana FROM cases");
    SQLite::Statement update(db, "UPDATE cases SET name_folded = ?, kana_folded = ? WHERE id = ?");
    SQLite::Statement chars(db, "INSERT INTO case_search_chars (rowid, name_chars, kana_chars) VALUES (?, ?, ?)");
    // The character index keeps no copy of what it indexed, so it cannot be told the old values
    // row by row: it is emptied and filled again. The trigram index reads `cases` and is rebuilt.
    db.exec("INSERT INTO case_search_chars (case_search_chars) VALUES ('delete-all')");
    int n = 0;
    while (rows.executeStep()) {
        auto id = rows.getColumn(0).getInt64();
        std::string name = foldForSearch(rows.getColumn(1).getString());
        std::string kana = foldForSearch(rows.getColumn(2).getString());
        update.bind(1, name);
        update.bind(2, kana);
        update.bind(3, id);
        update.exec();
        update.reset();
        chars.bind(1, id);
        chars.bind(2, spacedCharacters(name));
        chars.bind(3, spacedCharacters(kana));
        chars.exec();
        chars.reset();
        ++n;
    }
    db.exec("INSERT INTO case_search_trigram (case_search_trigram) VALUES ('rebuild')");
    return n;
}

int refoldBookings(SQLite::Database& db)
{
    SQLite::Statement rows(db, "SELECT id, name, kana FROM bookings");
    SQLite::Statement update(db, "UPDATE bookings SET name_folded = ?, kana_folded = ? WHERE id = ?");
    int n = 0;
    while (rows.executeStep()) {
        update.bind(1, foldForSearch(rows.getColumn(1).getString()));
        update.bind(2, foldForSearch(rows.getColumn(2).getString()));
        update.bind(3, rows.getColumn(0).getInt64());
        update.exec();
        update.reset();
        ++n;
    }
    return n;
}

} // namespace

int refoldSqliteSearchTexts(SQLite::Database& db)
{
    const std::string current = searchFoldId();
    if (storedFold(db) == current)
        return 0;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (storedFold(db) == current) // another program folded them while we waited for the lock
        return 0;
    int n = refoldCases(db) + refoldBookings(db);
    SQLite::Statement note(db, "INSERT INTO settings (key, value) VALUES ('search_fold', ?)"
                               " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    note.bind(1, current);
    note.exec();
    tx.commit();
    return n;
}

} // namespace madoguchi::db
