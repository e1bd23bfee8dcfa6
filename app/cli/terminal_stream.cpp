#include "app/cli/terminal_stream.hpp"

#include "core/text/terminal_text.hpp"

namespace madoguchi::cli {

namespace {

// Bytes at the end of `s` that start a UTF-8 sequence not yet complete (kept for the next write).
std::size_t incompleteTail(const std::string& s)
{
    for (std::size_t back = 1; back <= 3 && back <= s.size(); ++back) {
        auto b = static_cast<unsigned char>(s[s.size() - back]);
        if ((b & 0xC0) == 0x80)
            continue; // a continuation byte: look further back
        std::size_t need = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
        return need > back ? back : 0;
    }
    return 0;
}

} // namespace

TerminalSafeBuffer::~TerminalSafeBuffer()
{
    forward(true);
    target_->pubsync();
}

void TerminalSafeBuffer::forward(bool all)
{
    if (pending_.empty())
        return;
    std::size_t keep = all ? 0 : incompleteTail(pending_);
    std::string safe = escapeForTerminal(std::string_view(pending_).substr(0, pending_.size() - keep));
    target_->sputn(safe.data(), static_cast<std::streamsize>(safe.size()));
    pending_.erase(0, pending_.size() - keep);
}

TerminalSafeBuffer::int_type TerminalSafeBuffer::overflow(int_type c)
{
    if (traits_type::eq_int_type(c, traits_type::eof()))
        return traits_type::not_eof(c);
    pending_.push_back(traits_type::to_char_type(c));
    if (c == '\n')
        forward(false);
    return c;
}

std::streamsize TerminalSafeBuffer::xsputn(const char* s, std::streamsize n)
{
    pending_.append(s, static_cast<std::size_t>(n));
    if (pending_.find('\n') != std::string::npos) {
        // Up to the last complete line; the rest waits for its end.
        std::size_t end = pending_.rfind('\n') + 1;
        std::string rest = pending_.substr(end);
        pending_.resize(end);
        forward(false);
        pending_ += rest;
    }
    return n;
}

int TerminalSafeBuffer::sync()
{
    forward(false);
    return target_->pubsync();
}

} // namespace madoguchi::cli
