#pragma once
#include "db/case_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <memory>

namespace madoguchi::db {

class SqliteCaseStore final : public CaseStore {
public:
    SqliteCaseStore(const std::filesystem::path& path, const StoreOptions& options);
    ~SqliteCaseStore() override;

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

    SQLite::Database& database() { return *db_; } // for tests and tools inside db/

private:
    struct Statements;
    CaseId insertCase(const CaseDraft& draft, const std::string& at, const std::string& day, CaseStatus status,
                      const Actor& actor);
    void writeDocuments(CaseId id, const std::vector<CheckedDocument>& documents);
    void indexForSearch(CaseId id, const std::string& nameFolded, const std::string& kanaFolded);
    void unindexForSearch(CaseId id);
    void appendHistory(CaseId id, const std::string& at, const std::string& actor, std::optional<CaseStatus> from,
                       CaseStatus to, const std::string& reason);
    Case setStatus(CaseId id, CaseStatus to, const std::string& reason, const Actor& actor,
                   std::optional<std::int64_t> expectedVersion, bool reopening);

    std::filesystem::path path_;
    StoreOptions options_;
    std::unique_ptr<SQLite::Database> db_;
    std::unique_ptr<Statements> st_;
};

} // namespace madoguchi::db
