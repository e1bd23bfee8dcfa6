// A case book written before visits had several procedures (schema 2: one procedure and one
// status per case) is migrated on opening, on both backends: every case becomes a visit of its
// one procedure at its status, every history entry stays, with the procedure and kind it had.
// The old book is made by the old migrations themselves (compiled into the program) and the rows
// the old stores wrote, as they wrote them.
#include "core/cases/visit.hpp"
#include "core/common/errors.hpp"
#include "core/text/search_fold.hpp"
#include "db/case_store.hpp"
#include "db/migrations.hpp"
#include "tests/db/store_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

using namespace madoguchi;
using namespace madoguchi::test;
using S = CaseStatus;
using P = Procedure;

namespace {

constexpr int kOldSchema = 2;

struct OldHistory {
    const char* at;
    const char* from; // nullptr: the reception
    const char* to;
    const char* reason;
};

struct OldCase {
    int id;
    const char* day;
    int seq;
    const char* procedure;
    const char* status;
    const char* name;
    const char* kana;
    std::vector<OldHistory> history;
    std::vector<const char*> documents;
};

// What the stores of schema 2 wrote: a reception; moves; an edit as a move from a status to
// itself ("編集"); a reopening as the move out of a closed status, its reason led by "再開: ".
const std::vector<OldCase>& oldCases()
{
    static const std::vector<OldCase> cases{
        {1,
         "2026-11-27",
         1,
         "reissue",
         "received",
         "山田 太郎",
         "ヤマダ タロウ",
         {{"2026-11-27T09:00:00+09:00", nullptr, "received", ""}},
         {}},
        {2,
         "2026-11-27",
         2,
         "pin-reset",
         "done",
         "佐藤 花子",
         "サトウ ハナコ",
         {{"2026-11-27T09:05:00+09:00", nullptr, "received", ""},
          {"2026-11-27T09:10:00+09:00", "received", "in-progress", ""},
          {"2026-11-27T09:12:00+09:00", "in-progress", "in-progress", "編集"},
          {"2026-11-27T09:20:00+09:00", "in-progress", "waiting", "照会書待ち"},
          {"2026-11-27T10:00:00+09:00", "waiting", "done", ""}},
         {"運転免許証"}},
        {3,
         "2026-11-28",
         1,
         "cert-renewal",
         "done",
         "鈴木 一郎",
         "スズキ イチロウ",
         {{"2026-11-28T09:00:00+09:00", nullptr, "received", ""},
          {"2026-11-28T09:01:00+09:00", "received", "withdrawn", "本人の申出"},
          {"2026-11-28T11:00:00+09:00", "withdrawn", "in-progress", "再開: 再来庁"},
          {"2026-11-28T11:30:00+09:00", "in-progress", "done", ""}},
         {"マイナンバーカード", "委任状"}},
    };
    return cases;
}

std::size_t oldHistoryCount()
{
    std::size_t n = 0;
    for (const auto& c : oldCases())
        n += c.history.size();
    return n;
}

std::string path(const std::string& url)
{
    return url.substr(std::string("sqlite:").size());
}

void writeOldSqliteBook(const std::string& url)
{
    SQLite::Database db(path(url), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const auto& m : db::sqliteMigrations())
        if (m.version <= kOldSchema) {
            db.exec(m.sql);
            db.exec("PRAGMA user_version = " + std::to_string(m.version));
        }
    ASSERT_EQ(db.execAndGet("PRAGMA user_version").getInt(), kOldSchema);
    for (const auto& c : oldCases()) {
        SQLite::Statement ins(db, "INSERT INTO cases (id, office, day, seq, reception_number, procedure, status,"
                                  " window, clerk, created_at, updated_at, version, name, kana, name_folded,"
                                  " kana_folded, birth) VALUES (?, 'main', ?, ?, ?, ?, ?, '1', 'clerk1', ?, ?, ?, ?,"
                                  " ?, ?, ?, '1970-05-20')");
        char number[16];
        std::snprintf(number, sizeof number, "A-%03d", c.seq);
        int i = 0;
        ins.bind(++i, c.id);
        ins.bind(++i, c.day);
        ins.bind(++i, c.seq);
        ins.bind(++i, number);
        ins.bind(++i, c.procedure);
        ins.bind(++i, c.status);
        ins.bind(++i, c.history.front().at);
        ins.bind(++i, c.history.back().at);
        ins.bind(++i, static_cast<int>(c.history.size()));
        ins.bind(++i, c.name);
        ins.bind(++i, c.kana);
        ins.bind(++i, foldForSearch(c.name));
        ins.bind(++i, foldForSearch(c.kana));
        ins.exec();
        SQLite::Statement tri(db, "INSERT INTO case_search_trigram (rowid, name_folded, kana_folded) VALUES (?, ?, ?)");
        tri.bind(1, c.id);
        tri.bind(2, foldForSearch(c.name));
        tri.bind(3, foldForSearch(c.kana));
        tri.exec();
        SQLite::Statement chars(db, "INSERT INTO case_search_chars (rowid, name_chars, kana_chars) VALUES (?, ?, ?)");
        chars.bind(1, c.id);
        chars.bind(2, spacedCharacters(foldForSearch(c.name)));
        chars.bind(3, spacedCharacters(foldForSearch(c.kana)));
        chars.exec();
        for (const auto& h : c.history) {
            SQLite::Statement hs(db, "INSERT INTO case_history (case_id, at, actor, from_status, to_status, reason)"
                                     " VALUES (?, ?, 'clerk1', ?, ?, ?)");
            hs.bind(1, c.id);
            hs.bind(2, h.at);
            if (h.from)
                hs.bind(3, h.from);
            else
                hs.bind(3);
            hs.bind(4, h.to);
            hs.bind(5, h.reason);
            hs.exec();
        }
        int position = 0;
        for (const char* d : c.documents) {
            SQLite::Statement ds(
                db, "INSERT INTO case_documents (case_id, position, document, checked) VALUES (?, ?, ?, 1)");
            ds.bind(1, c.id);
            ds.bind(2, position++);
            ds.bind(3, d);
            ds.exec();
        }
    }
}

void writeOldPostgresBook(const std::string& url)
{
    pqxx::connection conn(url);
    pqxx::work tx(conn);
    tx.exec("CREATE TABLE schema_version (version integer NOT NULL)");
    tx.exec("INSERT INTO schema_version (version) VALUES (0)");
    for (const auto& m : db::postgresMigrations())
        if (m.version <= kOldSchema) {
            tx.exec(m.sql);
            tx.exec_params("UPDATE schema_version SET version = $1", m.version);
        }
    for (const auto& c : oldCases()) {
        char number[16];
        std::snprintf(number, sizeof number, "A-%03d", c.seq);
        tx.exec_params(
            "INSERT INTO cases (id, office, day, seq, reception_number, procedure, status, \"window\", clerk,"
            " created_at, updated_at, version, name, kana, name_folded, kana_folded, grams, birth)"
            " VALUES ($1, 'main', $2, $3, $4, $5, $6, '1', 'clerk1', $7, $8, $9, $10, $11, $12, $13,"
            " madoguchi_search_grams($12) || madoguchi_search_grams($13), '1970-05-20')",
            c.id, c.day, c.seq, number, c.procedure, c.status, c.history.front().at, c.history.back().at,
            static_cast<int>(c.history.size()), c.name, c.kana, foldForSearch(c.name), foldForSearch(c.kana));
        tx.exec_params("INSERT INTO day_counters (office, day, last_seq) VALUES ('main', $1, $2)"
                       " ON CONFLICT (office, day) DO UPDATE SET last_seq = GREATEST(day_counters.last_seq, $2)",
                       c.day, c.seq);
        for (const auto& h : c.history)
            tx.exec_params("INSERT INTO case_history (case_id, at, actor, from_status, to_status, reason)"
                           " VALUES ($1, $2, 'clerk1', $3, $4, $5)",
                           c.id, h.at, h.from, h.to, h.reason);
        int position = 0;
        for (const char* d : c.documents)
            tx.exec_params(
                "INSERT INTO case_documents (case_id, position, document, checked) VALUES ($1, $2, $3, true)", c.id,
                position++, d);
    }
    tx.exec("SELECT setval(pg_get_serial_sequence('cases', 'id'), 3)");
    tx.commit();
}

std::int64_t historyRows(const std::string& backend, const std::string& url)
{
    if (backend == "sqlite") {
        SQLite::Database db(path(url));
        return db.execAndGet("SELECT count(*) FROM case_history").getInt64();
    }
    pqxx::connection conn(url);
    pqxx::work tx(conn);
    return tx.exec1("SELECT count(*) FROM case_history")[0].as<std::int64_t>();
}

} // namespace

class OldCaseBook : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override
    {
        book = makeTestBook(GetParam());
        if (!book)
            GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set (scripts/test.sh starts a PostgreSQL server)";
        if (GetParam() == "sqlite")
            writeOldSqliteBook(book->url());
        else
            writeOldPostgresBook(book->url());
        ASSERT_EQ(historyRows(GetParam(), book->url()), static_cast<std::int64_t>(oldHistoryCount()));
        store = db::openStore(book->url()); // migrates
    }
    std::unique_ptr<TestBook> book;
    std::unique_ptr<db::CaseStore> store;
};
MADOGUCHI_ON_BOTH_BACKENDS(OldCaseBook);

TEST_P(OldCaseBook, EveryCaseIsAVisitOfItsOneProcedureAtItsStatus)
{
    auto report = store->check();
    EXPECT_TRUE(report.ok) << (report.problems.empty() ? "" : report.problems.front());
    EXPECT_EQ(report.caseCount, 3);
    EXPECT_EQ(report.schemaVersion,
              db::newestVersion(GetParam() == "sqlite" ? db::sqliteMigrations() : db::postgresMigrations()));
    for (const auto& old : oldCases()) {
        Case c = store->get(old.id);
        EXPECT_EQ(c.procedure, parseProcedure(old.procedure));
        ASSERT_EQ(c.procedures.size(), 1u) << old.id;
        EXPECT_EQ(c.procedures[0].procedure, parseProcedure(old.procedure));
        EXPECT_EQ(c.procedures[0].status, parseStatus(old.status));
        EXPECT_EQ(c.status, parseStatus(old.status));
        EXPECT_EQ(c.resident.name, old.name);
        EXPECT_EQ(c.documents.size(), old.documents.size());
        EXPECT_EQ(c.version, static_cast<std::int64_t>(old.history.size()));
    }
}

TEST_P(OldCaseBook, EveryHistoryEntryStaysWithTheProcedureAndKindItHad)
{
    EXPECT_EQ(historyRows(GetParam(), book->url()), static_cast<std::int64_t>(oldHistoryCount()));
    for (const auto& old : oldCases()) {
        Case c = store->get(old.id);
        ASSERT_EQ(c.history.size(), old.history.size()) << old.id;
        for (std::size_t i = 0; i < old.history.size(); ++i) {
            const HistoryEntry& h = c.history[i];
            const OldHistory& o = old.history[i];
            EXPECT_EQ(h.at, o.at);
            EXPECT_EQ(h.actor, "clerk1");
            EXPECT_EQ(h.from.has_value(), o.from != nullptr);
            EXPECT_EQ(h.to, parseStatus(o.to));
            EXPECT_EQ(h.reason, o.reason);
        }
        // The reception is the visit's: no procedure.
        EXPECT_FALSE(c.history[0].procedure);
        EXPECT_EQ(c.history[0].kind, HistoryKind::StatusChange);
    }
    Case two = store->get(2);
    EXPECT_EQ(two.history[1].procedure, P::PinReset);
    EXPECT_EQ(two.history[1].kind, HistoryKind::StatusChange);
    EXPECT_EQ(two.history[2].kind, HistoryKind::Edit); // 編集: the whole visit
    EXPECT_FALSE(two.history[2].procedure);
    EXPECT_EQ(two.history[3].procedure, P::PinReset);
    Case three = store->get(3);
    EXPECT_EQ(three.history[2].kind, HistoryKind::Reopen);
    EXPECT_EQ(three.history[2].procedure, P::CertRenewal);
    EXPECT_EQ(three.history[3].kind, HistoryKind::StatusChange);
    EXPECT_EQ(historyOf(three, P::CertRenewal).size(), 4u);
}

TEST_P(OldCaseBook, SearchListsAndNewWorkGoOnFromTheMigratedBook)
{
    db::CaseQuery byProcedure;
    byProcedure.procedure = P::PinReset;
    ASSERT_EQ(store->search(byProcedure).size(), 1u);
    EXPECT_EQ(store->search(byProcedure)[0].id, 2);
    db::CaseQuery day;
    day.day = boost::gregorian::date(2026, 11, 27);
    auto rows = store->search(day);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].procedures.size(), 1u);
    EXPECT_EQ(rows[1].procedures[0].status, S::Done);
    db::CaseQuery byName;
    byName.text = "すずき";
    ASSERT_EQ(store->search(byName).size(), 1u);

    // The old one-procedure case takes a second procedure and moves on line by line.
    Case one = store->get(1);
    one.procedures.push_back({P::PinReset, S::Received});
    one = store->update(one, kClerk);
    ASSERT_EQ(one.procedures.size(), 2u);
    one = store->changeStatus(one.id, {S::InProgress, "", P::PinReset, one.version}, kClerk);
    EXPECT_EQ(one.status, S::InProgress);
    // New visits continue the numbers and ids.
    Case fresh = store->add(draft("新 一", "シン ハジメ"), kClerk);
    EXPECT_GT(fresh.id, 3);
    EXPECT_TRUE(store->check().ok);
    // Opening it again migrates nothing more.
    store.reset();
    auto again = db::openStore(book->url());
    EXPECT_EQ(again->get(1).procedures.size(), 2u);
    EXPECT_EQ(again->get(2).history.size(), 5u);
}
