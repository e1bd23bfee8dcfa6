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
const std::vector<Migration>& postgresMigrations();

} // namespace madoguchi::db
