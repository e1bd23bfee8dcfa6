// "The database is the boundary" (issue #20 item 2): what psql with a desk's credentials can do to
// the case book, and what the trail says about it. A change to a case, a booking or a user made
// outside the program leaves an entry written by the database itself (migration 009), chained as
// the program chains (so `db verify-audit` stays true to what happened); the program's own changes
// leave only the program's entries, as before.
#include "core/bookings/booking_rules.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "db/audit_log.hpp"
#include "db/booking_store.hpp"
#include "db/user_store.hpp"
#include "tests/db/store_fixture.hpp"
#include "tests/support/run_process.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <pqxx/pqxx>
#include <regex>
#include <unistd.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

std::string psqlProgram()
{
    const char* bin = std::getenv("MADOGUCHI_TEST_PG_BIN");
    return bin ? std::string(bin) + "/psql" : "psql";
}

std::string asRole(const std::string& url, const std::string& role)
{
    return std::regex_replace(url, std::regex("://[^@/]*@"), "://" + role + "@");
}

// psql as a desk's role would use it: one statement, stop on the first error.
ProcessResult psqlAs(const std::string& url, const std::string& sql)
{
    return runProcess({psqlProgram(), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql});
}

std::string fileText(const std::string& path)
{
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The office role of docs/admin-guide.md, with office_role_grants.sql run as written.
void createOfficeRole(const std::string& ownerUrl, const std::string& role)
{
    pqxx::connection c(ownerUrl);
    pqxx::work tx(c);
    tx.exec("DROP ROLE IF EXISTS " + tx.quote_name(role));
    tx.exec("CREATE ROLE " + tx.quote_name(role) + " LOGIN");
    std::string sql = fileText(MADOGUCHI_TEST_SOURCE_DIR "/../db/postgresql/office_role_grants.sql");
    tx.exec(std::regex_replace(sql, std::regex(":\"office_role\""), tx.quote_name(role)));
    tx.commit();
}

void dropRole(const std::string& ownerUrl, const std::string& role)
{
    pqxx::connection c(ownerUrl);
    pqxx::work tx(c);
    tx.exec("DROP OWNED BY " + tx.quote_name(role));
    tx.exec("DROP ROLE " + tx.quote_name(role));
    tx.commit();
}

std::vector<AuditEntry> allEntries(const std::string& url)
{
    pqxx::connection c(url);
    pqxx::work tx(c);
    std::vector<AuditEntry> out;
    for (const auto& r : tx.exec(
             "SELECT seq, at, user_name, role, action, case_id, detail, prev_hash, hash FROM audit_log ORDER BY seq")) {
        AuditEntry e;
        e.seq = r[0].as<std::int64_t>();
        e.at = r[1].as<std::string>();
        e.user = r[2].as<std::string>();
        e.role = r[3].as<std::string>();
        e.action = r[4].as<std::string>();
        if (!r[5].is_null())
            e.caseId = r[5].as<std::int64_t>();
        e.detail = r[6].as<std::string>();
        e.prevHash = r[7].as<std::string>();
        e.hash = r[8].as<std::string>();
        out.push_back(e);
    }
    return out;
}

class DatabaseBoundary : public ::testing::Test {
protected:
    void SetUp() override
    {
        book = makeTestBook("postgresql");
        if (!book)
            GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
        store = db::openStore(book->url()); // the owner migrates
        office = "office_boundary_" + std::to_string(::getpid());
        createOfficeRole(book->url(), office);
    }
    void TearDown() override
    {
        if (book) {
            store.reset();
            dropRole(book->url(), office);
        }
    }
    std::string officeUrl() const { return asRole(book->url(), office); }
    std::unique_ptr<TestBook> book;
    std::unique_ptr<db::CaseStore> store;
    std::string office;
};

} // namespace

// The database's BLAKE2b-256 and field framing are the program's: entries of every shape (no
// case, a case, Japanese text, a detail longer than a block) hash alike on both sides.
TEST_F(DatabaseBoundary, TheDatabaseHashesAnEntryAsTheProgramDoes)
{
    std::vector<AuditEntry> entries = {
        {1, "2026-12-02T10:05:00+09:00", "sato", "clerk", "case.view", 42, "", auditGenesisHash(), ""},
        {2, "2026-12-02T10:05:01+09:00", "佐藤", "admin", "user.change", std::nullopt, "佐藤 role=admin", "ab", ""},
        {3, "", "", "", "", std::nullopt, std::string(300, 'x'), std::string(64, 'f'), ""},
        {4, "2026-12-02T10:05:02+09:00", "clerk1", "clerk", "case.status", 7, std::string(111, 'y'), "", ""},
    };
    pqxx::connection c(book->url());
    pqxx::work tx(c);
    for (const auto& e : entries) {
        std::string caseId = e.caseId ? std::to_string(*e.caseId) : "";
        std::string fromDb =
            tx.exec_params1("SELECT madoguchi_audit_hash($1, $2, $3, $4, $5::bigint, $6, $7)", e.at, e.user, e.role,
                            e.action, e.caseId ? caseId.c_str() : nullptr, e.detail, e.prevHash)[0]
                .as<std::string>();
        EXPECT_EQ(fromDb, computeAuditHash(e)) << e.seq;
    }
}

// The finding of issue #20: a resident's name changed with psql and the desk's credentials, no
// entry, verify-audit "ok". Now the change has its entry, naming the role and the column (not the
// name), and the chain checks.
TEST_F(DatabaseBoundary, ACaseChangedWithPsqlHasItsEntryAndTheChainHolds)
{
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    auto before = store->audit().verifyAudit();
    ASSERT_TRUE(before.ok) << before.problem;
    auto r = psqlAs(officeUrl(), "UPDATE cases SET name = '偽名 花子' WHERE id = " + std::to_string(c.id));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto after = store->audit().verifyAudit();
    EXPECT_TRUE(after.ok) << after.problem;
    EXPECT_EQ(after.entries, before.entries + 1);
    auto entries = allEntries(book->url());
    const AuditEntry& e = entries.back();
    EXPECT_EQ(e.user, office);
    EXPECT_EQ(e.action, "case.change");
    ASSERT_TRUE(e.caseId);
    EXPECT_EQ(*e.caseId, c.id);
    EXPECT_EQ(e.detail, "in the database: UPDATE cases (name)");
    EXPECT_EQ(e.detail.find("偽名"), std::string::npos);
    // The CLI's nightly check agrees.
    auto verify = runCli({"--db", book->url(), "db", "verify-audit"});
    EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
}

// One entry per row and transaction, for each kind of row: a procedure line, a booking and a user
// changed in one psql transaction are three entries; the same row changed twice is one.
TEST_F(DatabaseBoundary, EveryKindOfRowChangedOutsideTheProgramIsAudited)
{
    db::Actor admin{"admin", Role::Admin};
    store->users().createFirstAdmin("admin", "correct horse");
    store->users().addUser("hanako", Role::Clerk, "pw-hanako-1", admin);
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    std::vector<Procedure> pin{Procedure::PinReset};
    auto& bookings = *store->bookings();
    auto slot = bookings.firstFreeSlot(pin, bookings::nowAtOffice(), bookings::OfficeCalendar::defaults());
    ASSERT_TRUE(slot);
    bookings::BookingDraft b;
    b.procedures = pin;
    b.start = slot->start;
    b.name = "佐藤 一郎";
    b.kana = "サトウ イチロウ";
    b.birth = boost::gregorian::date(1961, 4, 2);
    auto booked = bookings.addBooking(b, bookings::OfficeCalendar::defaults(), kClerk);
    auto before = allEntries(book->url()).size();
    std::string id = std::to_string(c.id), bid = std::to_string(booked.id);
    auto r = psqlAs(officeUrl(), "BEGIN; UPDATE case_procedures SET status = 'done' WHERE case_id = " + id +
                                     "; UPDATE case_procedures SET status = 'received' WHERE case_id = " + id +
                                     "; UPDATE bookings SET notes = '電話あり' WHERE id = " + bid +
                                     "; UPDATE users SET role = 'admin' WHERE name = 'hanako'; COMMIT;");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto entries = allEntries(book->url());
    ASSERT_EQ(entries.size(), before + 3);
    std::vector<std::string> details;
    for (std::size_t i = before; i < entries.size(); ++i) {
        EXPECT_EQ(entries[i].user, office);
        EXPECT_EQ(entries[i].role, "database"); // the office's role is no user of the program
        details.push_back(entries[i].action + " " + entries[i].detail);
    }
    std::sort(details.begin(), details.end());
    EXPECT_EQ(details[0], "booking.change booking " + bid + "; in the database: UPDATE bookings (notes)");
    EXPECT_EQ(details[1], "case.change in the database: UPDATE case_procedures (status)");
    EXPECT_EQ(details[2], "user.change hanako in the database: UPDATE users (role)");
    auto v = store->audit().verifyAudit();
    EXPECT_TRUE(v.ok) << v.problem;
}

// The program's own changes keep their own entries and get no second one from the database: the
// day's flows on every audited table, then no entry written by the database at all.
TEST_F(DatabaseBoundary, TheProgramsOwnChangesLeaveOnlyItsOwnEntries)
{
    auto& users = store->users();
    users.createFirstAdmin("admin", "correct horse");
    db::Actor admin = users.authenticate("admin", "correct horse");
    users.addUser("hanako", Role::Clerk, "pw-hanako-1", admin);
    users.setRole("hanako", Role::Supervisor, admin);
    users.setPassword("hanako", "pw-hanako-2", admin);
    users.setActive("hanako", false, admin);
    users.setActive("hanako", true, admin);
    EXPECT_THROW(users.authenticate("hanako", "wrong"), AccessDenied);
    auto office = db::openStore(officeUrl());
    Case c = office->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    c = office->changeStatus(c.id, {CaseStatus::InProgress, "", c.procedure, c.version}, kClerk);
    c.notes = "確認済み";
    c.documents.push_back({"本人確認書類", true});
    office->update(c, kClerk);
    std::vector<Procedure> pin{Procedure::PinReset};
    auto& bookings = *office->bookings();
    auto slot = bookings.firstFreeSlot(pin, bookings::nowAtOffice(), bookings::OfficeCalendar::defaults());
    ASSERT_TRUE(slot);
    bookings::BookingDraft b;
    b.procedures = pin;
    b.start = slot->start;
    b.name = "佐藤 一郎";
    b.kana = "サトウ イチロウ";
    b.birth = boost::gregorian::date(1961, 4, 2);
    auto booked = bookings.addBooking(b, bookings::OfficeCalendar::defaults(), kClerk);
    bookings.cancelBooking(booked.id, "本人より電話", kClerk);
    auto second = bookings.addBooking(b, bookings::OfficeCalendar::defaults(), kClerk);
    if (second.start.day == now().localDay) // a check-in is for today's bookings only
        bookings.checkIn(second.id, db::caseDraftFromBooking(second), kClerk);
    std::vector<db::ImportedCase> old{
        {draft("古い 完了", "フルイ カンリョウ"), "2020-01-06T09:00:00+09:00", CaseStatus::Done}};
    store->importCases(old, admin);
    store->audit().setRetentionDays(365, admin);
    store->audit().purgeExpired(now().localDay, admin, db::PurgeRun::Delete);

    auto entries = allEntries(book->url());
    for (const auto& e : entries)
        EXPECT_EQ(e.detail.find("in the database"), std::string::npos) << e.seq << " " << e.action << " " << e.detail;
    auto v = store->audit().verifyAudit();
    EXPECT_TRUE(v.ok) << v.problem;
}

// A program of a newer search folding folds the search columns of every case and booking again on
// opening (#20 item 8): one entry for it, not one per row, and nothing a user typed is changed.
TEST_F(DatabaseBoundary, FoldingTheSearchColumnsAgainIsOneEntry)
{
    for (int i = 0; i < 5; ++i)
        store->add(draft("髙橋 太郎" + std::to_string(i), "タカハシ タロウ"), kClerk);
    {
        pqxx::connection c(book->url());
        pqxx::work tx(c);
        tx.exec("UPDATE cases SET name_folded = 'x', kana_folded = 'x', grams = '{}'");
        tx.exec("DELETE FROM settings WHERE key = 'search_fold'");
        tx.commit();
    }
    auto before = allEntries(book->url()).size();
    ASSERT_EQ(before, 5u + 1u) << "the owner's own UPDATE of the search columns is one entry too";
    store = db::openStore(book->url()); // folds them again
    auto entries = allEntries(book->url());
    ASSERT_EQ(entries.size(), before + 1);
    EXPECT_EQ(entries.back().action, "search.refold");
    EXPECT_FALSE(entries.back().caseId);
    EXPECT_TRUE(store->audit().verifyAudit().ok);
}
