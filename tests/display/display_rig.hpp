#pragma once
// The hall display as the tests run it: the real madoguchi-display on a case book, listening on a
// free loopback port, stopped with the test (tests/support/background_process.hpp); a client for
// its routes and one for its live stream.
#include "tests/support/background_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <httplib.h>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace madoguchi::test {

class DisplayServer {
public:
    // Starts it and waits for its "serving http://…" line; fails the test when it does not come.
    DisplayServer(const std::string& dbUrl, const std::filesystem::path& logFile,
                  const std::vector<std::string>& extraArgs = {});
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }
    httplib::Client client() const;
    std::string log() const { return process_->stderrText(); }
    int stop() { return process_->stop(); }
    bool started() const { return port_ > 0; }
    std::string firstLine() const { return firstLine_; }

private:
    std::unique_ptr<BackgroundProcess> process_;
    int port_ = 0;
    std::string firstLine_;
};

struct SseEvent {
    std::string event;
    std::string id;
    std::string data;
};

// Reads /events on a thread of its own until it goes; every event kept, in order.
class SseReader {
public:
    explicit SseReader(int port, const std::string& lastEventId = "");
    ~SseReader();
    std::vector<SseEvent> events() const;
    // Waits until an event satisfies `match`; false after `timeout`.
    bool waitFor(const std::function<bool(const SseEvent&)>& match, std::chrono::milliseconds timeout) const;
    std::string raw() const; // every byte received
    bool connected() const { return connected_; }

private:
    mutable std::mutex mutex_;
    std::vector<SseEvent> events_;
    std::string raw_, pending_;
    std::atomic<bool> stop_{false}, connected_{false};
    std::unique_ptr<httplib::Client> client_;
    std::thread thread_;
};

// One raw request over a socket (for what no well-behaved client sends); the whole answer.
std::string rawRequest(int port, const std::string& bytes, std::chrono::milliseconds timeout = std::chrono::seconds(5));

} // namespace madoguchi::test
