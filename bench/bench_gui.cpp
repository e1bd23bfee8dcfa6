// The counter window on a big case book: cold start to a usable window, and a keystroke in the
// search box to the updated list. With --bookings N: the day's bookings view of N bookings, from
// reading the day to the list painted (issue #15 §10: 600 bookings, goal ≤ 50 ms). Builds the database first
// (importCases in batches of 10,000) unless --reuse is given; needs an X display (starts Xvfb through
// scripts/services/start-xvfb.sh when DISPLAY is unset).
//   bench_gui [--cases N] [--db PATH] [--reuse] [--verbose]   (--verbose: every keystroke's time)
//   bench_gui --bookings N [--db PATH]
// The start is measured in a fresh process (this program run again with --startup), from the
// process's own start time as the kernel recorded it to the moment the window has shown its list.
#include "app/gui/app_settings.hpp"
#include "app/gui/bookings_panel.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/main_frame.hpp"
#include "bench/bench_timing.hpp"
#include "bench/realistic_names.hpp"
#include "core/bookings/office_calendar.hpp"
#include "core/common/clock.hpp"
#include "db/booking_store.hpp"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>
#include <wx/app.h>
#include <wx/init.h>
#include <wx/srchctrl.h>
#include <wx/window.h>

using namespace madoguchi;
using bench::Clock;

namespace {

class BenchApp : public wxApp {
public:
    bool OnInit() override { return true; }
};

// Milliseconds since this process was started (field 22 of /proc/self/stat, in clock ticks since
// boot), so that loading the program and its libraries counts too.
double msSinceProcessStart()
{
    std::ifstream stat("/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), {});
    std::istringstream rest(text.substr(text.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 22 && rest >> field; ++i) {
    }
    double startTicks = std::stod(field);
    std::ifstream up("/proc/uptime");
    double uptime = 0;
    up >> uptime;
    return (uptime - startTicks / sysconf(_SC_CLK_TCK)) * 1000.0;
}

void build(const std::string& path, std::size_t cases)
{
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    auto store = db::openStore(path);
    std::mt19937_64 rng(20261129);
    const auto today = now().localDay;
    // ~1,400 visits an office day (as bench_case_book): two years back, after every generated birth.
    const long days = std::max<long>(1, static_cast<long>(cases / 1400));
    const std::size_t batch = 10'000;
    auto t0 = Clock::now();
    for (std::size_t done = 0; done < cases; done += batch) {
        std::vector<db::ImportedCase> in;
        for (std::size_t i = done; i < std::min(cases, done + batch); ++i) {
            long back = days - 1 - static_cast<long>(i * days / cases); // the last cases are today's
            auto day = today - boost::gregorian::days(back);
            int minute = static_cast<int>(i % 480);
            char at[40];
            std::snprintf(at, sizeof at, "%sT%02d:%02d:00+09:00", toIso(day).c_str(), 8 + minute / 60, minute % 60);
            CaseStatus status = back > 0 ? CaseStatus::Done : static_cast<CaseStatus>(rng() % 4);
            in.push_back({bench::randomResident(rng), at, status});
        }
        store->importCases(in, {"bench"});
    }
    std::printf("built %zu cases in %.1f s (importCases, 10,000 per batch): %s\n", cases,
                std::chrono::duration<double>(Clock::now() - t0).count(), path.c_str());
}

// Set when this program started the X server, to stop it (scripts/services/stop-xvfb.sh) at the end.
std::string ownXvfbStop;

bool ensureDisplay(const char* argv0)
{
    if (const char* d = std::getenv("DISPLAY"); d && *d)
        return true;
    std::filesystem::path self = std::filesystem::canonical(argv0);
    std::string script = std::string(MADOGUCHI_SOURCE_DIR) + "/scripts/services/start-xvfb.sh";
    ownXvfbStop = "MADOGUCHI_BUILD_DIR='" + self.parent_path().string() + "' '" + MADOGUCHI_SOURCE_DIR +
                  "/scripts/services/stop-xvfb.sh'";
    std::string env =
        (std::filesystem::temp_directory_path() / ("bench-gui-xvfb-" + std::to_string(getpid()))).string();
    std::string cmd =
        "MADOGUCHI_BUILD_DIR='" + self.parent_path().string() + "' '" + script + "' '" + env + "' >/dev/null";
    if (std::system(cmd.c_str()) != 0)
        return false;
    std::ifstream in(env);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("DISPLAY=", 0) == 0)
            setenv("DISPLAY", line.substr(8).c_str(), 1);
    std::filesystem::remove(env);
    return std::getenv("DISPLAY") != nullptr;
}

// Lets the window handle everything pending and paint.
void settle(gui::MainFrame* frame)
{
    wxTheApp->Yield(true);
    frame->Update();
}

int startup(int argc, char** argv, const std::string& path, bool keystrokes, bool verbose = false)
{
    double t0 = msSinceProcessStart();
    auto mainStart = Clock::now();
    wxApp::SetInstance(new BenchApp);
    int wxArgc = 1;
    if (!wxEntryStart(wxArgc, argv))
        return 1;
    (void)argc;
    wxTheApp->CallOnInit();
    gui::openSettingsFile();
    gui::applyLanguage("ja");
    auto store = db::openStore(path);
    auto* frame = new gui::MainFrame(*store, gui::loadSettings(), "bench", Role::Clerk);
    frame->Show();
    settle(frame);
    double sinceMain = std::chrono::duration<double, std::milli>(Clock::now() - mainStart).count();
    if (!keystrokes) // the keystroke run is no cold start: this process built the database or ran before
        std::printf("cold start to a usable window: %.0f ms from process start (%.0f ms in main), %zu of today's cases "
                    "listed\n",
                    t0 + sinceMain, sinceMain, frame->rows().size());

    if (keystrokes) {
        // Keystrokes as typed: each one appends a character to the search box, the list follows.
        auto* search = dynamic_cast<wxSearchCtrl*>(wxWindow::FindWindowByName("search", frame));
        std::vector<std::string> words = {"やまだ", "さとう",     "たかはし", "すずき",   "渡辺",
                                          "A-012",  "1970-05-20", "ﾔﾏﾓﾄ",     "こばやし", "山"};
        std::vector<double> ms;
        std::size_t rows = 0;
        for (const auto& w : words) {
            search->ChangeValue("");
            wxString ws = wxString::FromUTF8(w);
            for (std::size_t i = 0; i < ws.length(); ++i) {
                auto k0 = Clock::now();
                search->WriteText(ws.Mid(i, 1)); // fires wxEVT_TEXT as a key press does
                settle(frame);
                ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - k0).count());
                rows += frame->rows().size();
                if (verbose) {
                    // The case book's share of it: the same query again, without the window.
                    gui::CaseFilter f;
                    f.text = std::string(search->GetValue().utf8_str());
                    auto s0 = Clock::now();
                    store->search(gui::buildQuery(f, now().localDay));
                    double storeMs = std::chrono::duration<double, std::milli>(Clock::now() - s0).count();
                    std::printf("  %-12s %7.1f ms (case book %6.1f ms)  %zu rows\n", f.text.c_str(), ms.back(), storeMs,
                                frame->rows().size());
                }
            }
        }
        std::sort(ms.begin(), ms.end());
        auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
        std::printf("keystroke in search to updated list: p50 %.1f ms  p95 %.1f ms  max %.1f ms  (%zu keystrokes, %.0f "
                    "rows on average)\n",
                    at(0.5), at(0.95), ms.back(), ms.size(), static_cast<double>(rows) / ms.size());
    }
    frame->Destroy();
    store.reset();
    wxEntryCleanup();
    return 0;
}

// N bookings tomorrow (or the next open day) from 8:30, on a calendar with the windows to hold
// them, each a different resident; then the bookings view shows that day, read and painted 30 times.
int bookingsPaint(char** argv, const std::string& path, int n)
{
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    {
        auto store = db::openStore(path);
        auto calendar = bookings::OfficeCalendar::read(nlohmann::json::parse(R"({
          "hours": [{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "open": "08:30", "close": "17:15"}],
          "closed_on_national_holidays": false, "closed_at_year_end": false, "slot_minutes": 15,
          "kinds": [{"id": "all", "name": {"ja": "窓口", "en": "Counter"}, "windows": 20, "procedures": "rest"}],
          "appointment_minutes": {"pin-reset": 15, "cert-renewal": 15, "card-receipt": 15}})"),
                                                       "bench", bookings::OfficeCalendar::defaults());
        std::mt19937_64 rng(20261202);
        auto day = now().localDay + boost::gregorian::days(1);
        const Procedure kinds[] = {Procedure::PinReset, Procedure::CertRenewal, Procedure::CardReceipt};
        for (int i = 0; i < n; ++i) {
            CaseDraft who = bench::randomResident(rng);
            bookings::BookingDraft b;
            b.procedures = {kinds[i % 3]};
            b.start = {day, 8 * 60 + 30 + 15 * (i / 20)};
            b.name = who.resident.name;
            b.kana = who.resident.kana;
            b.birth = who.resident.birth;
            b.phone = "090-" + std::to_string(1000 + i) + "-" + std::to_string(5000 + i);
            b.source = bookings::BookingSource::Phone;
            store->bookings()->addBooking(b, calendar, {"bench", Role::Clerk});
        }
    }
    if (!ensureDisplay(argv[0])) {
        std::fprintf(stderr, "bench_gui: no DISPLAY and Xvfb could not be started\n");
        return 1;
    }
    wxApp::SetInstance(new BenchApp);
    int wxArgc = 1;
    if (!wxEntryStart(wxArgc, argv))
        return 1;
    wxTheApp->CallOnInit();
    gui::openSettingsFile();
    gui::applyLanguage("ja");
    auto store = db::openStore(path);
    auto* frame = new gui::MainFrame(*store, gui::loadSettings(), "bench", Role::Clerk);
    frame->SetSize(frame->FromDIP(wxSize(1366, 768)));
    frame->Show();
    settle(frame);
    gui::BookingsPanel& view = frame->bookingsPanel();
    view.showDay(now().localDay + boost::gregorian::days(1));
    settle(frame);
    std::vector<double> total, reading;
    for (int run = 0; run < 30; ++run) {
        auto t0 = Clock::now();
        view.reload();
        view.Refresh();
        view.Update(); // paints now, not at the next idle time
        settle(frame);
        total.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        reading.push_back(view.lastReloadMs());
    }
    std::size_t rows = view.rows().size();
    std::sort(total.begin(), total.end());
    std::sort(reading.begin(), reading.end());
    auto at = [](const std::vector<double>& v, double q) {
        return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
    };
    std::printf("the day's bookings view, %zu bookings: read and painted p50 %.1f ms, p95 %.1f ms, max %.1f ms "
                "(of which reading the day and handing the rows over: p50 %.1f ms); 30 runs\n",
                rows, at(total, 0.5), at(total, 0.95), total.back(), at(reading, 0.5));
    frame->Destroy();
    store.reset();
    wxEntryCleanup();
    if (!ownXvfbStop.empty())
        std::system(ownXvfbStop.c_str());
    return rows == static_cast<std::size_t>(n) ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    std::size_t cases = 1'000'000;
    std::string path = (std::filesystem::temp_directory_path() / "madoguchi-bench-gui.db").string();
    bool reuse = false, startupOnly = false, verbose = false;
    int bookingsOnly = 0;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--cases") && i + 1 < argc)
            cases = std::stoul(argv[++i]);
        else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
            path = argv[++i];
        else if (!std::strcmp(argv[i], "--reuse"))
            reuse = true;
        else if (!std::strcmp(argv[i], "--startup"))
            startupOnly = true;
        else if (!std::strcmp(argv[i], "--verbose"))
            verbose = true;
        else if (!std::strcmp(argv[i], "--bookings") && i + 1 < argc)
            bookingsOnly = std::stoi(argv[++i]);
    }
    // Settings and the kept window layout of a throwaway user, not of whoever runs the benchmark.
    std::string config = (std::filesystem::temp_directory_path() / "madoguchi-bench-gui-config").string();
    setenv("XDG_CONFIG_HOME", config.c_str(), 1);
    if (startupOnly)
        return startup(argc, argv, path, false);
    if (bookingsOnly > 0)
        return bookingsPaint(argv, path + ".bookings", bookingsOnly);

    if (!reuse || !std::filesystem::exists(path))
        build(path, cases);
    if (!ensureDisplay(argv[0])) {
        std::fprintf(stderr, "bench_gui: no DISPLAY and Xvfb could not be started\n");
        return 1;
    }
    std::printf("database: %.0f MB\n", std::filesystem::file_size(path) / 1048576.0);
    // Three fresh processes for the start (the first also pays for a cold page cache of the libraries).
    for (int run = 0; run < 3; ++run) {
        std::string cmd = "'" + std::filesystem::canonical(argv[0]).string() + "' --startup --db '" + path + "'";
        if (std::system(cmd.c_str()) != 0)
            return 1;
    }
    int result = startup(argc, argv, path, true, verbose);
    if (!ownXvfbStop.empty())
        std::system(ownXvfbStop.c_str());
    return result;
}
