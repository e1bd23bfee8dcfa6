#pragma once
// The display server's log: one line per request (time, client address, method, path, status)
// and one per change of the case book's state. It never holds a query string, a header or
// anything of the board: a hall log can be kept and read by anyone without seeing personal data
// (there is none on the board either).
#include <mutex>
#include <ostream>
#include <string>

namespace madoguchi::display {

class DisplayLog {
public:
    explicit DisplayLog(std::ostream& out) : out_(out) {}
    void line(const std::string& text); // prefixed with the local time, flushed

private:
    std::ostream& out_;
    std::mutex mutex_;
};

} // namespace madoguchi::display
