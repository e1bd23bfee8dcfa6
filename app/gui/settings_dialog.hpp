#pragma once
// This desk's settings: language (takes effect at the next start), window number, when a waiting
// resident is flagged. Saved to the user's config directory.
#include "app/gui/app_settings.hpp"

#include <wx/dialog.h>

class wxChoice;
class wxTextCtrl;
class wxSpinCtrl;

namespace madoguchi::gui {

class SettingsDialog : public wxDialog {
public:
    SettingsDialog(wxWindow* parent, const AppSettings& current);
    AppSettings settings() const;

private:
    AppSettings base_;
    wxChoice* language_;
    wxTextCtrl* window_;
    wxSpinCtrl* waitMinutes_;
};

} // namespace madoguchi::gui
