// A case book whose search columns were written by an older fold (one that did not know the
// variant characters, issue #20 item 8) folds them again when it opens, on both backends: the
// clerk's 高橋 then finds the 髙橋 written before, the indexes agree with the rows (`db check`),
// the names stay as written, and a second opening folds nothing.
#include "core/bookings/booking_rules.hpp"
#include "core/common/clock.hpp"
#include "core/text/search_fold.hpp"
#include "db/booking_store.hpp"
#include "db/case_store.hpp"
#include "db/sqlite/sqlite_search_refold.hpp"
#include "tests/db/store_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// What the fold before the variant table made of these names: the same, but 髙 and 𠮷 as typed.
std::string olderFold(const std::string& text)
{
    return text == "髙橋 𠮷男" ? "髙橋𠮷男" : foldForSearch(text);
}

void ageSqliteBook(const std::string& url)
{
    SQLite::Database db(url.substr(std::string("sqlite:").size()), SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO case_search_chars (case_search_chars) VALUES ('delete-all')");
    SQLite::Statement rows(db, "SELECT id, name, kana FROM cases");
    while (rows.executeStep()) {
        std::string name = olderFold(rows.getColumn(1).getString()), kana = olderFold(rows.getColumn(2).getString());
        SQLite::Statement up(db, "UPDATE cases SET name_folded = ?, kana_folded = ? WHERE id = ?");
        up.bind(1, name);
        up.bind(2, kana);
        up.bind(3, rows.getColumn(0).getInt64());
        up.exec();
        SQLite::Statement chars(db, "INSERT INTO case_search_chars (rowid, name_chars, kana_chars) VALUES (?, ?, ?)");
        chars.bind(1, rows.getColumn(0).getInt64());
        chars.bind(2, spacedCharacters(name));
        chars.bind(3, spacedCharacters(kana));
        chars.exec();
    }
    db.exec("INSERT INTO case_search_trigram (case_search_trigram) VALUES ('rebuild')");
    db.exec("UPDATE bookings SET name_folded = name");
    db.exec("DELETE FROM settings WHERE key = 'search_fold'"); // books before it had no note
}

void agePostgresBook(const std::string& url)
{
    pqxx::connection conn(url);
    pqxx::work tx(conn);
    for (const auto& row : tx.exec("SELECT id, name FROM cases")) {
        std::string name = olderFold(row[1].as<std::string>());
        tx.exec_params("UPDATE cases SET name_folded = $1,"
                       " grams = madoguchi_search_grams($1) || madoguchi_search_grams(kana_folded) WHERE id = $2",
                       name, row[0].as<long long>());
    }
    tx.exec("UPDATE bookings SET name_folded = name");
    tx.exec("DELETE FROM settings WHERE key = 'search_fold'");
    tx.commit();
}

} // namespace

class SearchRefold : public BackendTest {};
MADOGUCHI_ON_BOTH_BACKENDS(SearchRefold);

TEST_P(SearchRefold, ABookFoldedBeforeTheVariantTableIsFoldedAgainOnOpening)
{
    store->add(draft("髙橋 𠮷男", "タカハシ ヨシオ", 1960, 2, 29), kClerk);
    store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    // A booking of the same resident: the booking search reads its own folded columns.
    const auto& calendar = bookings::OfficeCalendar::defaults();
    auto day = now().localDay + boost::gregorian::days(1);
    while (calendar.hoursOn(day).empty())
        day += boost::gregorian::days(1);
    bookings::BookingDraft b;
    b.procedures = {Procedure::CertRenewal};
    b.start = {day, 600};
    b.name = "髙橋 𠮷男";
    b.kana = "タカハシ ヨシオ";
    b.phone = "090-1234-5678";
    b.source = bookings::BookingSource::Phone;
    store->bookings()->addBooking(b, calendar, kClerk);
    store.reset();
    if (GetParam() == "sqlite")
        ageSqliteBook(book->url());
    else
        agePostgresBook(book->url());
    {
        auto old = db::openStore(book->url()); // folds on opening
        db::CaseQuery q;
        q.text = "高橋";
        auto found = old->search(q);
        ASSERT_EQ(found.size(), 1u);
        EXPECT_EQ(found[0].name, "髙橋 𠮷男"); // kept as written
        db::CaseQuery one;
        one.text = "吉";
        EXPECT_EQ(old->search(one).size(), 1u);
        db::BookingQuery byName;
        byName.text = "高橋";
        auto booked = old->bookings()->searchBookings(byName);
        ASSERT_EQ(booked.size(), 1u);
        EXPECT_EQ(booked[0].name, "髙橋 𠮷男");
        auto report = old->check();
        EXPECT_TRUE(report.ok) << (report.problems.empty() ? "" : report.problems.front());
    }
    if (GetParam() == "sqlite") {
        // A second opening folds nothing: the book notes the fold it holds.
        SQLite::Database db(book->url().substr(std::string("sqlite:").size()), SQLite::OPEN_READWRITE);
        EXPECT_EQ(db.execAndGet("SELECT value FROM settings WHERE key = 'search_fold'").getString(), searchFoldId());
        EXPECT_EQ(db::refoldSqliteSearchTexts(db), 0);
    } else {
        pqxx::connection conn(book->url());
        pqxx::work tx(conn);
        EXPECT_EQ(tx.exec1("SELECT value FROM settings WHERE key = 'search_fold'")[0].as<std::string>(),
                  searchFoldId());
    }
}
