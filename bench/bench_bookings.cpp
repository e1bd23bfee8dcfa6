// The booking book's figures (issue #15 §10): the first free slot over three months of 20 windows
// with 50,000 bookings in the book (goal p95 ≤ 10 ms), and the import of a 10,000-line file of the
// booking service (goal ≤ 1 s). SQLite, through the store's own calls; prints figures, asserts
// nothing.
//
//   bench_bookings [--db PATH] [--bookings N] [--import-lines N]
#include "bench/bench_timing.hpp"
#include "core/bookings/booking_csv.hpp"
#include "core/bookings/booking_rules.hpp"
#include "core/common/clock.hpp"
#include "core/text/japanese_encoding.hpp"
#include "db/booking_store.hpp"
#include "db/case_store.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>

using namespace madoguchi;
using namespace madoguchi::bookings;
using bench::Clock;
using boost::gregorian::date;
using boost::gregorian::days;

namespace {

const db::Actor kClerk{"bench", Role::Admin};

// 20 windows of one kind, the default hours (8:30–17:15 on weekdays, holidays and the year end
// closed): 35 slots of 15 minutes a day.
OfficeCalendar twentyWindows()
{
    return OfficeCalendar::read(nlohmann::json::parse(R"({"kinds": [{"id": "counter",
        "name": {"ja": "窓口", "en": "Counter"}, "windows": 20, "procedures": "rest"}]})"),
                                "bench", OfficeCalendar::defaults());
}

std::string kanaOf(int i)
{
    static const char* kana[] = {"ヤマダ", "タナカ", "スズキ", "サトウ", "タカハシ", "イトウ", "ワタナベ", "ナカムラ"};
    static const char* given[] = {"タロウ", "ハナコ", "ジロウ", "ユイ", "ケン", "サクラ"};
    return std::string(kana[i % 8]) + " " + given[(i / 8) % 6];
}

std::string nameOf(int i)
{
    static const char* family[] = {"山田", "田中", "鈴木", "佐藤", "高橋", "伊藤", "渡辺", "中村"};
    static const char* given[] = {"太郎", "花子", "次郎", "結衣", "健", "さくら"};
    return std::string(family[i % 8]) + " " + given[(i / 8) % 6];
}

BookingDraft draftAt(StartTime at, int i, Procedure p)
{
    BookingDraft d;
    d.procedures = {p};
    d.start = at;
    d.name = nameOf(i);
    d.kana = kanaOf(i);
    d.phone = "090-" + std::to_string(1000 + i % 9000) + "-" + std::to_string(1000 + (i * 7) % 9000);
    d.source = BookingSource::Import;
    d.externalId = "B" + std::to_string(i);
    return d;
}

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv)
{
    std::string path = (std::filesystem::temp_directory_path() / "madoguchi-bench-bookings.db").string();
    int wanted = 50000, importLines = 10000;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
            path = argv[++i];
        else if (!std::strcmp(argv[i], "--bookings") && i + 1 < argc)
            wanted = std::stoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--import-lines") && i + 1 < argc)
            importLines = std::stoi(argv[++i]);
    }
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    const OfficeCalendar calendar = twentyWindows();
    auto store = db::openStore(path);
    db::BookingStore& book = *store->bookings();
    std::mt19937_64 rng(20261202);

    // The book: every slot of the open days from tomorrow on taken by PIN resets (15 minutes),
    // 20 windows deep, but one in 40 left free, until `wanted` bookings are in — about three
    // months of a full counter. Written in batches of 5,000 through the import.
    const date first = now().localDay + days(1);
    std::vector<db::ImportedBooking> batch;
    int made = 0, line = 0;
    date last = first;
    auto t0 = Clock::now();
    for (date d = first; made < wanted; d += days(1)) {
        for (const auto& h : calendar.hoursOn(d))
            for (int m = h.open; m + 15 <= h.close && made < wanted; m += 15)
                for (int w = 0; w < 20 && made < wanted; ++w) {
                    if (rng() % 40 == 0)
                        continue;
                    batch.push_back({++line, draftAt({d, m}, made++, Procedure::PinReset)});
                    last = d;
                }
        if (batch.size() >= 5000 || made >= wanted) {
            auto r = book.importBookings(batch, calendar, kClerk);
            if (!r.refused.empty())
                std::printf("refused while filling: %zu (first: %s)\n", r.refused.size(), r.refused[0].reason.c_str());
            batch.clear();
        }
    }
    std::printf("book: %d bookings on the open days %s..%s, 20 windows (%.1f s to write)\n", made, toIso(first).c_str(),
                toIso(last).c_str(), secondsSince(t0));

    // The first free slot for a certificate renewal (20 minutes: two free 15-minute stretches of one
    // window) from a random day of those months, and for a card receipt (30 minutes).
    const int span = (last - first).days() + 1;
    auto firstFree = [&](Procedure p) {
        std::vector<Procedure> ps{p};
        return bench::measure(300, [&](int) -> std::size_t {
            date from = first + days(static_cast<int>(rng() % span));
            auto s = book.firstFreeSlot(ps, {from, 8 * 60 + 30}, calendar);
            return s ? 1 : 0;
        });
    };
    auto f = firstFree(Procedure::CertRenewal);
    std::printf("first free slot, certificate renewal (300 runs): p50 %.2f ms, p95 %.2f ms, found %zu%%\n", f.p50,
                f.p95, f.rows * 100);
    f = firstFree(Procedure::CardReceipt);
    std::printf("first free slot, card receipt (300 runs): p50 %.2f ms, p95 %.2f ms, found %zu%%\n", f.p50, f.p95,
                f.rows * 100);
    auto week = bench::measure(100, [&](int) -> std::size_t {
        std::vector<Procedure> ps{Procedure::PinReset};
        date from = first + days(static_cast<int>(rng() % span));
        return book.freeSlots(ps, {from, 0}, 7, calendar).size();
    });
    std::printf("free slots this week, PIN reset (100 runs): p50 %.2f ms, p95 %.2f ms, %zu slots\n", week.p50, week.p95,
                week.rows);

    // The booking service's day file: `importLines` lines in the documented format, Shift_JIS as a
    // spreadsheet saves it, for the days after the filled months (new external ids): read, checked,
    // converted and written in one transaction.
    std::string csv = "予約ID,予約日,開始時刻,手続き,氏名,フリガナ,生年月日,電話番号,申請者,言語,備考\r\n";
    int n = 0;
    for (date d = last + days(1); n < importLines; d += days(1))
        for (const auto& h : calendar.hoursOn(d))
            for (int m = h.open; m + 20 <= h.close && n < importLines; m += 20)
                for (int w = 0; w < 20 && n < importLines; ++w, ++n)
                    csv += "S" + std::to_string(n) + "," + toIso(d) + "," + clockText(m) + ",電子証明書の更新・発行," +
                           nameOf(n) + "," + kanaOf(n) + ",1980-04-0" + std::to_string(1 + n % 9) + ",042-341-" +
                           std::to_string(1000 + n % 9000) + ",本人,ja,\r\n";
    std::string sjis = toShiftJis(csv);
    t0 = Clock::now();
    BookingFile parsed = readBookingFile(sjis, standardMapping(), now().localDay);
    double readS = secondsSince(t0);
    std::vector<db::ImportedBooking> lines;
    for (auto& l : parsed.bookings)
        lines.push_back({l.line, std::move(l.draft)});
    auto t1 = Clock::now();
    auto r = book.importBookings(lines, calendar, kClerk);
    double writeS = secondsSince(t1);
    std::printf("import of %d lines (Shift_JIS, %.1f MB): %.2f s (reading and converting %.2f s, the store %.2f s); "
                "added %d, refused %zu, faults %zu\n",
                importLines, sjis.size() / 1048576.0, readS + writeS, readS, writeS, r.added, r.refused.size(),
                parsed.faults.size());
    if (!parsed.faults.empty()) // the file should have none: say why, or the figure means nothing
        std::printf("first fault: line %d: %s\n", parsed.faults[0].line, parsed.faults[0].reason.c_str());
    t0 = Clock::now();
    auto again = book.importBookings(lines, calendar, kClerk);
    std::printf("the same file again: %.2f s, unchanged %d, added %d\n", secondsSince(t0), again.unchanged,
                again.added);
    return 0;
}
