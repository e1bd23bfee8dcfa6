#pragma once
// This desk's settings: language (takes effect at the next start), window number, when a waiting
// resident is flagged; and, for an administrator only, the case book and the office code (both
// from the next start: the open windows stay on the book they opened) and where the hall display
// listens — the page says which address the hall's screen opens, and the command that serves it.
// Saved to the user's config directory.
#include "app/gui/app_settings.hpp"

#include <wx/dialog.h>

class wxChoice;
class wxTextCtrl;
class wxSpinCtrl;
class wxStaticText;

namespace madoguchi::gui {

class SettingsDialog : public wxDialog {
public:
    // `admin`: may change the case book and the office; anyone else sees them, greyed.
    SettingsDialog(wxWindow* parent, const AppSettings& current, bool admin);
    AppSettings settings() const;

private:
    void accept();

    AppSettings base_;
    wxChoice* language_;
    wxTextCtrl* window_;
    wxSpinCtrl* waitMinutes_;
    wxTextCtrl* database_;
    wxTextCtrl* office_;
    wxTextCtrl* hallDisplay_;
    wxStaticText* hallAddress_; // "the hall's screen opens http://…/" and the command
    wxStaticText* message_;
    void showHallAddress();
};

} // namespace madoguchi::gui
