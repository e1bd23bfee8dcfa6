#pragma once
// The resident types the card-info PIN (券面事項入力補助用暗証番号) here: the digits are masked,
// only exactly 4 digits can be sent, the tries left and the warning come from the PIN gate. At one
// try left the clerk must also tick that the resident knows a mistake locks the PIN.
#include "app/gui/presenters/card_pin_gate.hpp"
#include "core/card/secure_pin.hpp"

#include <wx/dialog.h>

class wxButton;
class wxCheckBox;
class wxStaticText;
class wxTextCtrl;

namespace madoguchi::gui {

class PinDialog : public wxDialog {
public:
    PinDialog(wxWindow* parent, const PinGate& gate);
    ~PinDialog() override;
    // After ShowModal() == wxID_OK: the PIN, moved out of the field (which is emptied). Once.
    card::SecurePin takePin();
    // The clerk confirmed spending the last try (only asked at one try left).
    bool lastTryConfirmed() const;

private:
    void recheck();
    // The field's text as a SecurePin; the wxString copy is overwritten before it is freed.
    card::SecurePin typed() const;

    wxTextCtrl* pin_;
    wxStaticText* message_;
    wxCheckBox* lastTry_ = nullptr;
    wxButton *ok_, *cancel_;
};

} // namespace madoguchi::gui
