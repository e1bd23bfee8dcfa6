#pragma once
// The case book on a PostgreSQL server (libpqxx): many windows and offices on one database.
// Same meaning as SqliteCaseStore; what differs is how concurrency is handled: reception numbers
// come from a per-office-day counter row (UPDATE … RETURNING), saves lock the case row and compare
// its version, and changes are announced with NOTIFY for the other windows' live refresh.
#include "db/case_store.hpp"
#include "db/postgresql/postgres_session.hpp"

namespace madoguchi::db {

class PostgresCaseStore final : public CaseStore {
public:
    PostgresCaseStore(const std::string& url, const StoreOptions& options);
    ~PostgresCaseStore() override;

    Case add(const CaseDraft& draft, const Actor& actor) override;
    std::vector<CaseId> importCases(const std::vector<ImportedCase>& cases, const Actor& actor) override;
    std::optional<Case> find(CaseId id) override;
    std::vector<CaseSummary> search(const CaseQuery& query) override;
    Case changeStatus(CaseId id, CaseStatus to, const std::string& reason, const Actor& actor,
                      std::optional<std::int64_t> expectedVersion) override;
    Case reopen(CaseId id, const std::string& reason, const Actor& actor) override;
    Case update(const Case& edited, const Actor& actor) override;
    IntegrityReport check() override;
    void backup(const std::filesystem::path& target) override;
    std::string describe() const override;
    std::unique_ptr<ChangeFeed> subscribe() override;

private:
    Case setStatus(CaseId id, CaseStatus to, const std::string& reason, const Actor& actor,
                   std::optional<std::int64_t> expectedVersion, bool reopening);

    StoreOptions options_;
    PostgresSession session_;
};

// Every distinct 1-, 2- and 3-character piece of each folded text (pieces never span two texts):
// the `grams` column the search index is built on.
std::vector<std::string> searchGrams(const std::vector<std::string>& foldedTexts);

// The connection URL without its password (given to pg_dump, which takes the password from its
// environment instead).
std::string withoutPassword(const std::string& url);

// The pieces a folded query must all be among: the query itself up to three characters, its
// three-character pieces beyond.
std::vector<std::string> queryGrams(const std::string& foldedQuery);

} // namespace madoguchi::db
