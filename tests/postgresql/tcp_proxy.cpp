#include "tcp_proxy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace madoguchi::test {

namespace {

sockaddr_in loopback(int port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

} // namespace

TcpProxy::TcpProxy(int upstreamPort) : upstreamPort_(upstreamPort)
{
    if (::pipe(wakeFds_) != 0)
        throw std::runtime_error("pipe");
    listen();
    thread_ = std::thread([this] { run(); });
}

TcpProxy::~TcpProxy()
{
    stop_ = true;
    (void)!::write(wakeFds_[1], "x", 1);
    thread_.join();
    cut();
    if (listenFd_ >= 0)
        ::close(listenFd_);
    ::close(wakeFds_[0]);
    ::close(wakeFds_[1]);
}

void TcpProxy::listen()
{
    std::lock_guard lock(mutex_);
    listenFd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    ::setsockopt(listenFd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a = loopback(port_);
    if (::bind(listenFd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listenFd_, 16) != 0)
        throw std::runtime_error("proxy cannot listen");
    socklen_t len = sizeof a;
    ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
}

void TcpProxy::cut()
{
    {
        std::lock_guard lock(mutex_);
        for (auto [c, u] : pairs_) {
            ::shutdown(c, SHUT_RDWR);
            ::close(c);
            ::close(u);
        }
        pairs_.clear();
        // The port stays ours while cut: closing it let a parallel test's outgoing connection
        // take it as its ephemeral port, and restore() could then not listen again. New clients
        // are accepted and dropped at once instead, as a dead server's would fail.
        refusing_ = true;
    }
    (void)!::write(wakeFds_[1], "x", 1);
}

void TcpProxy::stall()
{
    {
        std::lock_guard lock(mutex_);
        stalled_ = true;
    }
    (void)!::write(wakeFds_[1], "x", 1);
}

void TcpProxy::restore()
{
    {
        std::lock_guard lock(mutex_);
        refusing_ = false;
        stalled_ = false;
    }
    (void)!::write(wakeFds_[1], "x", 1);
}

void TcpProxy::run()
{
    while (!stop_) {
        std::vector<pollfd> fds{{wakeFds_[0], POLLIN, 0}};
        std::vector<std::pair<int, int>> routes; // from, to — parallel to fds[1..]
        {
            std::lock_guard lock(mutex_);
            if (listenFd_ >= 0) {
                fds.push_back({listenFd_, POLLIN, 0});
                routes.push_back({listenFd_, -1});
            }
            for (auto [c, u] : stalled_ ? decltype(pairs_){} : pairs_) { // stalled: the bytes wait in the sockets
                fds.push_back({c, POLLIN, 0});
                routes.push_back({c, u});
                fds.push_back({u, POLLIN, 0});
                routes.push_back({u, c});
            }
        }
        if (::poll(fds.data(), fds.size(), 1000) <= 0)
            continue;
        if (fds[0].revents) {
            char buf[16];
            (void)!::read(wakeFds_[0], buf, sizeof buf);
            continue; // the sets changed
        }
        std::lock_guard lock(mutex_);
        for (std::size_t i = 1; i < fds.size(); ++i) {
            if (!fds[i].revents)
                continue;
            auto [from, to] = routes[i - 1];
            if (to == -1) {
                if (from != listenFd_)
                    continue;
                int client = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
                if (refusing_) {
                    if (client >= 0)
                        ::close(client);
                    break;
                }
                int upstream = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
                sockaddr_in a = loopback(upstreamPort_);
                if (client >= 0 && ::connect(upstream, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0)
                    pairs_.push_back({client, upstream});
                else {
                    ::close(client);
                    ::close(upstream);
                }
                break; // the sets changed
            }
            char buf[65536];
            ssize_t n = ::read(from, buf, sizeof buf);
            bool known = false;
            for (auto [c, u] : pairs_)
                known |= c == from || u == from;
            if (!known)
                break; // cut meanwhile
            if (n <= 0 || ::write(to, buf, static_cast<std::size_t>(n)) != n) {
                for (auto it = pairs_.begin(); it != pairs_.end(); ++it)
                    if (it->first == from || it->second == from) {
                        ::close(it->first);
                        ::close(it->second);
                        pairs_.erase(it);
                        break;
                    }
                break;
            }
        }
    }
}

} // namespace madoguchi::test
