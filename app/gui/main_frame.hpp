#pragma once
#include "db/case_store.hpp"

#include <wx/dataview.h>
#include <wx/frame.h>

namespace madoguchi::gui {

// The counter's main window: today's cases.
class MainFrame : public wxFrame {
public:
    explicit MainFrame(db::CaseStore& store);
    void reload();

private:
    db::CaseStore& store_;
    wxDataViewListCtrl* list_ = nullptr;
};

} // namespace madoguchi::gui
