#include "app/display/board_hub.hpp"

#include "app/display/board_json.hpp"

namespace madoguchi::display {

namespace {
constexpr std::size_t kCallsKept = 2000;
} // namespace

void BoardHub::publish(const HallBoard& board, const std::vector<HallCall>& calls, const std::string& at)
{
    std::string json = boardJson(board).dump();
    std::lock_guard lock(mutex_);
    auto seenAt = std::chrono::steady_clock::now();
    bool first = !published_;
    bool newCalls = false;
    for (const auto& c : calls) {
        if (c.seq <= lastSeq_)
            continue;
        lastSeq_ = c.seq;
        if (first)
            continue;
        calls_.push_back({c.seq, callJson(c).dump(), seenAt});
        newCalls = true;
        if (calls_.size() > kCallsKept)
            calls_.pop_front();
    }
    bool changed = first || !ok_ || newCalls || json != boardJson_;
    boardJson_ = std::move(json);
    ok_ = true;
    published_ = true;
    readAt_ = at;
    since_.clear();
    if (changed) {
        ++version_;
        changed_.notify_all();
    }
}

void BoardHub::publishAway(const std::string& since)
{
    std::lock_guard lock(mutex_);
    if (!ok_ && published_ && !since_.empty())
        return; // already said
    ok_ = false;
    published_ = true;
    since_ = since;
    ++version_;
    changed_.notify_all();
}

void BoardHub::stop()
{
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
}

std::string BoardHub::boardTextLocked() const
{
    nlohmann::json board = boardJson_.empty() ? nlohmann::json{{"serving", nlohmann::json::array()},
                                                               {"next", nlohmann::json::array()},
                                                               {"waiting", 0},
                                                               {"waits", nlohmann::json::array()},
                                                               {"recent_calls", nlohmann::json::array()}}
                                              : nlohmann::json::parse(boardJson_);
    board["source"] =
        ok_ ? nlohmann::json{{"ok", true}, {"read_at", readAt_}} : nlohmann::json{{"ok", false}, {"since", since_}};
    return board.dump();
}

BoardHub::View BoardHub::viewLocked(std::int64_t seq, std::chrono::seconds maxAge) const
{
    View v;
    v.version = version_;
    v.board = boardTextLocked();
    v.lastSeq = lastSeq_;
    v.stopped = stopped_;
    auto oldest = std::chrono::steady_clock::now() - maxAge;
    for (const auto& c : calls_)
        if (c.seq > seq && c.seen >= oldest)
            v.calls.push_back(c);
    return v;
}

BoardHub::View BoardHub::now(std::int64_t seq, std::chrono::seconds maxAge) const
{
    std::lock_guard lock(mutex_);
    return viewLocked(seq, maxAge);
}

std::optional<BoardHub::View> BoardHub::waitAfter(std::uint64_t version, std::int64_t seq,
                                                  std::chrono::milliseconds timeout) const
{
    std::unique_lock lock(mutex_);
    if (!changed_.wait_for(lock, timeout, [&] { return stopped_ || version_ != version; }))
        return std::nullopt;
    // A screen connected now and then has had every call since it last looked: no age limit.
    return viewLocked(seq, std::chrono::hours(24));
}

std::int64_t BoardHub::lastSeq() const
{
    std::lock_guard lock(mutex_);
    return lastSeq_;
}

bool BoardHub::sourceOk() const
{
    std::lock_guard lock(mutex_);
    return ok_;
}

bool BoardHub::published() const
{
    std::lock_guard lock(mutex_);
    return published_;
}

} // namespace madoguchi::display
