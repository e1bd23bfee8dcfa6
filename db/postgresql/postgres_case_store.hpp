#pragma once
// The case book on a PostgreSQL server (libpqxx): many windows and offices on one database.
// Same meaning as SqliteCaseStore; what differs is how concurrency is handled: reception numbers
// come from a per-office-day counter row (UPDATE … RETURNING), saves lock the case row and compare
// its version, and changes are announced with NOTIFY for the other windows' live refresh.
#include "db/audit_log.hpp"
#include "db/booking_store.hpp"
#include "db/card_register.hpp"
#include "db/case_store.hpp"
#include "db/postgresql/postgres_session.hpp"
#include "db/user_store.hpp"

namespace madoguchi::db {

// The case book, its bookings, its users and its audit trail share one database and its
// transactions: an audited change and its audit entry commit together or not at all.
class PostgresCaseStore final : public CaseStore,
                                public UserStore,
                                public AuditLog,
                                public CardRegister,
                                public BookingStore {
public:
    PostgresCaseStore(const std::string& url, const StoreOptions& options);
    ~PostgresCaseStore() override;

    Case add(const CaseDraft& draft, const Actor& actor) override;
    std::vector<CaseId> importCases(const std::vector<ImportedCase>& cases, const Actor& actor) override;
    std::optional<Case> find(CaseId id) override;
    std::vector<CaseSummary> search(const CaseQuery& query) override;
    using CaseStore::changeStatus;
    Case changeStatus(CaseId id, const StatusChange& change, const Actor& actor) override;
    Case reopen(CaseId id, const std::string& reason, const Actor& actor, std::optional<Procedure> procedure) override;
    Case update(const Case& edited, const Actor& actor) override;
    // Calls (postgres_calls.cpp)
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

    // UserStore (postgres_user_store.cpp)
    bool hasUsers() override;
    User createFirstAdmin(const std::string& name, const std::string& password) override;
    Actor authenticate(const std::string& name, const std::string& password) override;
    User addUser(const std::string& name, Role role, const std::string& password, const Actor& by) override;
    User setRole(const std::string& name, Role role, const Actor& by) override;
    User setActive(const std::string& name, bool active, const Actor& by) override;
    void setPassword(const std::string& name, const std::string& password, const Actor& by) override;
    std::vector<User> users(const Actor& by) override;

    // AuditLog (postgres_audit_log.cpp)
    void recordAccess(const Actor& actor, const std::string& action, const std::vector<CaseId>& cases,
                      const std::string& detail) override;
    std::vector<AuditEntry> auditDay(boost::gregorian::date day, const Actor& by) override;
    AuditVerification verifyAudit() override;
    int retentionDays() override;
    void setRetentionDays(int days, const Actor& by) override;
    PurgeResult purgeExpired(boost::gregorian::date today, const Actor& by, PurgeRun run) override;

    // CardRegister (postgresql/postgres_card_register.cpp)
    RegisterPutResult putIssuedCards(const std::vector<IssuedCard>& cards, const std::string& action,
                                     const Actor& by) override;
    std::vector<IssuedCard> issuedCards(const Actor& by, const std::string& why) override;
    std::vector<IssuedCard> issuedCardsById(const std::vector<std::string>& ids) override;
    std::int64_t issuedCardCount() override;
    // BookingStore (postgres_booking_store.cpp; checkIn beside add in postgres_case_store.cpp)
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

private:
    // A login as the user's own database role (postgres_user_store.cpp).
    Actor authenticateAsRole(const std::string& name, const std::string& password);
    bookings::Booking lockBooking(pqxx::work& tx, bookings::BookingId id);
    void markArrived(pqxx::work& tx, bookings::BookingId id, CaseId caseId, const std::string& at);
    StoreOptions options_;
    PostgresSession session_;
    // The URL names no user: the desk connects as whoever logs in, not before.
    bool logInAsUser_ = false;
    bool loggedIn_ = false;
};

// Appends audit entries inside the caller's transaction, after locking the chain's head; `entries`
// need at, user, role, action, caseId and detail (seq and hashes are filled in).
void appendAudit(pqxx::work& tx, std::vector<AuditEntry> entries);
// One entry.
void appendAudit(pqxx::work& tx, const Actor& actor, const std::string& action, std::optional<CaseId> caseId,
                 const std::string& detail, const std::string& at);

// Appends a history entry inside the caller's transaction (the trigger announces it).
void insertHistory(pqxx::work& tx, CaseId id, const HistoryEntry& entry);

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
