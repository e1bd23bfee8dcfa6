#include "db/postgresql/postgres_search_refold.hpp"

#include "core/text/search_fold.hpp"

#include <string>

namespace madoguchi::db {

namespace {

// An arbitrary key for pg_advisory_xact_lock: "folding the search columns again".
constexpr long long kRefoldLockKey = 0x4d44475246;

bool foldIsCurrent(pqxx::work& tx, const std::string& current)
{
    auto r = tx.exec_params("SELECT value FROM settings WHERE key = 'search_fold'");
    return !r.empty() && r[0][0].as<std::string>() == current;
}

} // namespace

int refoldPostgresSearchTexts(pqxx::connection& conn)
{
    const std::string current = searchFoldId();
    pqxx::work tx(conn);
    if (foldIsCurrent(tx, current)) // the usual case: nothing to lock, nothing to write
        return 0;
    // A user's own database role that may not write the settings (a clerk's: user_roles.sql)
    // leaves it to the owner's or an admin's program (docs/admin-guide.md: the owner opens the
    // book after an upgrade); searches meanwhile go by the older folding.
    if (!tx.exec1("SELECT has_table_privilege('settings', 'INSERT') AND has_table_privilege('settings', 'UPDATE')")[0]
             .as<bool>())
        return 0;
    tx.exec_params("SELECT pg_advisory_xact_lock($1)", kRefoldLockKey);
    if (foldIsCurrent(tx, current)) // another desk folded them while we waited
        return 0;
    int n = 0;
    for (const auto& row : tx.exec("SELECT id, name, kana FROM cases")) {
        std::string name = foldForSearch(row[1].as<std::string>()), kana = foldForSearch(row[2].as<std::string>());
        tx.exec_params("UPDATE cases SET name_folded = $1, kana_folded = $2,"
                       " grams = madoguchi_search_grams($1) || madoguchi_search_grams($2) WHERE id = $3",
                       name, kana, row[0].as<long long>());
        ++n;
    }
    for (const auto& row : tx.exec("SELECT id, name, kana FROM bookings")) {
        tx.exec_params("UPDATE bookings SET name_folded = $1, kana_folded = $2 WHERE id = $3",
                       foldForSearch(row[1].as<std::string>()), foldForSearch(row[2].as<std::string>()),
                       row[0].as<long long>());
        ++n;
    }
    tx.exec_params("INSERT INTO settings (key, value) VALUES ('search_fold', $1)"
                   " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   current);
    tx.commit();
    return n;
}

} // namespace madoguchi::db
