#pragma once
// The case book as the window uses it. Every call runs on a StoreWorker while the window waits
// without freezing: most calls end within milliseconds and nothing is shown; one that takes
// longer than a second (a server or network that stopped answering: up to 5 s to connect, 15 s
// for a request) puts up a small "waiting for the case book" window that goes by itself when the
// call ends, in success or error. That window is modal, so the clerk cannot start a second save
// meanwhile; the other windows keep painting.
#include "app/gui/store_worker.hpp"
#include "db/audit_log.hpp"
#include "db/booking_store.hpp"
#include "db/card_register.hpp"
#include "db/case_store.hpp"
#include "db/user_store.hpp"

#include <functional>
#include <string>
#include <type_traits>

class wxWindow;

namespace madoguchi::gui {

class WaitingStore final : public db::CaseStore,
                           public db::UserStore,
                           public db::AuditLog,
                           public db::BookingStore,
                           public db::CardRegister {
public:
    // `parent`: the window the wait is shown over (none: the middle of the screen).
    WaitingStore(db::CaseStore& inner, wxWindow* parent);
    ~WaitingStore() override;

    // True while a call's wait window is up (tests look, and stay off the store meanwhile).
    static bool waitShown();

    // Told on the window's thread when a call fails for want of the server (StorageError
    // Unreachable), before the error goes on to the caller: the main window puts up its banner
    // whichever dialog made the call and however it shows the error.
    void onUnreachable(std::function<void(const std::string&)> told) { unreachable_ = std::move(told); }

    Case add(const CaseDraft& draft, const db::Actor& actor) override;
    std::vector<CaseId> importCases(const std::vector<db::ImportedCase>& cases, const db::Actor& actor) override;
    std::optional<Case> find(CaseId id) override;
    Case get(CaseId id) override;
    std::vector<db::CaseSummary> search(const db::CaseQuery& query) override;
    using db::CaseStore::changeStatus;
    Case changeStatus(CaseId id, const db::StatusChange& change, const db::Actor& actor) override;
    Case reopen(CaseId id, const std::string& reason, const db::Actor& actor,
                std::optional<Procedure> procedure) override;
    Case update(const Case& edited, const db::Actor& actor) override;
    std::optional<Case> callNext(const db::WindowCall& call, const db::Actor& actor) override;
    Case callAgain(CaseId id, const db::Actor& actor) override;
    Case markAbsent(CaseId id, const db::Actor& actor) override;
    Case callNumber(const std::string& receptionNumber, const std::string& window, const db::Actor& actor) override;
    CallSettings callSettings() override;
    void setCallSettings(const CallSettings& settings, const db::Actor& by) override;
    db::IntegrityReport check() override;
    void backup(const std::filesystem::path& target, files::Overwrite overwrite,
                const std::function<void()>& beforePlacing) override;
    using CaseStore::backup;
    std::string describe() const override;
    std::unique_ptr<db::ChangeFeed> subscribe() override; // opens its own connection: not on the worker
    db::UserStore& users() override { return *this; }
    db::AuditLog& audit() override { return *this; }

    bool hasUsers() override;
    db::User createFirstAdmin(const std::string& name, const std::string& password) override;
    db::Actor authenticate(const std::string& name, const std::string& password) override;
    db::User addUser(const std::string& name, Role role, const std::string& password, const db::Actor& by) override;
    db::User setRole(const std::string& name, Role role, const db::Actor& by) override;
    db::User setActive(const std::string& name, bool active, const db::Actor& by) override;
    void setPassword(const std::string& name, const std::string& password, const db::Actor& by) override;
    std::vector<db::User> users(const db::Actor& by) override;

    void recordAccess(const db::Actor& actor, const std::string& action, const std::vector<CaseId>& cases,
                      const std::string& detail) override;
    std::vector<AuditEntry> auditDay(boost::gregorian::date day, const db::Actor& by) override;
    db::AuditVerification verifyAudit() override;
    int retentionDays() override;
    void setRetentionDays(int days, const db::Actor& by) override;
    db::PurgeResult purgeExpired(boost::gregorian::date today, const db::Actor& by, db::PurgeRun run) override;

    // The booking book (waiting_booking_store.cpp); null where the inner store keeps none.
    db::BookingStore* bookings() override;
    bookings::Booking addBooking(const bookings::BookingDraft& draft, const bookings::OfficeCalendar& calendar,
                                 const db::Actor& actor) override;
    std::optional<bookings::Booking> findBooking(bookings::BookingId id) override;
    std::optional<bookings::Booking> findBookingByNumber(const std::string& number) override;
    std::vector<bookings::Booking> searchBookings(const db::BookingQuery& query) override;
    std::vector<bookings::Appointment> appointmentsOn(const boost::gregorian::date& day) override;
    std::map<boost::gregorian::date, std::vector<bookings::Appointment>>
    appointmentsBetween(const boost::gregorian::date& from, const boost::gregorian::date& to) override;
    bookings::Booking moveBooking(bookings::BookingId id, const bookings::StartTime& to,
                                  const bookings::OfficeCalendar& calendar, const db::Actor& actor) override;
    bookings::Booking cancelBooking(bookings::BookingId id, const std::string& reason, const db::Actor& actor) override;
    Case checkIn(bookings::BookingId id, const CaseDraft& visit, const db::Actor& actor) override;
    db::BookingImportResult importBookings(const std::vector<db::ImportedBooking>& lines,
                                           const bookings::OfficeCalendar& calendar, const db::Actor& actor) override;
    void recordBookingAccess(const db::Actor& actor, const std::string& action,
                             const std::vector<bookings::BookingId>& ids, const std::string& detail) override;

    // The issued-card register (waiting_card_register.cpp: the supervisor view's forecast); null
    // where the inner store keeps none.
    db::CardRegister* cardRegister() override;
    db::RegisterPutResult putIssuedCards(const std::vector<IssuedCard>& cards, const std::string& action,
                                         const db::Actor& by) override;
    std::vector<IssuedCard> issuedCards(const db::Actor& by, const std::string& why) override;
    std::vector<IssuedCard> issuedCardsById(const std::vector<std::string>& ids) override;
    std::int64_t issuedCardCount() override;

private:
    template <typename F> std::invoke_result_t<F&> call(F&& f);
    db::CardRegister& innerRegister();
    db::BookingStore& innerBookings();
    void waitVisibly(const std::function<bool()>& done);

    db::CaseStore& inner_;
    wxWindow* parent_;
    std::function<void(const std::string&)> unreachable_;
    StoreWorker worker_;
};

} // namespace madoguchi::gui
