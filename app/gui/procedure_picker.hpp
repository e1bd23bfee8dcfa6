#pragma once
// One of the fourteen procedures, found by typing a part of its Japanese name, its reading
// (さいこうふ finds 再交付) or its English name; arrows and Enter choose.
#include "core/cases/procedure.hpp"

#include <functional>
#include <optional>
#include <vector>
#include <wx/panel.h>

class wxTextCtrl;
class wxListBox;

namespace madoguchi::gui {

class ProcedurePicker : public wxPanel {
public:
    // `listHeight`: the list's height in DIPs.
    explicit ProcedurePicker(wxWindow* parent, int listHeight = 84);
    std::optional<Procedure> selected() const;
    void focusSearch();
    // Empties the search (every procedure listed again), for the visit's next procedure.
    void clearSearch();
    // Enter in the search box or on the list: the clerk has chosen; the form moves on.
    void onChosen(std::function<void()> chosen) { chosen_ = std::move(chosen); }
    // The selection moved (typing narrows the list, arrows move it).
    void onChanged(std::function<void()> changed) { changed_ = std::move(changed); }

private:
    void refilter();
    wxTextCtrl* search_;
    wxListBox* list_;
    std::vector<Procedure> shown_;
    std::function<void()> chosen_;
    std::function<void()> changed_;
};

} // namespace madoguchi::gui
