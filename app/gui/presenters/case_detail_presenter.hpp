#pragma once
// The case detail's buttons and history. The buttons come from core/cases/lifecycle.hpp, so the
// window offers exactly the changes the store will accept, and reopening only to supervisors.
#include "core/cases/case.hpp"

#include <string>
#include <vector>

namespace madoguchi::gui {

// Until the users issue lands, the role comes from the settings; the login dialog will set it.
enum class UserRole { Clerk, Supervisor, Admin };

struct TransitionButton {
    CaseStatus to;
    std::string label; // "Start (対応中)"
    bool needsReason;  // 保留 and 取下げ: the supervisor reads the reason later
};

struct DetailActions {
    std::vector<TransitionButton> transitions;
    bool canReopen = false;
    bool canEdit = false; // documents, notes: while the case is open
};

DetailActions actionsFor(CaseStatus status, UserRole role);

struct HistoryRow {
    std::string at, actor, change, reason;
};
std::vector<HistoryRow> historyRows(const Case& c);

// 受付 A-012 · 再交付 · 受付: the detail window's title.
std::string detailTitle(const Case& c);

} // namespace madoguchi::gui
