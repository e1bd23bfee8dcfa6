#include "app/pcsc/pcsc_transport.hpp"

#include "app/pcsc/pcsc_errors.hpp"
#include "core/card/apdu.hpp"

#include <PCSC/pcsclite.h>
#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>
#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace madoguchi::pcsc {

using card::Bytes;
using card::CardError;
using card::CardErrorKind;

struct PcscTransport::State {
    SCARDCONTEXT context = 0;
    bool haveContext = false;
    SCARDHANDLE card = 0;
    bool connected = false;
    DWORD protocol = 0;
    bool abandoned = false;
    std::string reader;
};

PcscTransport::PcscTransport(std::chrono::milliseconds answerTimeout)
    : state_(std::make_shared<State>()), timeout_(answerTimeout)
{
}

PcscTransport::~PcscTransport()
{
    disconnect();
    if (state_->haveContext && !state_->abandoned)
        SCardReleaseContext(state_->context);
}

bool PcscTransport::abandoned() const
{
    return state_->abandoned;
}

void PcscTransport::ensureContext()
{
    State& st = *state_;
    if (st.abandoned)
        throw CardError(CardErrorKind::Timeout, "カードが応答しなかったため、接続を閉じました",
                        "the connection was given up after the card did not answer");
    if (st.haveContext)
        return;
    LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &st.context);
    if (rv != SCARD_S_SUCCESS)
        throw errorFromPcsc(rv, Step::Context);
    st.haveContext = true;
}

std::vector<std::string> PcscTransport::readers()
{
    ensureContext();
    DWORD size = 0;
    LONG rv = SCardListReaders(state_->context, nullptr, nullptr, &size);
    if (rv == SCARD_E_NO_READERS_AVAILABLE)
        return {};
    if (rv != SCARD_S_SUCCESS)
        throw errorFromPcsc(rv, Step::ListReaders);
    std::string buf(size, '\0');
    rv = SCardListReaders(state_->context, nullptr, buf.data(), &size);
    if (rv == SCARD_E_NO_READERS_AVAILABLE)
        return {};
    if (rv != SCARD_S_SUCCESS)
        throw errorFromPcsc(rv, Step::ListReaders);
    // A multi-string: names separated by NUL, ended by an empty one.
    std::vector<std::string> names;
    for (std::size_t i = 0; i < buf.size() && buf[i] != '\0';) {
        std::string name(buf.c_str() + i);
        i += name.size() + 1;
        names.push_back(std::move(name));
    }
    return names;
}

bool PcscTransport::cardPresent(const std::string& reader)
{
    ensureContext();
    SCARD_READERSTATE rs{};
    rs.szReader = reader.c_str();
    rs.dwCurrentState = SCARD_STATE_UNAWARE;
    LONG rv = SCardGetStatusChange(state_->context, 0, &rs, 1);
    if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT)
        throw errorFromPcsc(rv, Step::Status);
    return (rs.dwEventState & SCARD_STATE_PRESENT) && !(rs.dwEventState & SCARD_STATE_MUTE);
}

void PcscTransport::connect(const std::string& reader)
{
    ensureContext();
    disconnect();
    LONG rv = SCardConnect(state_->context, reader.c_str(), SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                           &state_->card, &state_->protocol);
    if (rv != SCARD_S_SUCCESS)
        throw errorFromPcsc(rv, Step::Connect);
    state_->connected = true;
    state_->reader = reader;
    // The transaction keeps other programs from slipping their APDUs between ours (a SELECT of
    // theirs would change the current file under our READ BINARY).
    rv = SCardBeginTransaction(state_->card);
    if (rv != SCARD_S_SUCCESS) {
        disconnect();
        throw errorFromPcsc(rv, Step::Connect);
    }
}

Bytes PcscTransport::transmit(const Bytes& command)
{
    ensureContext();
    if (!state_->connected)
        throw CardError(CardErrorKind::Transport, "カードに接続していません", "not connected to a card");

    // Shared with the helper thread, which may outlive this call when the card never answers.
    struct Call {
        std::mutex m;
        std::condition_variable cv;
        bool done = false;
        LONG rv = 0;
        Bytes command;
        Bytes answer = Bytes(MAX_BUFFER_SIZE_EXTENDED);
        DWORD answerLength = MAX_BUFFER_SIZE_EXTENDED;
    };
    auto call = std::make_shared<Call>();
    call->command = command;
    SCARDHANDLE card = state_->card;
    const SCARD_IO_REQUEST* pci = state_->protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    std::thread([call, card, pci] {
        LONG rv = SCardTransmit(card, pci, call->command.data(), static_cast<DWORD>(call->command.size()), nullptr,
                                call->answer.data(), &call->answerLength);
        card::wipe(call->command); // it may hold a PIN
        std::lock_guard lock(call->m);
        call->rv = rv;
        call->done = true;
        call->cv.notify_one();
    }).detach();

    std::unique_lock lock(call->m);
    if (!call->cv.wait_for(lock, timeout_, [&] { return call->done; })) {
        state_->abandoned = true;
        auto seconds = std::to_string((timeout_.count() + 999) / 1000);
        throw CardError(CardErrorKind::Timeout, "カードが" + seconds + "秒以内に応答しませんでした",
                        "the card did not answer within " + seconds + " s");
    }
    if (call->rv != SCARD_S_SUCCESS)
        throw errorFromPcsc(call->rv, Step::Transmit);
    call->answer.resize(call->answerLength);
    // vpcd answers a card that left mid-command with nothing at all rather than an error; a
    // card reader may do the same. If the reader turns empty, that is what happened.
    if (call->answer.size() < 2 && readerEmptiesWithin(std::chrono::milliseconds(1500)))
        throw CardError(CardErrorKind::CardRemoved, "読み取り中にカードが取り出されました。カードを置き直してください",
                        "the card was removed during the read; put it back and try again");
    return std::move(call->answer);
}

bool PcscTransport::readerEmptiesWithin(std::chrono::milliseconds wait)
{
    SCARD_READERSTATE rs{};
    rs.szReader = state_->reader.c_str();
    rs.dwCurrentState = SCARD_STATE_UNAWARE;
    auto deadline = std::chrono::steady_clock::now() + wait;
    while (true) {
        LONG rv = SCardGetStatusChange(state_->context, 0, &rs, 1);
        if (rv == SCARD_S_SUCCESS && (rs.dwEventState & SCARD_STATE_EMPTY))
            return true;
        if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT)
            return false;
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        rs.dwCurrentState = rs.dwEventState & ~SCARD_STATE_CHANGED;
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        SCardGetStatusChange(state_->context, static_cast<DWORD>(std::max<long>(left.count(), 1)), &rs, 1);
    }
}

void PcscTransport::disconnect() noexcept
{
    if (!state_->connected || state_->abandoned)
        return;
    SCardEndTransaction(state_->card, SCARD_LEAVE_CARD);
    // A reset drops what a VERIFY unlocked, so that no program after us reads the card-info
    // files without the PIN.
    SCardDisconnect(state_->card, SCARD_RESET_CARD);
    state_->connected = false;
}

bool PcscTransport::waitForChange(std::chrono::milliseconds timeout)
{
    std::vector<std::string> names = readers();
    std::vector<SCARD_READERSTATE> states(names.size() + 1);
    for (std::size_t i = 0; i < names.size(); ++i) {
        states[i].szReader = names[i].c_str();
        states[i].dwCurrentState = SCARD_STATE_UNAWARE;
    }
    // The pseudo reader that changes when a reader is plugged in or out.
    states.back().szReader = "\\\\?PnP?\\Notification";
    states.back().dwCurrentState = static_cast<DWORD>(names.size()) << 16;
    // First learn the present state, then wait for it to change.
    LONG rv = SCardGetStatusChange(state_->context, 0, states.data(), static_cast<DWORD>(states.size()));
    if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT)
        throw errorFromPcsc(rv, Step::Status);
    for (auto& s : states)
        s.dwCurrentState = s.dwEventState & ~SCARD_STATE_CHANGED;
    rv = SCardGetStatusChange(state_->context, static_cast<DWORD>(timeout.count()), states.data(),
                              static_cast<DWORD>(states.size()));
    if (rv == SCARD_E_TIMEOUT)
        return false;
    if (rv != SCARD_S_SUCCESS)
        throw errorFromPcsc(rv, Step::Status);
    return true;
}

} // namespace madoguchi::pcsc
