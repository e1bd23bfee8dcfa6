#include "tests/display/display_rig.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <regex>
#include <sys/socket.h>
#include <unistd.h>

namespace madoguchi::test {

DisplayServer::DisplayServer(const std::string& dbUrl, const std::filesystem::path& logFile,
                             const std::vector<std::string>& extraArgs)
{
    std::vector<std::string> argv{MADOGUCHI_DISPLAY_PATH, "--db", dbUrl, "--listen", "127.0.0.1:0"};
    argv.insert(argv.end(), extraArgs.begin(), extraArgs.end());
    process_ = std::make_unique<BackgroundProcess>(argv, logFile);
    firstLine_ = process_->readLine(std::chrono::seconds(20));
    std::smatch m;
    if (std::regex_search(firstLine_, m, std::regex("serving http://127\\.0\\.0\\.1:([0-9]+)/")))
        port_ = std::stoi(m[1]);
    else
        ADD_FAILURE() << "madoguchi-display did not start: " << firstLine_ << "\n" << process_->stderrText();
}

httplib::Client DisplayServer::client() const
{
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(5);
    c.set_read_timeout(5);
    return c;
}

SseReader::SseReader(int port, const std::string& lastEventId)
{
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port);
    client_->set_read_timeout(30);
    thread_ = std::thread([this, lastEventId] {
        httplib::Client& c = *client_;
        httplib::Headers headers{{"Accept", "text/event-stream"}};
        if (!lastEventId.empty())
            headers.emplace("Last-Event-ID", lastEventId);
        c.Get("/events", headers, [this](const char* data, size_t n) {
            connected_ = true;
            std::lock_guard lock(mutex_);
            raw_.append(data, n);
            pending_.append(data, n);
            for (auto end = pending_.find("\n\n"); end != std::string::npos; end = pending_.find("\n\n")) {
                std::string block = pending_.substr(0, end);
                pending_.erase(0, end + 2);
                SseEvent e;
                std::size_t at = 0;
                while (at <= block.size()) {
                    std::size_t nl = block.find('\n', at);
                    std::string line = block.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
                    at = nl == std::string::npos ? block.size() + 1 : nl + 1;
                    if (line.rfind("event: ", 0) == 0)
                        e.event = line.substr(7);
                    else if (line.rfind("id: ", 0) == 0)
                        e.id = line.substr(4);
                    else if (line.rfind("data: ", 0) == 0)
                        e.data += line.substr(6);
                }
                if (!e.event.empty())
                    events_.push_back(std::move(e));
            }
            return !stop_;
        });
    });
}

SseReader::~SseReader()
{
    stop_ = true;
    client_->stop(); // shuts the socket: the Get returns now, not at the next heartbeat
    if (thread_.joinable())
        thread_.join();
}

std::vector<SseEvent> SseReader::events() const
{
    std::lock_guard lock(mutex_);
    return events_;
}

std::string SseReader::raw() const
{
    std::lock_guard lock(mutex_);
    return raw_;
}

bool SseReader::waitFor(const std::function<bool(const SseEvent&)>& match, std::chrono::milliseconds timeout) const
{
    auto deadline = std::chrono::steady_clock::now() + timeout;
    do {
        {
            std::lock_guard lock(mutex_);
            for (const auto& e : events_)
                if (match(e))
                    return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while (std::chrono::steady_clock::now() < deadline);
    return false;
}

std::string rawRequest(int port, const std::string& bytes, std::chrono::milliseconds timeout)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return "";
    }
    (void)!send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    std::string answer;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    char buf[4096];
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            break;
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(left.count())) <= 0)
            break;
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        answer.append(buf, static_cast<std::size_t>(n));
        if (answer.find("\r\n\r\n") != std::string::npos && answer.find("Content-Length: ") != std::string::npos) {
            // The whole of a short answer: headers and its body.
            auto cl = answer.find("Content-Length: ");
            std::size_t length = std::stoul(answer.substr(cl + 16));
            if (answer.size() >= answer.find("\r\n\r\n") + 4 + length)
                break;
        }
    }
    close(fd);
    return answer;
}

} // namespace madoguchi::test
