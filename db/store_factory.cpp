#include "core/cases/reception_number.hpp"
#include "core/common/errors.hpp"
#include "db/case_rules.hpp"
#include "db/case_store.hpp"
#include "db/postgresql/postgres_case_store.hpp"
#include "db/sqlite/sqlite_case_store.hpp"

#include <string>

namespace madoguchi::db {

std::unique_ptr<CaseStore> openStore(const std::string& url, const StoreOptions& given)
{
    StoreOptions options = given;
    options.office = checkOfficeCode(given.office); // it is written in every case: refused here, not later
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
        return std::make_unique<PostgresCaseStore>(url, options);
    }
    // Anything else that names a scheme is a typo (postgress://, mysql://): not a file name to
    // create. Only the scheme is repeated: the rest of a URL may hold a password.
    if (auto scheme = url.find("://"); scheme != std::string::npos && url.rfind("sqlite:", 0) != 0)
        throw ValidationError("--db: unknown database scheme \"" + url.substr(0, scheme) +
                              "://\" (a SQLite file path, sqlite:PATH or postgresql://...)");
    std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
    if (path.empty())
        throw ValidationError("--db: empty database path");
    return std::make_unique<SqliteCaseStore>(path, options);
}

namespace {

class SilentFeed final : public ChangeFeed {
public:
    std::vector<ChangeEvent> poll(std::chrono::milliseconds) override { return {}; }
};

} // namespace

std::unique_ptr<ChangeFeed> CaseStore::subscribe()
{
    return std::make_unique<SilentFeed>();
}

Case CaseStore::get(CaseId id)
{
    if (auto c = find(id))
        return *c;
    throwNoSuchCase(id);
}

Case CaseStore::changeStatus(CaseId id, CaseStatus to, const std::string& reason, const Actor& actor,
                             std::optional<std::int64_t> expectedVersion)
{
    return changeStatus(id, StatusChange{to, reason, std::nullopt, expectedVersion}, actor);
}

} // namespace madoguchi::db
