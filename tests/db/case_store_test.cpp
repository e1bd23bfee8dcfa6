#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "db/case_store.hpp"
#include "db/change_watcher.hpp"
#include "tests/db/store_fixture.hpp"

#include <chrono>
#include <condition_variable>
#include <gtest/gtest.h>
#include <mutex>
#include <thread>

using namespace madoguchi;
using namespace madoguchi::test;

// The case book's promises, kept by every backend.
class CaseBook : public BackendTest {};
MADOGUCHI_ON_BOTH_BACKENDS(CaseBook);

TEST_P(CaseBook, AddAssignsIdsReceptionNumbersAndHistory)
{
    CaseDraft d = draft("山田 太郎", "ヤマダ タロウ");
    d.resident.address = "東京都小平市小川町2-1333";
    d.resident.sex = Sex::Male;
    d.applicant = {ApplicantType::Proxy, "山田 花子", "母"};
    d.documents = {{"運転免許証", true}, {"委任状", false}};
    d.feeYen = 1000;
    d.notes = "メモ";
    Case a = store->add(d, kClerk);
    Case b = store->add(draft("佐藤 花子", "サトウ ハナコ"), kClerk);
    EXPECT_GT(a.id, 0);
    EXPECT_EQ(a.receptionNumber, "A-001");
    EXPECT_EQ(b.receptionNumber, "A-002");
    EXPECT_EQ(a.status, CaseStatus::Received);
    ASSERT_EQ(a.history.size(), 1u);
    EXPECT_EQ(a.history[0].actor, "clerk1");
    EXPECT_FALSE(a.history[0].from);

    Case back = store->get(a.id);
    EXPECT_EQ(back.resident.name, "山田 太郎");
    EXPECT_EQ(back.resident.address, "東京都小平市小川町2-1333");
    EXPECT_EQ(back.resident.sex, Sex::Male);
    EXPECT_EQ(back.applicant.type, ApplicantType::Proxy);
    EXPECT_EQ(back.applicant.proxyName, "山田 花子");
    EXPECT_EQ(back.applicant.proxyRelation, "母");
    ASSERT_EQ(back.documents.size(), 2u);
    EXPECT_EQ(back.documents[1].document, "委任状");
    EXPECT_FALSE(back.documents[1].checked);
    EXPECT_EQ(back.feeYen, 1000);
    EXPECT_EQ(back.notes, "メモ");
    EXPECT_EQ(back.createdAt.substr(0, 10), toIso(now().localDay));
}

TEST_P(CaseBook, ForeignResidentFieldsRoundTrip)
{
    CaseDraft d = draft("NGUYEN VAN AN", "グエン ヴァン アン", 1995, 3, 3);
    d.procedure = Procedure::StayExtension;
    d.resident.foreignResident = true;
    d.resident.stayUntil = boost::gregorian::date(2027, 3, 31);
    d.resident.movedIn = boost::gregorian::date(2025, 4, 1);
    Case c = store->add(d, kClerk);
    EXPECT_TRUE(c.resident.foreignResident);
    EXPECT_EQ(*c.resident.stayUntil, boost::gregorian::date(2027, 3, 31));
    EXPECT_EQ(*c.resident.movedIn, boost::gregorian::date(2025, 4, 1));
    EXPECT_EQ(c.procedure, Procedure::StayExtension);
}

TEST_P(CaseBook, StatusChangesAppendHistoryAndBumpVersion)
{
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    c = store->changeStatus(c.id, CaseStatus::InProgress, "", {"clerk2"});
    c = store->changeStatus(c.id, CaseStatus::Waiting, "照会書待ち", {"clerk2"});
    c = store->changeStatus(c.id, CaseStatus::Done, "", {"clerk3"});
    EXPECT_EQ(c.status, CaseStatus::Done);
    EXPECT_EQ(c.version, 4);
    ASSERT_EQ(c.history.size(), 4u);
    EXPECT_EQ(*c.history[2].from, CaseStatus::InProgress);
    EXPECT_EQ(c.history[2].to, CaseStatus::Waiting);
    EXPECT_EQ(c.history[2].reason, "照会書待ち");
    EXPECT_EQ(c.history[3].actor, "clerk3");
}

TEST_P(CaseBook, IllegalTransitionIsRefusedAndNothingChanges)
{
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    EXPECT_THROW(store->changeStatus(c.id, CaseStatus::Done, "", kClerk), RuleViolation);
    Case after = store->get(c.id);
    EXPECT_EQ(after.status, CaseStatus::Received);
    EXPECT_EQ(after.history.size(), 1u);
    EXPECT_EQ(after.version, 1);
}

TEST_P(CaseBook, ReopenIsExplicit)
{
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    store->changeStatus(c.id, CaseStatus::Withdrawn, "本人の申出", kClerk);
    EXPECT_THROW(store->changeStatus(c.id, CaseStatus::InProgress, "", kClerk), RuleViolation);
    Case r = store->reopen(c.id, "再来庁", {"supervisor", Role::Supervisor});
    EXPECT_EQ(r.status, CaseStatus::InProgress);
    EXPECT_NE(r.history.back().reason.find("再来庁"), std::string::npos);
}

TEST_P(CaseBook, StaleVersionIsAConflict)
{
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    Case mine = c;
    Case theirs = c;
    theirs.notes = "他の窓口";
    store->update(theirs, {"clerk2"});
    mine.notes = "私のメモ";
    EXPECT_THROW(store->update(mine, kClerk), ConflictError);
    EXPECT_EQ(store->get(c.id).notes, "他の窓口");
    EXPECT_THROW(store->changeStatus(c.id, CaseStatus::InProgress, "", kClerk, c.version), ConflictError);
}

TEST_P(CaseBook, UpdateReindexesTheName)
{
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    c.resident.name = "鈴木 太郎";
    c.resident.kana = "スズキ タロウ";
    store->update(c, kClerk);
    db::CaseQuery q;
    q.text = "山田";
    EXPECT_TRUE(store->search(q).empty());
    q.text = "鈴木";
    EXPECT_EQ(store->search(q).size(), 1u);
    EXPECT_TRUE(store->check().ok);
}

TEST_P(CaseBook, BadInputWritesNothing)
{
    CaseDraft d = draft("", "ヤマダ");
    EXPECT_THROW(store->add(d, kClerk), ValidationError);
    d = draft("山田", "Yamada");
    EXPECT_THROW(store->add(d, kClerk), ValidationError);
    EXPECT_EQ(store->check().caseCount, 0);
}

TEST_P(CaseBook, SurvivesReopeningTheBook)
{
    CaseId id = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk).id;
    store.reset();
    auto again = db::openStore(book->url());
    EXPECT_EQ(again->get(id).resident.name, "山田 太郎");
    EXPECT_EQ(again->add(draft("佐藤", "サトウ"), kClerk).receptionNumber, "A-002");
}

TEST_P(CaseBook, ImportKeepsGivenDaysAndNumbersPerDay)
{
    std::vector<db::ImportedCase> in;
    in.push_back({draft("一", "イチ"), "2026-11-02T09:00:00+09:00", CaseStatus::Done});
    in.push_back({draft("二", "ニ"), "2026-11-02T09:05:00+09:00", CaseStatus::Waiting});
    in.push_back({draft("三", "サン"), "2026-11-03T09:00:00+09:00", CaseStatus::Received});
    auto ids = store->importCases(in, kClerk);
    ASSERT_EQ(ids.size(), 3u);
    EXPECT_EQ(store->get(ids[1]).receptionNumber, "A-002");
    EXPECT_EQ(store->get(ids[2]).receptionNumber, "A-001");
    EXPECT_EQ(store->get(ids[1]).status, CaseStatus::Waiting);
    db::CaseQuery q;
    q.day = boost::gregorian::date(2026, 11, 2);
    EXPECT_EQ(store->search(q).size(), 2u);
}

// A bulk import counts reception numbers in memory per day (SQLite): it must go on from the
// numbers a day already has, and the counter window's next case must go on after the import.
TEST_P(CaseBook, ImportContinuesEachDaysNumbersAndLaterCasesContinueAfterIt)
{
    const std::string today = toIso(now().localDay);
    Case first = store->add(draft("前 一郎", "マエ イチロウ"), kClerk);
    EXPECT_EQ(first.receptionNumber, "A-001");
    std::vector<db::ImportedCase> in;
    in.push_back({draft("一", "イチ"), today + "T09:00:00+09:00", CaseStatus::Done});
    in.push_back({draft("二", "ニ"), "2026-11-02T09:05:00+09:00", CaseStatus::Waiting});
    in.push_back({draft("三", "サン"), today + "T09:10:00+09:00", CaseStatus::Received});
    in.push_back({draft("四", "ヨン"), "2026-11-02T09:15:00+09:00", CaseStatus::Received});
    auto ids = store->importCases(in, kClerk);
    ASSERT_EQ(ids.size(), 4u);
    EXPECT_EQ(store->get(ids[0]).receptionNumber, "A-002");
    EXPECT_EQ(store->get(ids[1]).receptionNumber, "A-001");
    EXPECT_EQ(store->get(ids[2]).receptionNumber, "A-003");
    EXPECT_EQ(store->get(ids[3]).receptionNumber, "A-002");
    Case after = store->add(draft("後 二郎", "アト ジロウ"), kClerk);
    EXPECT_EQ(after.receptionNumber, "A-004");
    // And a second import in the same program starts from the database again, not from a count
    // left over from the first.
    std::vector<db::ImportedCase> again;
    again.push_back({draft("五", "ゴ"), today + "T10:00:00+09:00", CaseStatus::Received});
    EXPECT_EQ(store->get(store->importCases(again, kClerk).at(0)).receptionNumber, "A-005");
}

// An import checks its cases while it writes (SQLite prepares them on a second thread): a bad
// case deep in the batch is named, and nothing of the batch is kept, not even the good cases
// written before it was reached.
TEST_P(CaseBook, AnImportWithOneBadCaseKeepsNothingAndNamesTheProblem)
{
    Case before = store->add(draft("前 一郎", "マエ イチロウ"), kClerk);
    std::vector<db::ImportedCase> in;
    for (int i = 0; i < 3000; ++i)
        in.push_back({draft("山田 太郎", "ヤマダ タロウ"), "2026-11-02T09:00:00+09:00", CaseStatus::Done});
    in[2500].draft.resident.kana = "yamada";
    try {
        store->importCases(in, kClerk);
        FAIL() << "a case with latin letters as its kana was imported";
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("yamada"), std::string::npos) << e.what();
    }
    in[2500].draft.resident.kana = "ヤマダ タロウ";
    in[2999].receivedAt = "2026-02-30T09:00:00+09:00";
    EXPECT_THROW(store->importCases(in, kClerk), ValidationError);
    db::CaseQuery all;
    auto left = store->search(all);
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].id, before.id);
    // The counts the import kept in memory went with it: the next import numbers from the book.
    in.resize(2);
    auto ids = store->importCases(in, kClerk);
    EXPECT_EQ(store->get(ids[1]).receptionNumber, "A-002");
    EXPECT_TRUE(store->check().ok);
}

TEST_P(CaseBook, EachOfficeNumbersItsOwnDayAndListsOnlyItsOwnCases)
{
    db::StoreOptions east;
    east.office = "east";
    auto eastStore = db::openStore(book->url(), east); // "main" is the default office
    Case m1 = store->add(draft("本庁 一", "ホンチョウ イチ"), kClerk);
    Case e1 = eastStore->add(draft("東 一", "ヒガシ イチ"), kClerk);
    Case m2 = store->add(draft("本庁 二", "ホンチョウ ニ"), kClerk);
    EXPECT_EQ(m1.receptionNumber, "A-001");
    EXPECT_EQ(e1.receptionNumber, "A-001");
    EXPECT_EQ(m2.receptionNumber, "A-002");
    db::CaseQuery today;
    today.day = parseIsoDate(m1.createdAt.substr(0, 10), "day"); // the office day
    EXPECT_EQ(store->search(today).size(), 2u);
    ASSERT_EQ(eastStore->search(today).size(), 1u);
    EXPECT_EQ(eastStore->search(today)[0].id, e1.id);
    // A resident is found by name whichever office took the case.
    db::CaseQuery byName;
    byName.text = "本庁";
    EXPECT_EQ(eastStore->search(byName).size(), 2u);
}

TEST_P(CaseBook, AnOfficeCodeThatIsNotACodeIsRefusedBeforeAnythingIsWritten)
{
    db::StoreOptions bad;
    bad.office = "north office";
    EXPECT_THROW(db::openStore(book->url(), bad), ValidationError);
}

TEST_P(CaseBook, LiteralTextIsStoredLiterally)
{
    const std::string odd = "'; DROP TABLE cases; -- 😀 𠮷野家 \"quoted\"";
    CaseDraft d = draft(odd, "ヨシノヤ");
    d.notes = odd;
    Case c = store->add(d, kClerk);
    EXPECT_EQ(store->get(c.id).resident.name, odd);
    EXPECT_EQ(store->get(c.id).notes, odd);
    db::CaseQuery q;
    q.text = "DROP TABLE";
    EXPECT_EQ(store->search(q).size(), 1u);
    q.text = "\"quoted\" OR";
    EXPECT_TRUE(store->search(q).empty());
}

// Live refresh: another window (its own connection) learns of each change within 2 s.
TEST_P(CaseBook, AnotherWindowSeesNewCasesStatusChangesAndEdits)
{
    auto otherWindow = db::openStore(book->url());
    auto feed = otherWindow->subscribe();
    auto waitFor = [&](CaseId id, db::ChangeKind kind) {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        while (std::chrono::steady_clock::now() < deadline) {
            for (const auto& e : feed->poll(std::chrono::milliseconds(200)))
                if (e.id == id && e.kind == kind)
                    return true;
        }
        return false;
    };
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    EXPECT_TRUE(waitFor(c.id, db::ChangeKind::Added));
    c = store->changeStatus(c.id, CaseStatus::InProgress, "", kClerk);
    EXPECT_TRUE(waitFor(c.id, db::ChangeKind::StatusChanged));
    c.notes = "書類確認済み";
    store->update(c, kClerk);
    EXPECT_TRUE(waitFor(c.id, db::ChangeKind::Edited));
    // Nothing more happened: an idle poll is empty and returns by its timeout.
    auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(feed->poll(std::chrono::milliseconds(300)).empty());
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST_P(CaseBook, AnImportIsOneReloadNotThousandsOfEvents)
{
    auto feed = db::openStore(book->url())->subscribe();
    std::vector<db::ImportedCase> in;
    for (int i = 0; i < 600; ++i)
        in.push_back({draft("山田 太郎", "ヤマダ タロウ"), "2026-11-02T09:00:00+09:00", CaseStatus::Done});
    store->importCases(in, kClerk);
    std::vector<db::ChangeEvent> seen;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (seen.empty() && std::chrono::steady_clock::now() < deadline)
        seen = feed->poll(std::chrono::milliseconds(200));
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].kind, db::ChangeKind::Resync);
}

TEST_P(CaseBook, ConflictingStatusChangeNamesTheCaseAndChangesNothing)
{
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    store->changeStatus(c.id, CaseStatus::InProgress, "", {"clerk2"}, c.version);
    try {
        store->changeStatus(c.id, CaseStatus::Waiting, "照会書待ち", kClerk, c.version);
        FAIL() << "a stale version was accepted";
    } catch (const ConflictError& e) {
        EXPECT_NE(std::string(e.what()).find(std::to_string(c.id)), std::string::npos);
    }
    Case now = store->get(c.id);
    EXPECT_EQ(now.status, CaseStatus::InProgress);
    EXPECT_EQ(now.version, 2);
}

TEST_P(CaseBook, ImportedCasesKeepEveryField)
{
    CaseDraft d = draft("NGUYEN VAN AN", "グエン ヴァン アン", 1995, 3, 3);
    d.resident.foreignResident = true;
    d.resident.stayUntil = boost::gregorian::date(2027, 3, 31);
    // A tab stands only in a text of several lines (core/text/text_field.hpp): notes here.
    d.resident.address = "東京都小平市 小川町 \\ 2-1333";
    d.documents = {{"在留カード", true}, {"委任状", false}};
    d.applicant = {ApplicantType::Proxy, "山田 花子", "母"};
    d.feeYen = 800;
    d.notes = "改行\nあり\tタブも";
    d.clerk = "clerk9";
    auto ids = store->importCases({{d, "2026-11-02T09:00:00+09:00", CaseStatus::Waiting},
                                   {draft("一", "イチ"), "2026-11-02T09:01:00+09:00", CaseStatus::Received}},
                                  kClerk);
    Case c = store->get(ids[0]);
    EXPECT_EQ(c.receptionNumber, "A-001");
    EXPECT_EQ(c.status, CaseStatus::Waiting);
    EXPECT_TRUE(c.resident.foreignResident);
    EXPECT_EQ(*c.resident.stayUntil, boost::gregorian::date(2027, 3, 31));
    EXPECT_FALSE(c.resident.movedIn);
    EXPECT_EQ(c.resident.address, "東京都小平市 小川町 \\ 2-1333");
    ASSERT_EQ(c.documents.size(), 2u);
    EXPECT_EQ(c.documents[0].document, "在留カード");
    EXPECT_TRUE(c.documents[0].checked);
    EXPECT_FALSE(c.documents[1].checked);
    EXPECT_EQ(c.applicant.proxyRelation, "母");
    EXPECT_EQ(c.feeYen, 800);
    EXPECT_EQ(c.notes, "改行\nあり\tタブも");
    EXPECT_EQ(c.clerk, "clerk9");
    EXPECT_EQ(c.createdAt, "2026-11-02T09:00:00+09:00");
    ASSERT_EQ(c.history.size(), 1u);
    EXPECT_EQ(c.history[0].to, CaseStatus::Waiting);
    EXPECT_EQ(store->get(ids[1]).receptionNumber, "A-002");
    EXPECT_TRUE(store->check().ok);
    db::CaseQuery q;
    q.text = "ぐえん";
    EXPECT_EQ(store->search(q).size(), 1u);
}

TEST_P(CaseBook, AWatcherCallsBackWithChangesFromAnotherWindow)
{
    auto otherWindow = db::openStore(book->url());
    std::mutex m;
    std::condition_variable cv;
    std::vector<db::ChangeEvent> seen;
    db::ChangeWatcher watcher([&] { return otherWindow->subscribe(); },
                              [&](const std::vector<db::ChangeEvent>& events) {
                                  std::lock_guard lock(m);
                                  seen.insert(seen.end(), events.begin(), events.end());
                                  cv.notify_all();
                              },
                              [](const std::string& problem) { ADD_FAILURE() << problem; });
    std::this_thread::sleep_for(std::chrono::milliseconds(200)); // the watcher has subscribed
    Case c = store->add(draft("山田 太郎", "ヤマダ タロウ"), kClerk);
    std::unique_lock lock(m);
    EXPECT_TRUE(cv.wait_for(lock, std::chrono::seconds(2), [&] {
        for (const auto& e : seen)
            if (e.id == c.id && e.kind == db::ChangeKind::Added)
                return true;
        return false;
    }));
}
