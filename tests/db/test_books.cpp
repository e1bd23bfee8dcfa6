#include "tests/db/test_books.hpp"

#include <atomic>
#include <cstdlib>
#include <pqxx/pqxx>
#include <unistd.h>

namespace madoguchi::test {

namespace {

class SqliteBook final : public TestBook {
public:
    std::string url() const override { return "sqlite:" + (dir_ / "book.db").string(); }

private:
    TempDir dir_;
};

class PostgresBook final : public TestBook {
public:
    explicit PostgresBook(std::string admin) : admin_(std::move(admin))
    {
        static std::atomic<int> counter{0};
        name_ = "madoguchi_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
        pqxx::connection c(admin_);
        pqxx::nontransaction n(c);
        n.exec("DROP DATABASE IF EXISTS " + n.quote_name(name_));
        n.exec("CREATE DATABASE " + n.quote_name(name_) + " TEMPLATE template0 ENCODING 'UTF8'");
    }
    ~PostgresBook() override
    {
        try {
            pqxx::connection c(admin_);
            pqxx::nontransaction n(c);
            n.exec("DROP DATABASE IF EXISTS " + n.quote_name(name_) + " WITH (FORCE)");
        } catch (...) {
            // a test that stopped the server leaves the database to the next cluster start
        }
    }
    std::string url() const override { return withDatabase(admin_, name_); }

private:
    std::string admin_, name_;
};

} // namespace

std::string testPostgresAdminUrl()
{
    const char* url = std::getenv("MADOGUCHI_TEST_PG_URL");
    return url ? url : "";
}

std::string withDatabase(const std::string& url, const std::string& database)
{
    auto query = url.find('?');
    std::string base = url.substr(0, query);
    std::string rest = query == std::string::npos ? "" : url.substr(query);
    auto authority = base.find("://") + 3;
    auto slash = base.find('/', authority);
    return (slash == std::string::npos ? base : base.substr(0, slash)) + "/" + database + rest;
}

std::unique_ptr<TestBook> makeTestBook(const std::string& backend)
{
    if (backend == "sqlite")
        return std::make_unique<SqliteBook>();
    std::string admin = testPostgresAdminUrl();
    if (admin.empty())
        return nullptr;
    return std::make_unique<PostgresBook>(admin);
}

} // namespace madoguchi::test
