#pragma once
// The case detail's procedures, buttons and history. A visit shows one line per procedure; the
// buttons are the selected line's and come from core/cases/lifecycle.hpp, so the window offers
// exactly the changes the store will accept, and reopening only to supervisors.
#include "core/cases/case.hpp"
#include "core/security/roles.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <string>
#include <vector>

namespace madoguchi::gui {

struct TransitionButton {
    CaseStatus to;
    std::string label;            // "Start (対応中)"
    bool needsReason;             // 保留 and 取下げ: the supervisor reads the reason later
    bool needsMailingDay = false; // 照会書回答待ち: the day the inquiry letter was mailed
};

struct DetailActions {
    std::vector<TransitionButton> transitions;
    bool canReopen = false;
    bool canEdit = false; // documents, notes: while the case is open
};

// For a line at `status` (a visit of one procedure: the case's status).
DetailActions actionsFor(CaseStatus status, Role role);
// For line `line` of the visit: its own changes and reopening; edits while the visit is open.
DetailActions actionsFor(const Case& c, std::size_t line, Role role);

// One row of the detail's procedure list.
struct ProcedureRow {
    Procedure procedure;
    std::string name, status; // in the window's language
};
// A line waiting for the inquiry answer reads 「照会書回答待ち（郵送 2026-12-02・3日）」 on `today`.
std::vector<ProcedureRow> procedureRows(const Case& c, const boost::gregorian::date& today);
std::vector<ProcedureRow> procedureRows(const Case& c); // on the current day

struct HistoryRow {
    std::string at, actor, change, reason;
};
std::vector<HistoryRow> historyRows(const Case& c);
// What line `line` went through: its own entries and the visit's (reception, edits). The visit
// of one procedure: all of it.
std::vector<HistoryRow> historyRows(const Case& c, std::size_t line);

// A-012 · 暗証番号の再設定 + 電子証明書の更新・発行 · 対応中: the detail window's title.
std::string detailTitle(const Case& c);

} // namespace madoguchi::gui
