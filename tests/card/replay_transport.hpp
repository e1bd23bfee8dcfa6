#pragma once
// A CardTransport that plays back a recorded conversation: each expected command with the
// answer the card gave. A command out of order fails the test; faults can be injected as
// exceptions in place of answers.
#include "core/card/card_error.hpp"
#include "core/card/card_transport.hpp"

#include <deque>
#include <functional>
#include <gtest/gtest.h>
#include <optional>

namespace madoguchi::test {

card::Bytes hex(const std::string& text); // "00 A4 04 0C" -> bytes

class ReplayTransport : public card::CardTransport {
public:
    struct Step {
        card::Bytes command;
        card::Bytes answer;
        std::optional<card::CardErrorKind> fault; // thrown instead of answering
    };

    void expect(const std::string& command, const std::string& answer)
    {
        steps_.push_back({hex(command), hex(answer), {}});
    }
    void fail(const std::string& command, card::CardErrorKind kind) { steps_.push_back({hex(command), {}, kind}); }
    bool cardIn = true;
    std::vector<std::string> readerNames{"Reader A"};
    int connects = 0;
    int disconnects = 0;
    std::size_t remaining() const { return steps_.size(); }
    std::vector<card::Bytes> sent;

    std::vector<std::string> readers() override { return readerNames; }
    bool cardPresent(const std::string&) override { return cardIn; }
    void connect(const std::string&) override { ++connects; }
    void disconnect() noexcept override { ++disconnects; }
    bool waitForChange(std::chrono::milliseconds) override { return false; }
    card::Bytes transmit(const card::Bytes& command) override
    {
        sent.push_back(command);
        if (steps_.empty()) {
            ADD_FAILURE() << "unexpected command after the recording ended";
            throw card::CardError(card::CardErrorKind::Transport, "test", "test");
        }
        Step s = steps_.front();
        steps_.pop_front();
        EXPECT_EQ(s.command, command);
        if (s.fault)
            throw card::CardError(*s.fault, "test fault", "test fault");
        return s.answer;
    }

private:
    std::deque<Step> steps_;
};

} // namespace madoguchi::test
