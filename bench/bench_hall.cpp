// The hall display under load (issue #16 §6): N screens on the live stream of a real
// madoguchi-display while M calls are made on the same SQLite case book, the way the windows make
// them (the store's callNext). Prints, per call and screen, the time from callNext returning until
// the screen has the call event (p50/p95/max), the calls a screen never got, and the server's
// memory and CPU over the run. Loopback only; the server is a child that dies with the bench.
//
// usage: bench_hall [--displays N=50] [--calls M=1000] [--interval-ms T=10] [--display PATH]
#include "core/common/clock.hpp"
#include "db/case_store.hpp"
#include "tests/support/background_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <httplib.h>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace madoguchi;
using Clock = std::chrono::steady_clock;

namespace {

struct Screen {
    std::mutex mutex;
    std::map<std::string, Clock::time_point> seen; // reception number -> first call event
    std::atomic<bool> connected{false};
    std::string pending;
};

// Reads one screen's stream until `stop`: every "event: call" with its number, timed on arrival.
void watch(int port, Screen& screen, const std::atomic<bool>& stop)
{
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(std::chrono::seconds(30));
    client.Get(
        "/events", httplib::Headers{},
        [&](const httplib::Response&) {
            screen.connected = true;
            return true;
        },
        [&](const char* data, size_t length) {
            auto arrived = Clock::now();
            screen.pending.append(data, length);
            for (std::size_t end; (end = screen.pending.find("\n\n")) != std::string::npos;) {
                std::string block = screen.pending.substr(0, end);
                screen.pending.erase(0, end + 2);
                // "id: N" (calls carry one), "event: call", "data: {...}", one per line.
                std::string event, payload;
                std::istringstream lines(block);
                for (std::string line; std::getline(lines, line);) {
                    if (line.rfind("event: ", 0) == 0)
                        event = line.substr(7);
                    else if (line.rfind("data: ", 0) == 0)
                        payload = line.substr(6);
                }
                if (event != "call")
                    continue;
                auto call = nlohmann::json::parse(payload, nullptr, false);
                if (call.is_object() && call.contains("number")) {
                    std::lock_guard lock(screen.mutex);
                    screen.seen.emplace(call["number"].get<std::string>(), arrived);
                }
            }
            return !stop;
        });
}

long long ticksOf(pid_t pid) // utime + stime of the process, in clock ticks
{
    std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
    std::string s((std::istreambuf_iterator<char>(f)), {});
    std::istringstream rest(s.substr(s.rfind(')') + 2));
    std::string field;
    long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14)
            utime = std::stoll(field);
        if (i == 15)
            stime = std::stoll(field);
    }
    return utime + stime;
}

std::string statusLine(pid_t pid, const std::string& key) // "VmHWM:  12345 kB" -> "12345 kB"
{
    std::ifstream f("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(f, line);)
        if (line.rfind(key + ":", 0) == 0) {
            auto v = line.substr(key.size() + 1);
            return v.substr(v.find_first_not_of(" \t"));
        }
    return "?";
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

} // namespace

int main(int argc, char** argv)
{
    int displays = 50, calls = 1000, intervalMs = 10;
    std::string displayPath = MADOGUCHI_DISPLAY_PATH;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--displays")
            displays = std::stoi(argv[i + 1]);
        else if (a == "--calls")
            calls = std::stoi(argv[i + 1]);
        else if (a == "--interval-ms")
            intervalMs = std::stoi(argv[i + 1]);
        else if (a == "--display")
            displayPath = argv[i + 1];
        else {
            std::cerr << "usage: bench_hall [--displays N] [--calls M] [--interval-ms T] [--display PATH]\n";
            return 2;
        }
    }

    test::TempDir dir;
    std::string url = "sqlite:" + (dir.path() / "hall.db").string();
    auto store = db::openStore(url);
    // Today's visits, all waiting: one per call to be made.
    std::vector<db::ImportedCase> visits(calls);
    std::string today = toIso(now().localDay), offset = now().iso.substr(19);
    for (int i = 0; i < calls; ++i) {
        visits[i].draft.procedure = Procedure::CertRenewal;
        visits[i].draft.resident.name = "住民 " + std::to_string(i);
        visits[i].draft.resident.kana = "ジュウミン";
        visits[i].draft.resident.birth = boost::gregorian::date(1970, 5, 20);
        visits[i].draft.window = "1";
        char at[64];
        std::snprintf(at, sizeof at, "%sT00:%02d:%02d%s", today.c_str(), (i / 60) % 60, i % 60, offset.c_str());
        visits[i].receivedAt = at;
    }
    db::Actor clerk{"bench"};
    store->importCases(visits, clerk);

    test::BackgroundProcess server(
        {displayPath, "--db", url, "--listen", "127.0.0.1:0", "--max-connections", std::to_string(displays + 8)},
        dir.path() / "display.log");
    std::string first = server.readLine(std::chrono::seconds(10));
    auto at = first.find("http://127.0.0.1:");
    if (at == std::string::npos) {
        std::cerr << "bench_hall: the display did not start: " << first << server.stderrText() << '\n';
        return 1;
    }
    int port = std::stoi(first.substr(at + 17));

    std::vector<std::unique_ptr<Screen>> screens;
    std::vector<std::thread> readers;
    std::atomic<bool> stop{false};
    for (int i = 0; i < displays; ++i) {
        screens.push_back(std::make_unique<Screen>());
        readers.emplace_back(watch, port, std::ref(*screens.back()), std::cref(stop));
    }
    auto waitUntil = Clock::now() + std::chrono::seconds(10);
    while (Clock::now() < waitUntil &&
           !std::all_of(screens.begin(), screens.end(), [](const auto& s) { return s->connected.load(); }))
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // each screen's first board is in

    const long long hz = sysconf(_SC_CLK_TCK);
    long long ticks0 = ticksOf(server.pid());
    auto wall0 = Clock::now();
    std::vector<std::pair<std::string, Clock::time_point>> made;
    for (int i = 0; i < calls; ++i) {
        db::WindowCall call{std::to_string(1 + i % 10), {}};
        auto c = store->callNext(call, clerk);
        if (!c)
            break;
        made.emplace_back(c->receptionNumber, Clock::now());
        std::this_thread::sleep_for(std::chrono::milliseconds(intervalMs));
    }
    double callingSeconds = std::chrono::duration<double>(Clock::now() - wall0).count();
    // Every screen has its last call, or 5 s have passed.
    auto settle = Clock::now() + std::chrono::seconds(5);
    auto haveAll = [&] {
        for (const auto& s : screens) {
            std::lock_guard lock(s->mutex);
            if (s->seen.size() < made.size())
                return false;
        }
        return true;
    };
    while (Clock::now() < settle && !haveAll())
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    double wall = std::chrono::duration<double>(Clock::now() - wall0).count();
    double cpu = static_cast<double>(ticksOf(server.pid()) - ticks0) / static_cast<double>(hz);
    std::string rss = statusLine(server.pid(), "VmRSS"), peak = statusLine(server.pid(), "VmHWM");
    std::string threads = statusLine(server.pid(), "Threads");

    std::vector<double> latencyMs;
    long lost = 0;
    for (const auto& s : screens) {
        std::lock_guard lock(s->mutex);
        for (const auto& [number, when] : made) {
            auto it = s->seen.find(number);
            if (it == s->seen.end())
                ++lost;
            else
                latencyMs.push_back(std::chrono::duration<double, std::milli>(it->second - when).count());
        }
    }
    stop = true;
    server.stop();
    for (auto& r : readers)
        r.join();

    std::printf("bench_hall: %d screens, %zu calls made in %.1f s (one every %d ms, 10 windows)\n", displays,
                made.size(), callingSeconds, intervalMs);
    std::printf("  call -> screen: p50 %.0f ms, p95 %.0f ms, max %.0f ms over %zu deliveries\n",
                percentile(latencyMs, 0.50), percentile(latencyMs, 0.95), percentile(latencyMs, 1.0), latencyMs.size());
    std::printf("  calls a screen never got: %ld of %zu\n", lost, made.size() * screens.size());
    std::printf("  server: CPU %.2f s over %.1f s (%.0f%% of one core), memory %s now, %s at most, %s threads\n", cpu,
                wall, 100.0 * cpu / wall, rss.c_str(), peak.c_str(), threads.c_str());
    return lost == 0 ? 0 : 1;
}
