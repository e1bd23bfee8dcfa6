#include "app/gui/pin_dialog.hpp"

#include "app/gui/label_wrap.hpp"
#include "app/gui/wx_text.hpp"

#include <array>
#include <openssl/crypto.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace madoguchi::gui {

PinDialog::PinDialog(wxWindow* parent, const PinGate& gate)
    : wxDialog(parent, wxID_ANY, _("Card PIN"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE, "pinDialog")
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* ask = new wxStaticText(this, wxID_ANY,
                                 _("Ask the resident to type the card-info PIN (4 digits) of the My Number card."));
    wrapLabel(ask, FromDIP(380));
    top->Add(ask, 0, wxALL, 12);

    // The tries left before the field: the resident reads them before typing.
    auto* tries = new wxStaticText(this, wxID_ANY, u8(gate.message), wxDefaultPosition, wxDefaultSize, 0, "pinTries");
    if (gate.triesLeft == 1)
        tries->SetForegroundColour(wxColour(0xC0, 0, 0));
    tries->SetFont(tries->GetFont().Bold());
    top->Add(tries, 0, wxLEFT | wxRIGHT | wxBOTTOM, 12);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("&PIN")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    pin_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(120, -1)), wxTE_PASSWORD,
                          wxDefaultValidator, "pin");
    pin_->SetMaxLength(4);
    row->Add(pin_, 0, wxRIGHT, 8);
    message_ = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "pinMessage");
    message_->SetForegroundColour(wxColour(0xC0, 0, 0));
    row->Add(message_, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);

    if (gate.triesLeft == 1) {
        lastTry_ = new wxCheckBox(this, wxID_ANY, _("The resident knows that a wrong PIN now &locks it"),
                                  wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "lastTry");
        top->Add(lastTry_, 0, wxLEFT | wxRIGHT | wxTOP, 12);
        lastTry_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { recheck(); });
    }

    // Cancel first: the tab order follows the order on screen (GTK puts the affirmative button last).
    auto* buttons = new wxStdDialogButtonSizer();
    cancel_ = new wxButton(this, wxID_CANCEL, _("Cancel"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                           "pinCancel");
    ok_ = new wxButton(this, wxID_OK, _("&Read the card"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                       "pinOk");
    buttons->AddButton(ok_);
    buttons->AddButton(cancel_);
    buttons->Realize();
    top->Add(buttons, 0, wxEXPAND | wxALL, 12);
    message_->SetLabel(_("The PIN is 4 digits (0-9).")); // the dialog is sized with room for it
    SetSizerAndFit(top);

    ok_->SetDefault(); // Enter in the field reads the card once 4 digits are there
    pin_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { recheck(); });
    recheck();
    // Focused once the dialog is up: focused before it is shown, GTK's focus chain does not know
    // the field has the focus, and Tab would not leave it.
    CallAfter([this] { pin_->SetFocus(); });
    CentreOnParent();
}

PinDialog::~PinDialog()
{
    pin_->ChangeValue(wxString(4, '0')); // GTK's own buffer is out of reach; ours is not kept
    pin_->ChangeValue("");
}

card::SecurePin PinDialog::typed() const
{
    wxString value = pin_->GetValue();
    std::array<char, card::SecurePin::kMaxLength> buf{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < value.length() && n < buf.size(); ++i) {
        wxUniChar c = value[i];
        // Anything but ASCII becomes a character isCardInfoPin refuses, so that a full-width
        // digit does not slip through as its ASCII twin.
        buf[n++] = c.IsAscii() ? static_cast<char>(c.GetValue()) : '?';
    }
    bool tooLong = value.length() > buf.size();
    for (std::size_t i = 0; i < value.length(); ++i)
        value[i] = '0'; // same length: written in place, no reallocation leaves the digits behind
    card::SecurePin pin(std::string_view(buf.data(), tooLong ? 0 : n));
    OPENSSL_cleanse(buf.data(), buf.size());
    return pin;
}

void PinDialog::recheck()
{
    card::SecurePin pin = typed();
    bool isPin = isCardInfoPin(std::string_view(pin.chars().data(), pin.size()));
    // While the resident is still typing, only a character that is not a digit is worth a word:
    // what is there, padded with zeros, must still be a PIN.
    std::array<char, 4> padded{'0', '0', '0', '0'};
    for (std::size_t i = 0; i < pin.size() && i < padded.size(); ++i)
        padded[i] = pin.chars()[i];
    bool digitsSoFar = pin.size() <= padded.size() && isCardInfoPin(std::string_view(padded.data(), padded.size()));
    OPENSSL_cleanse(padded.data(), padded.size());
    message_->SetLabel(digitsSoFar ? wxString() : _("The PIN is 4 digits (0-9)."));
    bool ready = isPin && (!lastTry_ || lastTry_->IsChecked());
    if (ready != ok_->IsEnabled()) {
        ok_->Enable(ready);
        // GTK keeps the tab order it was given while the button was off, without it: moving the
        // button (to where it is) has the order rebuilt, so that Tab reaches it now.
        ok_->MoveAfterInTabOrder(cancel_);
    }
    Layout();
}

bool PinDialog::lastTryConfirmed() const
{
    return lastTry_ && lastTry_->IsChecked();
}

card::SecurePin PinDialog::takePin()
{
    card::SecurePin pin = typed();
    pin_->ChangeValue(wxString(pin_->GetValue().length(), '0'));
    pin_->ChangeValue("");
    return pin;
}

} // namespace madoguchi::gui
