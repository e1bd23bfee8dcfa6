#pragma once
#include "db/audit_log.hpp"
#include "db/booking_store.hpp"
#include "db/call_rules.hpp"
#include "db/card_register.hpp"
#include "db/case_rules.hpp"
#include "db/case_store.hpp"
#include "db/user_rules.hpp"
#include "db/user_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace madoguchi::db {

struct SqliteAuditStatements;
struct BookingRow;

// The case book, its bookings, its users and its audit trail live in one file and share its
// transactions: an audited change and its audit entry commit together or not at all.
class SqliteCaseStore final : public CaseStore,
                              public UserStore,
                              public AuditLog,
                              public CardRegister,
                              public BookingStore {
public:
    SqliteCaseStore(const std::filesystem::path& path, const StoreOptions& options);
    ~SqliteCaseStore() override;

    Case add(const CaseDraft& draft, const Actor& actor) override;
    std::vector<CaseId> importCases(const std::vector<ImportedCase>& cases, const Actor& actor) override;
    std::optional<Case> find(CaseId id) override;
    std::vector<CaseSummary> search(const CaseQuery& query) override;
    using CaseStore::changeStatus;
    Case changeStatus(CaseId id, const StatusChange& change, const Actor& actor) override;
    Case reopen(CaseId id, const std::string& reason, const Actor& actor, std::optional<Procedure> procedure) override;
    Case update(const Case& edited, const Actor& actor) override;
    // Calls (sqlite_calls.cpp)
    std::optional<Case> callNext(const WindowCall& call, const Actor& actor) override;
    Case callAgain(CaseId id, const Actor& actor) override;
    Case markAbsent(CaseId id, const Actor& actor) override;
    Case callNumber(const std::string& receptionNumber, const std::string& window, const Actor& actor) override;
    CallSettings callSettings() override;
    void setCallSettings(const CallSettings& settings, const Actor& by) override;
    IntegrityReport check() override;
    void backup(const std::filesystem::path& target, files::Overwrite overwrite,
                const std::function<void()>& beforePlacing) override;
    using CaseStore::backup;
    std::string describe() const override;
    std::unique_ptr<ChangeFeed> subscribe() override;
    UserStore& users() override { return *this; }
    AuditLog& audit() override { return *this; }
    CardRegister* cardRegister() override { return this; }
    BookingStore* bookings() override { return this; }

    // UserStore (sqlite_user_store.cpp)
    bool hasUsers() override;
    User createFirstAdmin(const std::string& name, const std::string& password) override;
    Actor authenticate(const std::string& name, const std::string& password) override;
    User addUser(const std::string& name, Role role, const std::string& password, const Actor& by) override;
    User setRole(const std::string& name, Role role, const Actor& by) override;
    User setActive(const std::string& name, bool active, const Actor& by) override;
    void setPassword(const std::string& name, const std::string& password, const Actor& by) override;
    std::vector<User> users(const Actor& by) override;

    // AuditLog (sqlite_audit_log.cpp)
    void recordAccess(const Actor& actor, const std::string& action, const std::vector<CaseId>& cases,
                      const std::string& detail) override;
    std::vector<AuditEntry> auditDay(boost::gregorian::date day, const Actor& by) override;
    AuditVerification verifyAudit() override;
    int retentionDays() override;
    void setRetentionDays(int days, const Actor& by) override;
    PurgeResult purgeExpired(boost::gregorian::date today, const Actor& by, PurgeRun run) override;

    // CardRegister (sqlite/sqlite_card_register.cpp)
    RegisterPutResult putIssuedCards(const std::vector<IssuedCard>& cards, const std::string& action,
                                     const Actor& by) override;
    std::vector<IssuedCard> issuedCards(const Actor& by, const std::string& why) override;
    std::vector<IssuedCard> issuedCardsById(const std::vector<std::string>& ids) override;
    std::int64_t issuedCardCount() override;
    // BookingStore (sqlite_booking_store.cpp)
    bookings::Booking addBooking(const bookings::BookingDraft& draft, const bookings::OfficeCalendar& calendar,
                                 const Actor& actor) override;
    std::optional<bookings::Booking> findBooking(bookings::BookingId id) override;
    std::optional<bookings::Booking> findBookingByNumber(const std::string& number) override;
    std::vector<bookings::Booking> searchBookings(const BookingQuery& query) override;
    std::vector<bookings::Appointment> appointmentsOn(const boost::gregorian::date& day) override;
    std::map<boost::gregorian::date, std::vector<bookings::Appointment>>
    appointmentsBetween(const boost::gregorian::date& from, const boost::gregorian::date& to) override;
    bookings::Booking moveBooking(bookings::BookingId id, const bookings::StartTime& to,
                                  const bookings::OfficeCalendar& calendar, const Actor& actor) override;
    bookings::Booking cancelBooking(bookings::BookingId id, const std::string& reason, const Actor& actor) override;
    Case checkIn(bookings::BookingId id, const CaseDraft& visit, const Actor& actor) override;
    BookingImportResult importBookings(const std::vector<ImportedBooking>& lines,
                                       const bookings::OfficeCalendar& calendar, const Actor& actor) override;
    void recordBookingAccess(const Actor& actor, const std::string& action, const std::vector<bookings::BookingId>& ids,
                             const std::string& detail) override;

    SQLite::Database& database() { return *db_; } // for tests and tools inside db/

private:
    struct Statements;
    struct RowTexts; // db/case_row_texts.hpp and the character lists of the one-character index
    static RowTexts rowTexts(const Resident& resident);
    CaseId insertCase(const CaseDraft& draft, const RowTexts& texts, const std::string& day, const NewVisit& visit,
                      const Actor& actor,
                      const std::string& importedAt, // "" for a new case
                      const std::optional<CaseBooking>& booking = std::nullopt);
    // Bookings (sqlite_booking_store.cpp), inside the caller's write transaction.
    bookings::BookingId insertBooking(const BookingRow& row, const Actor& actor, const std::string& at,
                                      const char* auditAction);
    std::vector<bookings::Appointment> readAppointments(const std::string& day);
    std::optional<bookings::Booking> readBooking(const std::string& where,
                                                 const std::function<void(SQLite::Statement&)>& bind);
    void writeLine(CaseId id, std::size_t position, const ProcedureLine& line);
    std::vector<ProcedureLine> readLines(CaseId id);
    StoredVisit readVisit(CaseId id); // NotFound when there is none
    // The lines, the visit's status, version and time, the history and the audit entry.
    void writeChange(const StoredVisit& visit, const VisitChange& change, const Actor& actor, const std::string& at);
    void writeDocuments(CaseId id, const std::vector<CheckedDocument>& documents);
    // Calls, inside the caller's write transaction (sqlite_calls.cpp).
    std::vector<QueueEntry> readQueue(const std::string& day);
    StoredCall readCall(CaseId id); // NotFound when there is none
    std::optional<CaseId> findNumber(const std::string& receptionNumber, const std::string& day);
    void writeCall(const StoredCall& visit, const CallChange& change, const Actor& actor, const std::string& at);
    template <typename Plan> Case callById(CaseId id, const Actor& actor, const char* doing, Plan&& plan);
    void indexForSearch(CaseId id, const RowTexts& texts);
    void unindexForSearch(CaseId id);
    void appendHistory(CaseId id, const HistoryEntry& entry);
    // Inside the caller's write transaction: the next chained entry and the new head.
    void appendAudit(const Actor& actor, const std::string& action, std::optional<CaseId> caseId,
                     const std::string& detail, const std::string& at);
    // A bulk import appends thousands of cases in one write transaction: it reads the audit chain's
    // head and each day's last reception number once, keeps them here while it inserts, and
    // stores the head once before the commit. Nobody else can write meanwhile (IMMEDIATE).
    void beginBulkWrite();
    void endBulkWrite();     // before the commit
    void abandonBulkWrite(); // after an exception: the transaction rolls back, so forget both
    int nextReceptionSeq(const std::string& day);
    struct AuditHead {
        std::int64_t seq = 0;
        std::string hash;
    };
    AuditHead readAuditHead();
    std::optional<User> findUser(const std::string& name);
    LoginFailures loginFailures(const std::string& nameKey, const std::string& deskKey, const std::string& nowIso);

    std::filesystem::path path_;
    StoreOptions options_;
    std::unique_ptr<SQLite::Database> db_;
    std::unique_ptr<Statements> st_;
    std::unique_ptr<SqliteAuditStatements> auditSt_;
    struct BookingStatements;
    std::unique_ptr<BookingStatements> bookingSt_; // prepared on first use
    BookingStatements& bookingStatements();
    std::optional<AuditHead> batchHead_;                // set only during a bulk write
    std::unordered_map<std::string, int> batchNextSeq_; // day → next reception seq, bulk write only
};

} // namespace madoguchi::db
