#include "app/display/hall_server.hpp"

#include "app/display/connection_limit.hpp"
#include "app/display/page_files.hpp"

#include <httplib.h>
#include <stdexcept>

namespace madoguchi::display {

namespace {

constexpr std::size_t kRefusalsQueued = 16;
constexpr const char* kEventsPath = "/events";

const PageFile* pageFile(const std::string& name)
{
    for (const auto& f : pageFiles())
        if (f.path == name)
            return &f;
    return nullptr;
}

// Only those the page needs (a stale cache across an upgrade would mix old script and new board).
void securityHeaders(httplib::Response& res)
{
    res.set_header("Content-Security-Policy", HallServer::kContentSecurityPolicy);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Cache-Control", "no-store");
}

void plain(httplib::Response& res, int status, const std::string& text)
{
    res.status = status;
    res.set_content(text + "\n", "text/plain; charset=utf-8");
}

std::string sseEvent(const char* event, const std::string& data, std::int64_t id = 0)
{
    std::string out;
    if (id > 0)
        out += "id: " + std::to_string(id) + "\n";
    return out + "event: " + event + "\ndata: " + data + "\n\n";
}

// The screen's place in the stream, between calls of its provider.
struct StreamState {
    bool started = false;
    std::uint64_t version = 0;
    std::int64_t lastSeq = 0;
    std::int64_t resumeFrom = -1; // Last-Event-ID of a screen that reconnects
};

bool send(httplib::DataSink& sink, const std::string& text)
{
    return sink.write(text.data(), text.size());
}

bool sendView(httplib::DataSink& sink, StreamState& st, const BoardHub::View& v)
{
    for (const auto& c : v.calls) {
        if (!send(sink, sseEvent("call", c.json, c.seq)))
            return false;
        st.lastSeq = c.seq;
    }
    st.lastSeq = std::max(st.lastSeq, v.lastSeq);
    if (v.version != st.version) {
        if (!send(sink, sseEvent("board", v.board)))
            return false;
        st.version = v.version;
    }
    return true;
}

} // namespace

bool isHallPath(const std::string& path)
{
    return path == "/" || path == "/hall.js" || path == "/hall.css" || path == "/board.json" || path == "/health" ||
           path == kEventsPath;
}

HallServer::HallServer(BoardHub& hub, DisplayLog& log, ServerLimits limits)
    : hub_(hub), log_(log), limits_(limits), server_(std::make_unique<httplib::Server>())
{
    const std::size_t workers = limits_.maxConnections;
    server_->new_task_queue = [workers] { return new ConnectionLimit(workers, kRefusalsQueued); };
    server_->set_payload_max_length(limits_.maxBodyBytes);
    server_->set_read_timeout(limits_.readTimeout);
    server_->set_write_timeout(limits_.readTimeout);
    server_->set_keep_alive_timeout(limits_.keepAlive.count());
    server_->set_keep_alive_max_count(20);
    routes();
}

HallServer::~HallServer() = default;

int HallServer::bind(const std::string& host, int port)
{
    int bound = port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
    if (bound <= 0)
        throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) +
                                 " (in use, or not an address of this machine)");
    return bound;
}

void HallServer::run()
{
    server_->listen_after_bind();
}

void HallServer::stop()
{
    server_->stop();
}

void HallServer::routes()
{
    auto& s = *server_;
    // Before any route: the refused connection, the methods (GET and HEAD only; another on a
    // known path is 405 with Allow, on any other path 404).
    s.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        securityHeaders(res);
        if (ConnectionLimit::refusingHere()) {
            res.set_header("Retry-After", "5");
            res.set_header("Connection", "close");
            plain(res, 503, "too many connections to the hall display; try again shortly");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (req.method == "GET" || req.method == "HEAD") {
            // No route takes a body; the library reads none on a GET, so it is refused here
            // (the bytes left unread end the connection).
            if (req.has_header("Transfer-Encoding") ||
                (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0")) {
                res.set_header("Connection", "close");
                plain(res, 413, "a request to the hall display carries no body");
                return httplib::Server::HandlerResponse::Handled;
            }
            return httplib::Server::HandlerResponse::Unhandled;
        }
        if (isHallPath(req.path)) {
            res.set_header("Allow", "GET, HEAD");
            plain(res, 405, "method not allowed: the hall display is read-only");
        } else {
            plain(res, 404, "not found");
        }
        return httplib::Server::HandlerResponse::Handled;
    });
    s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        securityHeaders(res);
        if (res.body.empty())
            plain(res, res.status, res.status == 404 ? "not found" : "bad request");
    });
    s.set_exception_handler([this](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        log_.line("error answering " + req.path);
        plain(res, 500, "internal error");
    });
    s.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        // The path without its query, the client's address: nothing a resident typed or is.
        log_.line(req.remote_addr + " " + req.method + " " + req.path + " " + std::to_string(res.status));
    });

    for (const char* name : {"/", "/hall.js", "/hall.css"}) {
        const PageFile* f = pageFile(std::string(name) == "/" ? "/hall.html" : name);
        if (!f)
            throw std::logic_error(std::string("the page file for ") + name + " is not compiled in");
        s.Get(name, [f](const httplib::Request&, httplib::Response& res) {
            res.set_content(std::string(f->body), std::string(f->contentType).c_str());
        });
    }
    s.Get("/board.json", [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(hub_.now(hub_.lastSeq()).board, "application/json");
    });
    s.Get("/health", [this](const httplib::Request&, httplib::Response& res) {
        if (hub_.sourceOk())
            plain(res, 200, "ok");
        else
            plain(res, 503, hub_.published() ? "the case book cannot be read now" : "starting");
    });
    s.Get(kEventsPath, [this](const httplib::Request& req, httplib::Response& res) {
        auto st = std::make_shared<StreamState>();
        st->lastSeq = hub_.lastSeq();
        if (req.has_header("Last-Event-ID")) {
            try {
                st->resumeFrom = std::stoll(req.get_header_value("Last-Event-ID"));
            } catch (const std::exception&) {
                st->resumeFrom = -1;
            }
        }
        res.set_header("X-Accel-Buffering", "no");
        auto heartbeat = std::chrono::duration_cast<std::chrono::milliseconds>(limits_.heartbeat);
        res.set_chunked_content_provider("text/event-stream", [this, st, heartbeat](size_t, httplib::DataSink& sink) {
            if (!st->started) {
                st->started = true;
                // A screen back after a blip gets the chimes it missed (the last half minute).
                BoardHub::View v = hub_.now(st->resumeFrom >= 0 ? st->resumeFrom : st->lastSeq);
                if (!send(sink, "retry: 2000\n\n") || !sendView(sink, *st, v))
                    return false;
                return true;
            }
            auto v = hub_.waitAfter(st->version, st->lastSeq, heartbeat);
            if (v && v->stopped) {
                sink.done();
                return true;
            }
            if (!v)
                return send(sink, ": keepalive\n\n");
            return sendView(sink, *st, *v);
        });
    });
}

} // namespace madoguchi::display
