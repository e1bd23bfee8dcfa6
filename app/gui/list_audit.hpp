#pragma once
// The audit of the main list: which cases it put on screen, and for whom (case.list).
//
// Two choices keep the trail readable without losing a look at anyone:
// - The list follows every keystroke of the search box; recording each intermediate list ("や",
//   "やま", "やまだ") would write hundreds of entries for rows nobody read. A list is recorded once
//   it has stayed on screen for `settle` (the search has settled), and at once before anything
//   else happens (a case opens, the desk locks or changes hands, the window closes).
// - F5, a filter or a refresh from another desk shows the same rows again; a case is recorded the
//   first time it reaches this user's list in this session, not at every repaint of that list.
//   A new user at the desk (unlocking with another name) starts afresh.
#include "app/gui/desk_context.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>
#include <wx/timer.h>

namespace madoguchi::gui {

class ListAudit : public wxTimer {
public:
    // How a settled list is written to the trail; by default the case list's entry (case.list).
    // The bookings view records its rows as booking.list (bookings_panel.cpp).
    using Record =
        std::function<void(const db::Actor& actor, const std::vector<std::int64_t>& ids, const std::string& detail)>;
    // `failed` is told when the trail cannot be written (the rows stay pending and are tried again).
    ListAudit(const DeskContext& desk, std::function<void(const std::string&)> failed,
              std::chrono::milliseconds settle = std::chrono::milliseconds(800), Record record = {});
    // The list now shows these cases; `search`: found by a typed search rather than today's list.
    void shown(const std::vector<CaseId>& ids, bool search);
    // Records what is pending now.
    void flush();
    // Another user sits at the desk: what the list shows is theirs to be recorded again. flush()
    // first, while the desk is still in the previous user's name.
    void userChanged();

    void Notify() override { flush(); }

private:
    const DeskContext& desk_;
    std::function<void(const std::string&)> failed_;
    std::chrono::milliseconds settle_;
    Record record_;
    std::unordered_set<CaseId> recorded_;
    std::vector<CaseId> pending_;
    bool pendingSearch_ = false;
};

} // namespace madoguchi::gui
