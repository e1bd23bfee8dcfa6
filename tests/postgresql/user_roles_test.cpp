// Each Madoguchi user a PostgreSQL role (issue #20 item 2; docs/admin-guide.md, "Each user a
// database role"): with db/postgresql/user_roles.sql run, the desks log in to the database as
// their user (the server checks the password: the test cluster asks SCRAM of these roles), and
// psql with a user's credentials can do no more than that user may in the program — a clerk cannot
// make themself admin, read a password hash or change a case without an entry in their name.
#include "core/bookings/booking_rules.hpp"
#include "core/common/errors.hpp"
#include "core/security/roles.hpp"
#include "db/audit_log.hpp"
#include "db/booking_store.hpp"
#include "db/card_register.hpp"
#include "db/user_store.hpp"
#include "tests/db/store_fixture.hpp"
#include "tests/support/run_process.hpp"

#include <cstdlib>
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

// The URL as a desk has it: the server and the database, no login.
std::string withoutUser(const std::string& url)
{
    return std::regex_replace(url, std::regex("://[^@/]*@"), "://");
}

std::string databaseOf(const std::string& url)
{
    auto slash = url.rfind('/');
    return url.substr(slash + 1, url.find('?', slash) - slash - 1);
}

// psql as that user, the password in its environment (as ~/.pgpass would give it).
ProcessResult psqlAs(const std::string& url, const std::string& user, const std::string& password,
                     const std::string& sql)
{
    return runProcess({psqlProgram(), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-U", user, "-c", sql}, "",
                      {"PGPASSWORD=" + password});
}

class UserRoles : public ::testing::Test {
protected:
    void SetUp() override
    {
        book = makeTestBook("postgresql");
        if (!book)
            GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set";
        owner = db::openStore(book->url()); // the owner migrates
        auto r = runProcess({psqlProgram(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", book->url(), "-f",
                             MADOGUCHI_TEST_SOURCE_DIR "/../db/postgresql/user_roles.sql"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        std::string tag = std::to_string(::getpid());
        admin = "kanri_" + tag;
        supervisor = "kakaricho_" + tag;
        clerk = "madoguchi_" + tag;
        owner->users().createFirstAdmin(admin, "admin-pass-1");
        db::Actor by{admin, Role::Admin};
        owner->users().addUser(supervisor, Role::Supervisor, "super-pass-1", by);
        owner->users().addUser(clerk, Role::Clerk, "clerk-pass-1", by);
        desk = withoutUser(book->url());
    }
    void TearDown() override
    {
        if (!book)
            return;
        owner.reset();
        std::string admin_url = book->url(), db = databaseOf(admin_url);
        book.reset(); // the database goes first: then the roles hold nothing
        pqxx::connection c(testPostgresAdminUrl());
        pqxx::nontransaction n(c);
        for (const auto& role : extra)
            n.exec("DROP ROLE IF EXISTS " + n.quote_name(role));
        for (const auto& role : {admin, supervisor, clerk, db + "_admin", db + "_supervisor", db + "_clerk", db})
            n.exec("DROP ROLE IF EXISTS " + n.quote_name(role));
    }
    std::vector<AuditEntry> entriesAfter(std::int64_t seq)
    {
        pqxx::connection c(book->url());
        pqxx::work tx(c);
        std::vector<AuditEntry> out;
        for (const auto& r : tx.exec_params(
                 "SELECT seq, user_name, role, action, case_id, detail FROM audit_log WHERE seq > $1 ORDER BY seq",
                 seq)) {
            AuditEntry e;
            e.seq = r[0].as<std::int64_t>();
            e.user = r[1].as<std::string>();
            e.role = r[2].as<std::string>();
            e.action = r[3].as<std::string>();
            if (!r[4].is_null())
                e.caseId = r[4].as<std::int64_t>();
            e.detail = r[5].as<std::string>();
            out.push_back(e);
        }
        return out;
    }
    std::int64_t lastSeq()
    {
        pqxx::connection c(book->url());
        pqxx::work tx(c);
        return tx.exec1("SELECT seq FROM audit_head")[0].as<std::int64_t>();
    }
    std::unique_ptr<TestBook> book;
    std::unique_ptr<db::CaseStore> owner;
    std::string admin, supervisor, clerk, desk;
    std::vector<std::string> extra; // users a test adds
};

} // namespace

TEST_F(UserRoles, PsqlAsAClerkCanDoNoMoreThanTheClerk)
{
    Case c = owner->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    // Their own row, without its hash.
    auto own = psqlAs(desk, clerk, "clerk-pass-1", "SELECT name, role FROM users");
    ASSERT_EQ(own.exitCode, 0) << own.err;
    EXPECT_EQ(own.out, clerk + "|clerk\n");
    auto hashes = psqlAs(desk, clerk, "clerk-pass-1", "SELECT password_hash FROM users");
    EXPECT_NE(hashes.exitCode, 0);
    EXPECT_NE(hashes.err.find("permission denied"), std::string::npos) << hashes.err;
    // The finding of issue #20: a clerk made admin with psql.
    auto promote = psqlAs(desk, clerk, "clerk-pass-1", "UPDATE users SET role = 'admin' WHERE name = '" + clerk + "'");
    EXPECT_NE(promote.exitCode, 0);
    EXPECT_NE(promote.err.find("permission denied"), std::string::npos) << promote.err;
    auto grant = psqlAs(desk, clerk, "clerk-pass-1", "GRANT " + databaseOf(desk) + "_admin TO " + clerk);
    EXPECT_NE(grant.exitCode, 0);
    // Nor through the function that keeps roles in step.
    auto sync = psqlAs(desk, clerk, "clerk-pass-1", "SELECT madoguchi_sync_user_role('" + admin + "', NULL, NULL)");
    EXPECT_NE(sync.exitCode, 0);
    // Nor delete a case, nor read the register (a supervisor's).
    EXPECT_NE(psqlAs(desk, clerk, "clerk-pass-1", "DELETE FROM cases").exitCode, 0);
    EXPECT_NE(psqlAs(desk, clerk, "clerk-pass-1", "SELECT count(*) FROM issued_cards").exitCode, 0);
    // Nor write an entry in someone else's name.
    auto forged = psqlAs(desk, clerk, "clerk-pass-1",
                         "INSERT INTO audit_log (seq, at, user_name, role, action, detail, prev_hash, hash)"
                         " VALUES (999, 'x', '" +
                             admin + "', 'admin', 'case.view', '', '', '')");
    EXPECT_NE(forged.exitCode, 0);
    EXPECT_NE(forged.err.find("in the name of who writes them"), std::string::npos) << forged.err;
    // A resident's name changed: allowed to a clerk, and the database writes the entry in their name.
    std::int64_t before = lastSeq();
    auto edit =
        psqlAs(desk, clerk, "clerk-pass-1", "UPDATE cases SET name = '偽名 花子' WHERE id = " + std::to_string(c.id));
    ASSERT_EQ(edit.exitCode, 0) << edit.err;
    auto entries = entriesAfter(before);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].user, clerk);
    EXPECT_EQ(entries[0].role, "clerk");
    EXPECT_EQ(entries[0].action, "case.change");
    EXPECT_EQ(entries[0].caseId, c.id);
    auto v = owner->audit().verifyAudit();
    EXPECT_TRUE(v.ok) << v.problem;
    // A wrong password is the server's refusal.
    auto wrong = psqlAs(desk, clerk, "not-the-password", "SELECT 1");
    EXPECT_NE(wrong.exitCode, 0);
    EXPECT_NE(wrong.err.find("password authentication failed"), std::string::npos) << wrong.err;
}

TEST_F(UserRoles, PsqlAsASupervisorAndAsAnAdminDoWhatTheirRolesAllow)
{
    EXPECT_EQ(psqlAs(desk, supervisor, "super-pass-1", "SELECT count(*) FROM issued_cards").exitCode, 0);
    EXPECT_NE(psqlAs(desk, supervisor, "super-pass-1", "UPDATE users SET active = false").exitCode, 0);
    EXPECT_NE(psqlAs(desk, supervisor, "super-pass-1", "UPDATE settings SET value = '1'").exitCode, 0);
    // An admin sees every user — never a hash — and may change a role: audited, and the user's
    // database role follows.
    auto all = psqlAs(desk, admin, "admin-pass-1", "SELECT count(*) FROM users");
    ASSERT_EQ(all.exitCode, 0) << all.err;
    EXPECT_EQ(all.out, "3\n");
    EXPECT_NE(psqlAs(desk, admin, "admin-pass-1", "SELECT password_hash FROM users").exitCode, 0);
    std::int64_t before = lastSeq();
    auto demote =
        psqlAs(desk, admin, "admin-pass-1", "UPDATE users SET role = 'supervisor' WHERE name = '" + clerk + "'");
    ASSERT_EQ(demote.exitCode, 0) << demote.err;
    auto entries = entriesAfter(before);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].user, admin);
    EXPECT_EQ(entries[0].detail, clerk + " in the database: UPDATE users (role)");
    EXPECT_EQ(psqlAs(desk, clerk, "clerk-pass-1", "SELECT count(*) FROM issued_cards").exitCode, 0)
        << "the role changed in users but not in the database";
    EXPECT_TRUE(owner->audit().verifyAudit().ok);
}

// The program's own flows, logged in as each user's role through a URL that names no user.
TEST_F(UserRoles, TheProgramLogsInAsTheUserAndItsFlowsWork)
{
    auto atDesk = db::openStore(desk);
    EXPECT_THROW(atDesk->users().authenticate(clerk, "wrong-password"), AccessDenied);
    EXPECT_THROW(atDesk->users().authenticate("nobody_at_all", "wrong-password"), AccessDenied);
    db::Actor asClerk = atDesk->users().authenticate(clerk, "clerk-pass-1");
    EXPECT_EQ(asClerk.role, Role::Clerk);
    Case c = atDesk->add(draft("山田 太郎", "ヤマダ タロウ"), asClerk);
    c = atDesk->changeStatus(c.id, {CaseStatus::InProgress, "", c.procedure, c.version}, asClerk);
    c.notes = "確認済み";
    atDesk->update(c, asClerk);
    std::vector<Procedure> pin{Procedure::PinReset};
    auto& bookings = *atDesk->bookings();
    auto slot = bookings.firstFreeSlot(pin, bookings::nowAtOffice(), bookings::OfficeCalendar::defaults());
    ASSERT_TRUE(slot);
    bookings::BookingDraft b;
    b.procedures = pin;
    b.start = slot->start;
    b.name = "佐藤 一郎";
    b.kana = "サトウ イチロウ";
    b.birth = boost::gregorian::date(1961, 4, 2);
    auto booked = bookings.addBooking(b, bookings::OfficeCalendar::defaults(), asClerk);
    bookings.cancelBooking(booked.id, "本人より電話", asClerk);
    EXPECT_THROW(atDesk->users().addUser("x_" + clerk, Role::Clerk, "another-pass-1", asClerk), AccessDenied);
    // Their own password: the role's changes, the old one is refused.
    atDesk->users().setPassword(clerk, "clerk-pass-2", asClerk);
    EXPECT_THROW(db::openStore(desk)->users().authenticate(clerk, "clerk-pass-1"), AccessDenied);
    EXPECT_EQ(db::openStore(desk)->users().authenticate(clerk, "clerk-pass-2").role, Role::Clerk);

    // An admin at a desk: a new user, who logs in; switched off, refused; on again; a new role.
    auto adminDesk = db::openStore(desk);
    db::Actor asAdmin = adminDesk->users().authenticate(admin, "admin-pass-1");
    std::string added = "shinjin_" + std::to_string(::getpid());
    extra.push_back(added);
    adminDesk->users().addUser(added, Role::Clerk, "new-pass-1", asAdmin);
    EXPECT_EQ(db::openStore(desk)->users().authenticate(added, "new-pass-1").role, Role::Clerk);
    adminDesk->users().setActive(added, false, asAdmin);
    EXPECT_THROW(db::openStore(desk)->users().authenticate(added, "new-pass-1"), AccessDenied);
    adminDesk->users().setActive(added, true, asAdmin);
    adminDesk->users().setRole(added, Role::Supervisor, asAdmin);
    EXPECT_EQ(db::openStore(desk)->users().authenticate(added, "new-pass-1").role, Role::Supervisor);
    adminDesk->users().setPassword(added, "new-pass-2", asAdmin);
    EXPECT_THROW(db::openStore(desk)->users().authenticate(added, "new-pass-1"), AccessDenied);
    EXPECT_EQ(adminDesk->users().users(asAdmin).size(), 4u);

    // A supervisor reads the register.
    auto supervisorDesk = db::openStore(desk);
    db::Actor asSupervisor = supervisorDesk->users().authenticate(supervisor, "super-pass-1");
    EXPECT_NO_THROW(supervisorDesk->cardRegister()->issuedCards(asSupervisor, "test"));

    auto v = owner->audit().verifyAudit();
    EXPECT_TRUE(v.ok) << v.problem;
    for (const auto& e : entriesAfter(0))
        EXPECT_EQ(e.detail.find("in the database"), std::string::npos) << e.seq << " " << e.action << " " << e.detail;
}

TEST_F(UserRoles, TheConsoleLogsInAsTheUser)
{
    auto added = runCli({"--db", desk, "case", "add", "--procedure", "reissue", "--name", "山田 太郎", "--kana",
                         "ヤマダ タロウ", "--birth", "1970-05-20", "--json"},
                        "", cliUser(clerk, "clerk-pass-1"));
    ASSERT_EQ(added.exitCode, 0) << added.err;
    auto refused = runCli({"--db", desk, "case", "list", "--json"}, "", cliUser(clerk, "wrong-password"));
    EXPECT_EQ(refused.exitCode, 7) << refused.err;
    EXPECT_EQ(refused.err.find("wrong-password"), std::string::npos);
    auto whoami = runCli({"--db", desk, "user", "whoami"}, "", cliUser(supervisor, "super-pass-1"));
    EXPECT_EQ(whoami.exitCode, 0) << whoami.err;
    EXPECT_NE(whoami.out.find(supervisor), std::string::npos) << whoami.out;
}
