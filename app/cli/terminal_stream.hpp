#pragma once
// madoguchi-cli's standard output and error pass through this filter: a text that holds a control
// character (a name stored by an older program, a search echoed in a message) is printed as
// visible escapes (core/text/terminal_text.hpp), never as a terminal command. Line by line, so
// the output still streams.
#include <ostream>
#include <streambuf>
#include <string>

namespace madoguchi::cli {

class TerminalSafeBuffer final : public std::streambuf {
public:
    explicit TerminalSafeBuffer(std::streambuf* target) : target_(target) {}
    ~TerminalSafeBuffer() override;

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

private:
    void forward(bool all);
    std::streambuf* target_;
    std::string pending_;
};

} // namespace madoguchi::cli
