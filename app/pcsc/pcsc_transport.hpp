#pragma once
// CardTransport over PC/SC-Lite (pcscd): context, readers, connect with a transaction, transmit
// with a time limit, SCardGetStatusChange. PC/SC-Lite's SCardTransmit waits for ever on a card
// that does not answer, so each transmit runs on a helper thread that we stop waiting for after
// the time limit; the session is then unusable and its handles are abandoned (closing them
// would block behind the hung call).
#include "core/card/card_transport.hpp"

#include <chrono>
#include <memory>

namespace madoguchi::pcsc {

class PcscTransport : public card::CardTransport {
public:
    explicit PcscTransport(std::chrono::milliseconds answerTimeout = std::chrono::seconds(5));
    ~PcscTransport() override;
    PcscTransport(const PcscTransport&) = delete;
    PcscTransport& operator=(const PcscTransport&) = delete;

    std::vector<std::string> readers() override;
    bool cardPresent(const std::string& reader) override;
    void connect(const std::string& reader) override;
    card::Bytes transmit(const card::Bytes& command) override;
    void disconnect() noexcept override;
    bool waitForChange(std::chrono::milliseconds timeout) override;

    // True after an answer timed out: the handles were abandoned (the caller may want to exit
    // without waiting for the library's clean-up).
    bool abandoned() const;

private:
    struct State;
    void ensureContext();
    bool readerEmptiesWithin(std::chrono::milliseconds wait);
    std::shared_ptr<State> state_;
    std::chrono::milliseconds timeout_;
};

} // namespace madoguchi::pcsc
