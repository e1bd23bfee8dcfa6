// The console tool on a PostgreSQL case book: the same commands, `--db postgresql://…`; and
// `db backup` as a pg_dump archive that pg_restore brings back whole.
#include "core/bookings/booking_rules.hpp"
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "db/booking_store.hpp"
#include "db/card_register.hpp"
#include "db/case_store.hpp"
#include "db/migrations.hpp"
#include "db/user_store.hpp"
#include "tests/db/store_fixture.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <pqxx/pqxx>
#include <regex>
#include <sys/stat.h>
#include <unistd.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

std::string pgProgram(const std::string& name)
{
    const char* bin = std::getenv("MADOGUCHI_TEST_PG_BIN");
    return bin ? std::string(bin) + "/" + name : name;
}

} // namespace

TEST(PostgresCli, CasesAddedAndListedThroughTheConsoleTool)
{
    auto book = makeTestBook("postgresql");
    if (!book)
        GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
    auto init = runCli({"--db", book->url(), "user", "init-admin", "--name", "admin"}, "admin-pass-1\n");
    ASSERT_EQ(init.exitCode, 0) << init.err;
    const auto admin = cliUser("admin", "admin-pass-1");
    auto added = runCli({"--db", book->url(), "case", "add", "--procedure", "reissue", "--name", "山田 太郎", "--kana",
                         "ヤマダ タロウ", "--birth", "1970-05-20", "--json"},
                        "", admin);
    ASSERT_EQ(added.exitCode, 0) << added.err;
    EXPECT_EQ(added.json()["reception_number"], "A-001");
    auto listed = runCli({"--db", book->url(), "case", "list", "--search", "やまだ", "--json"}, "", admin);
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    ASSERT_EQ(listed.json().size(), 1u);
    EXPECT_EQ(listed.json()[0]["name"], "山田 太郎");
    auto check = runCli({"--db", book->url(), "db", "check", "--json"}, "", admin);
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
}

TEST(PostgresCli, AnUnreachableServerIsAStorageFaultNamingTheServer)
{
    auto r = runCli({"--db", "postgresql://clerk:secret@127.0.0.1:1/madoguchi", "case", "list"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("127.0.0.1"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("secret"), std::string::npos) << "the password was shown: " << r.err;
}

TEST(PostgresBackup, ADumpThatRestoresIntoAnEqualCaseBook)
{
    auto book = makeTestBook("postgresql");
    if (!book)
        GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
    auto store = db::openStore(book->url());
    for (int i = 0; i < 20; ++i)
        store->add(draft("山田 太郎" + std::to_string(i), "ヤマダ タロウ"), kClerk);
    TempDir dir;
    auto target = dir / "book.dump";
    store->backup(target);
    struct stat st {};
    ASSERT_EQ(stat(target.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_THROW(store->backup(target), ValidationError); // never overwrites

    auto restored = makeTestBook("postgresql");
    auto r = runProcess({pgProgram("pg_restore"), "--no-owner", "--dbname=" + restored->url(), target.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto copy = db::openStore(restored->url());
    auto report = copy->check();
    EXPECT_TRUE(report.ok);
    EXPECT_EQ(report.caseCount, 20);
    EXPECT_EQ(copy->add(draft("佐藤", "サトウ"), kClerk).receptionNumber, "A-021"); // the counter came along
}

// pg_dump inherited the whole environment, the Madoguchi login (MADOGUCHI_PASSWORD) included.
// A pg_dump of our own, first on PATH, writes down what it was given.
TEST(PostgresBackup, PgDumpGetsOnlyWhatItNeedsNotTheProgramsLogin)
{
    auto book = makeTestBook("postgresql");
    if (!book)
        GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
    ASSERT_EQ(runCli({"--db", book->url(), "user", "init-admin", "--name", "admin"}, "admin-pass-1\n").exitCode, 0);
    TempDir dir;
    auto bin = dir / "bin";
    std::filesystem::create_directory(bin);
    auto seen = dir / "pg_dump.env";
    {
        std::ofstream fake(bin / "pg_dump");
        fake << "#!/bin/sh\nenv > '" << seen.string() << "'\necho 'pg_dump: stopped by the test' >&2\nexit 1\n";
    }
    std::filesystem::permissions(bin / "pg_dump", std::filesystem::perms::owner_all);
    auto env = cliUser("admin", "admin-pass-1");
    env.push_back("PATH=" + bin.string() + ":" + std::getenv("PATH"));
    env.push_back("MADOGUCHI_PROBE_SECRET=not-for-pg_dump");
    env.push_back("PGCONNECT_TIMEOUT=7");
    auto target = dir / "book.dump";
    auto r = runCli({"--db", book->url(), "db", "backup", target.string()}, "", env);
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find("stopped by the test"), std::string::npos) << r.err;
    std::ifstream in(seen);
    std::string given((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(given.empty()) << "the fake pg_dump did not run";
    EXPECT_EQ(given.find("MADOGUCHI_PASSWORD"), std::string::npos) << given;
    EXPECT_EQ(given.find("admin-pass-1"), std::string::npos) << given;
    EXPECT_EQ(given.find("MADOGUCHI_PROBE_SECRET"), std::string::npos) << given;
    EXPECT_NE(given.find("PATH=" + bin.string()), std::string::npos) << given;
    EXPECT_NE(given.find("PGCONNECT_TIMEOUT=7"), std::string::npos) << "libpq's own settings must pass: " << given;
    EXPECT_FALSE(std::filesystem::exists(target));
}

namespace {

// An office's login role with the grants of office_role_grants.sql (its lines that mention
// `leaveOut` dropped: the grants of an older schema), as the admin guide's deployment
// (docs/admin-guide.md) makes it.
void createOfficeRole(pqxx::work& tx, const std::string& role, const std::vector<std::string>& leaveOut = {})
{
    tx.exec("DROP ROLE IF EXISTS " + tx.quote_name(role));
    tx.exec("CREATE ROLE " + tx.quote_name(role) + " LOGIN");
    std::ifstream grants(MADOGUCHI_TEST_SOURCE_DIR "/../db/postgresql/office_role_grants.sql");
    std::string sql, line;
    while (std::getline(grants, line))
        if (std::none_of(leaveOut.begin(), leaveOut.end(),
                         [&](const std::string& table) { return line.find(table) != std::string::npos; }))
            sql += line + "\n";
    ASSERT_FALSE(sql.empty());
    tx.exec(std::regex_replace(sql, std::regex(":\"office_role\""), tx.quote_name(role)));
    tx.exec("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
}

std::string asRole(const std::string& url, const std::string& role)
{
    return std::regex_replace(url, std::regex("://[^@/]*@"), "://" + role + "@");
}

void dropRole(const std::string& url, const std::string& role)
{
    pqxx::connection c(url);
    pqxx::work tx(c);
    tx.exec("DROP OWNED BY " + tx.quote_name(role));
    tx.exec("DROP ROLE " + tx.quote_name(role));
    tx.commit();
}

CaseDraft twoProcedureVisit()
{
    CaseDraft d = draft("山田 太郎", "ヤマダ タロウ");
    const Procedure two[] = {Procedure::PinReset, Procedure::CertRenewal};
    setProcedures(d, two);
    return d;
}

} // namespace

// The admin guide's deployment (docs/admin-guide.md): the owner migrates, each office works through a role that may
// read and write cases but not change the schema.
TEST(PostgresRoles, AnOfficeRoleWorksWithTheGrantsTheReadmeGivesAndNoMore)
{
    auto book = makeTestBook("postgresql");
    if (!book)
        GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
    db::openStore(book->url()); // the owner creates the schema
    std::string role = "office_test_" + std::to_string(::getpid());
    {
        pqxx::connection c(book->url());
        pqxx::work tx(c);
        createOfficeRole(tx, role);
        tx.commit();
    }
    std::string url = asRole(book->url(), role);
    {
        auto store = db::openStore(url);
        Case c = store->add(twoProcedureVisit(), kClerk);
        c = store->changeStatus(c.id, {CaseStatus::InProgress, "", Procedure::CertRenewal, c.version}, kClerk);
        c.notes = "確認済み";
        c.procedures.push_back({Procedure::CardInfoChange, CaseStatus::Received});
        store->update(c, kClerk);
        db::CaseQuery q;
        q.text = "山田";
        EXPECT_EQ(store->search(q).size(), 1u);
        EXPECT_TRUE(store->check().ok);
        auto feed = store->subscribe();
        EXPECT_TRUE(feed->poll(std::chrono::milliseconds(0)).empty());
        pqxx::connection asOffice(url);
        pqxx::work tx(asOffice);
        EXPECT_THROW(tx.exec("DROP TABLE case_history"), pqxx::sql_error);
    }
    dropRole(book->url(), role);
}

// An office already working through its role when a program of a newer schema migrates the book
// (as the owner): the role keeps working, the new procedure lines included, without running the
// grants again.
TEST(PostgresRoles, AnOfficeRoleKeepsWorkingAfterTheOwnerMigratesToVisits)
{
    auto book = makeTestBook("postgresql");
    if (!book)
        GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
    std::string role = "office_old_" + std::to_string(::getpid());
    {
        pqxx::connection c(book->url());
        pqxx::work tx(c);
        // The book as schema 2 left it, with that schema's grants (no case_procedures,
        // issued_cards or bookings yet).
        tx.exec("CREATE TABLE schema_version (version integer NOT NULL)");
        tx.exec("INSERT INTO schema_version (version) VALUES (0)");
        for (const auto& m : db::postgresMigrations())
            if (m.version <= 2) {
                tx.exec(m.sql);
                tx.exec_params("UPDATE schema_version SET version = $1", m.version);
            }
        createOfficeRole(tx, role, {"case_procedures", "issued_cards", "bookings", "login_failures"});
        tx.commit();
    }
    db::openStore(book->url()); // the owner's program migrates
    {
        auto store = db::openStore(asRole(book->url(), role));
        Case c = store->add(twoProcedureVisit(), kClerk);
        c = store->changeStatus(c.id, {CaseStatus::InProgress, "", Procedure::PinReset, c.version}, kClerk);
        EXPECT_EQ(c.procedures.size(), 2u);
        // The bookings came with migration 7, which granted them to the office roles already there.
        db::BookingStore& bookings = *store->bookings();
        std::vector<Procedure> pin{Procedure::PinReset};
        auto slot = bookings.firstFreeSlot(pin, bookings::nowAtOffice(), bookings::OfficeCalendar::defaults());
        ASSERT_TRUE(slot);
        bookings::BookingDraft b;
        b.procedures = pin;
        b.start = slot->start;
        b.name = "山田 太郎";
        b.kana = "ヤマダ タロウ";
        EXPECT_EQ(bookings.addBooking(b, bookings::OfficeCalendar::defaults(), kClerk).state,
                  bookings::BookingState::Booked);
        EXPECT_TRUE(store->check().ok);
        // The card register (migration 6) too.
        const db::Actor supervisor{"sato", Role::Supervisor};
        IssuedCard card{"R1", boost::gregorian::date(1980, 4, 2), boost::gregorian::date(2016, 3, 1), {}, {}, false};
        EXPECT_EQ(store->cardRegister()->putIssuedCards({card}, "register.import", supervisor).added, 1);
        EXPECT_EQ(store->cardRegister()->issuedCards(supervisor, "test").size(), 1u);
        // The failed-login counts (migration 8): a refused login is counted as the office's role.
        EXPECT_THROW(store->users().authenticate("nobody", "not-a-password"), AccessDenied);
    }
    dropRole(book->url(), role);
}
