#pragma once
// A loopback TCP relay between the store and the test server, to pull the network cable in a
// test without stopping the server the other tests use: cut() drops every connection and refuses
// new ones, stall() keeps them open but moves no byte (a server that stopped answering: no error,
// just silence), restore() ends either.
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace madoguchi::test {

class TcpProxy {
public:
    explicit TcpProxy(int upstreamPort);
    ~TcpProxy();
    int port() const { return port_; }
    void cut();
    void stall();
    void restore();

private:
    void listen();
    void run();

    int upstreamPort_;
    int port_ = 0;
    int listenFd_ = -1;
    int wakeFds_[2] = {-1, -1};
    std::mutex mutex_;
    std::vector<std::pair<int, int>> pairs_; // client, upstream
    std::atomic<bool> stop_{false};
    bool refusing_ = false; // guarded by mutex_: cut() until restore()
    bool stalled_ = false;  // guarded by mutex_: stall() until restore()
    std::thread thread_;
};

} // namespace madoguchi::test
