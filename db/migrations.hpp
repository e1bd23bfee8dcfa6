#pragma once
#include <string>
#include <vector>

namespace madoguchi::db {

struct Migration {
    int version;      // PRAGMA user_version after it (SQLite), schema_version row (PostgreSQL)
    std::string file; // its file name in db/migrations/<backend>/
    std::string sql;
};

const std::vector<Migration>& sqliteMigrations();
// The version the newest migration brings a database to.
int newestVersion(const std::vector<Migration>& migrations);
// Throws StorageError when a database is newer than this program: it must not guess at a schema
// it was not built for.
void refuseNewerSchema(int current, int newest);
const std::vector<Migration>& postgresMigrations();

} // namespace madoguchi::db
