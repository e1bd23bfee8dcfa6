#pragma once
// What the card logic needs from a reader stack. app/pcsc implements it over PC/SC-Lite; the
// unit tests replay recorded APDUs through it. Every failure is a CardError with its kind
// (ServiceUnavailable, NoReader, NoCard, CardRemoved, ReaderRemoved, Timeout, Transport).
#include "core/card/bytes.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace madoguchi::card {

class CardTransport {
public:
    virtual ~CardTransport() = default;

    // The readers attached now (empty when none).
    virtual std::vector<std::string> readers() = 0;
    virtual bool cardPresent(const std::string& reader) = 0;
    // Opens a session with the card in `reader`; the session holds the card for this program
    // (a transaction) until disconnect().
    virtual void connect(const std::string& reader) = 0;
    // One command APDU, its answer (data + SW1 SW2). Throws CardError(Timeout) when no answer
    // comes in time.
    virtual Bytes transmit(const Bytes& command) = 0;
    virtual void disconnect() noexcept = 0;
    // Blocks until a reader or card changes or `timeout` passes; true when something changed.
    virtual bool waitForChange(std::chrono::milliseconds timeout) = 0;
};

} // namespace madoguchi::card
