#pragma once
// A fresh, empty case book for one test on either backend: a SQLite file in a temporary folder,
// or a database of its own on the test PostgreSQL server (MADOGUCHI_TEST_PG_URL, started by
// scripts/services/start-postgresql.sh), dropped afterwards.
#include "tests/support/temp_dir.hpp"

#include <memory>
#include <string>

namespace madoguchi::test {

class TestBook {
public:
    virtual ~TestBook() = default;
    virtual std::string url() const = 0; // what --db / db::openStore take
};

// "sqlite" or "postgresql"; nullptr for postgresql when MADOGUCHI_TEST_PG_URL is not set.
std::unique_ptr<TestBook> makeTestBook(const std::string& backend);

// The superuser URL of the test server, or "" (then PostgreSQL tests skip; scripts/test.sh
// always sets it, and fails when the server cannot start).
std::string testPostgresAdminUrl();

// `url` with its database name replaced.
std::string withDatabase(const std::string& url, const std::string& database);

} // namespace madoguchi::test
