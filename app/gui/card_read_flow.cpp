#include "app/gui/card_read_flow.hpp"

#include "app/gui/error_dialog.hpp"
#include "app/gui/pin_dialog.hpp"
#include "app/gui/presenters/card_pin_gate.hpp"
#include "app/pcsc/pcsc_transport.hpp"
#include "core/card/card_error.hpp"
#include "core/common/clock.hpp"

#include <atomic>
#include <exception>
#include <functional>
#include <thread>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/timer.h>

namespace madoguchi::gui {

namespace {

using card::CardError;
using card::CardErrorKind;

// As the console tool: a card that has not answered in 5 s is not going to.
constexpr std::chrono::seconds kAnswerTimeout{5};

// Work with the card on a thread of its own while this dialog is shown modally. The worker
// touches no window: its progress and its end come back through CallAfter. Cancel only raises a
// flag that the reader reads before each command; the dialog stays until the worker has ended,
// so that nothing outlives what it refers to.
class CardProgressDialog : public wxDialog {
public:
    CardProgressDialog(wxWindow* parent, const wxString& what)
        : wxDialog(parent, wxID_ANY, _("Reading the card"), wxDefaultPosition, wxDefaultSize, wxCAPTION, "cardProgress")
    {
        auto* top = new wxBoxSizer(wxVERTICAL);
        text_ = new wxStaticText(this, wxID_ANY, what, wxDefaultPosition, wxDefaultSize, 0, "cardProgressText");
        top->Add(text_, 0, wxALL, 12);
        auto* keep = new wxStaticText(this, wxID_ANY, _("Leave the card on the reader until this window closes."));
        top->Add(keep, 0, wxLEFT | wxRIGHT, 12);
        gauge_ = new wxGauge(this, wxID_ANY, 1, wxDefaultPosition, FromDIP(wxSize(360, -1)), wxGA_HORIZONTAL,
                             wxDefaultValidator, "cardGauge");
        top->Add(gauge_, 0, wxEXPAND | wxALL, 12);
        cancel_ = new wxButton(this, wxID_CANCEL, _("Cancel"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                               "cardCancel");
        top->Add(cancel_, 0, wxALIGN_RIGHT | wxLEFT | wxRIGHT | wxBOTTOM, 12);
        SetSizerAndFit(top);
        // Escape and the button both come here; the dialog closes when the worker has ended.
        cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancel(); });
        Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
            if (e.CanVeto())
                e.Veto();
            cancel();
        });
        Bind(wxEVT_TIMER, [this](wxTimerEvent&) { finish(); });
        cancel_->SetFocus();
        CentreOnParent();
    }

    // Returns once `work` has ended on its thread; rethrows what it threw.
    void run(const std::function<void(const card::Progress&)>& work)
    {
        std::exception_ptr error;
        std::thread worker([this, &work, &error] {
            card::Progress progress = [this](int step, int steps) {
                CallAfter([this, step, steps] {
                    gauge_->SetRange(steps);
                    gauge_->SetValue(std::min(step, steps));
                });
                return !cancelled_.load();
            };
            try {
                work(progress);
            } catch (...) {
                error = std::current_exception();
            }
            CallAfter([this] { finish(); });
        });
        ShowModal();
        worker.join();
        if (error)
            std::rethrow_exception(error);
    }

private:
    void cancel()
    {
        cancelled_ = true;
        cancel_->Disable();
        text_->SetLabel(_("Stopping after the card's present answer…"));
    }
    void finish()
    {
        if (IsModal() && !modalAbove()) {
            EndModal(wxID_OK);
            return;
        }
        // Our loop has not begun yet, or another modal window runs above ours (the idle lock's
        // password): ending ours now would end that one's loop instead. Look again shortly.
        retry_.StartOnce(100);
    }
    bool modalAbove() const
    {
        bool above = false;
        for (wxWindow* w : wxTopLevelWindows) {
            if (auto* d = dynamic_cast<wxDialog*>(w); above && d && d->IsModal())
                return true;
            above = above || w == this;
        }
        return false;
    }

    std::atomic<bool> cancelled_{false};
    wxTimer retry_{this};
    wxStaticText* text_;
    wxGauge* gauge_;
    wxButton* cancel_;
};

void requireMyNumberCard(const card::CardStatus& st)
{
    if (st.readers.empty())
        throw CardError(CardErrorKind::NoReader, "カードリーダーが見つかりません", "no card reader is connected");
    if (!st.cardPresent)
        throw CardError(CardErrorKind::NoCard, "カードが置かれていません", "no card in the reader");
    if (st.cardType != card::CardType::MyNumberCard)
        throw CardError(CardErrorKind::NotMyNumberCard, "このカードはマイナンバーカードではありません",
                        "this card is not a My Number card");
}

} // namespace

std::optional<card::CardInfo> readCardWithPin(wxWindow* parent, const std::string& readerName)
{
    try {
        // Each step opens its own PC/SC context on the worker that uses it.
        card::CardStatus status;
        CardProgressDialog(parent, _("Looking at the card (no PIN needed yet)…")).run([&](const card::Progress& p) {
            pcsc::PcscTransport transport(kAnswerTimeout);
            status = card::MyNumberCardReader(transport, readerName).status(p);
        });
        requireMyNumberCard(status);
        PinGate gate = cardInfoPinGate(status);
        if (!gate.allowed)
            throw CardError(gate.blocked ? CardErrorKind::PinBlocked : CardErrorKind::UnexpectedStatus, gate.message,
                            gate.blocked ? "the card-info PIN is blocked" : "the card-info PIN's state is unknown",
                            gate.triesLeft);

        PinDialog ask(parent, gate);
        if (ask.ShowModal() != wxID_OK)
            return std::nullopt; // the resident did not give the PIN: nothing to say
        card::SecurePin pin = ask.takePin();
        bool lastTry = ask.lastTryConfirmed();

        card::CardInfo info;
        CardProgressDialog(parent, _("Reading name, address, date of birth and sex…"))
            .run([&](const card::Progress& p) {
                pcsc::PcscTransport transport(kAnswerTimeout);
                card::CardInfoOptions options;
                options.progress = p;
                options.confirmLastTry = [lastTry](int) { return lastTry; };
                info = card::MyNumberCardReader(transport, readerName).readCardInfo(std::move(pin), options);
            });
        return info;
    } catch (const std::exception& e) {
        showError(parent, e, _("Reading the card"));
        return std::nullopt;
    }
}

std::optional<triage::Triage> triageCardOnReader(wxWindow* parent, const std::string& readerName)
{
    try {
        card::TriageReading reading;
        CardProgressDialog(parent, _("Looking at the card: PIN tries and certificate (no PIN)…"))
            .run([&](const card::Progress& p) {
                pcsc::PcscTransport transport(kAnswerTimeout);
                reading = card::MyNumberCardReader(transport, readerName).readForTriage(p);
            });
        return triage::triageCard(reading, now().localDay);
    } catch (const std::exception& e) {
        showError(parent, e, _("Reading the card"));
        return std::nullopt;
    }
}

} // namespace madoguchi::gui
