#pragma once
// A visit and its procedure lines: the visit's status derived from its lines (the one place that
// decides it), the lines of a draft, a line's own history.
#include "core/cases/case.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace madoguchi {

// The visit's status from its lines' statuses (in line order):
//   - every line closed: 完了 if any line was done, else 取下げ (the first closed status of the
//     status table that a line has);
//   - every open line 受付 and nothing done yet: 受付 (a line withdrawn before anything began does
//     not start the visit);
//   - every open line on hold: 保留, or 照会書回答待ち when every such line waits for the inquiry
//     letter's answer (the visit waits on the resident or a letter);
//   - otherwise — a line being worked on, or some lines done or on hold while others wait their
//     turn — 対応中.
// An empty list (never stored) is 受付.
CaseStatus visitStatus(std::span<const ProcedureLine> lines);

// The lines a draft (or a case) stands for: `procedures`, or the one line `procedure` when the
// list is empty. ValidationError when a procedure is named twice or `procedure` is not the first.
std::vector<ProcedureLine> linesOf(const CaseDraft& draft);

// Makes the draft's visit these procedures, in this order (the first also in `procedure`).
// ValidationError when the list is empty.
void setProcedures(CaseDraft& draft, std::span<const Procedure> procedures);

// The procedures of a draft or case, in line order.
std::vector<Procedure> proceduresOf(const CaseDraft& draft);

// The line for `p`, or null when the visit has none.
const ProcedureLine* findLine(const CaseDraft& c, Procedure p);

// When the visit was done: the last line's move to 完了, from the history; none while the visit is
// not done, or when no such move is recorded (a case imported as already done).
std::optional<std::string> visitDoneAt(const Case& c);

// What the line for `p` went through: the entries about it and those about the whole visit (its
// reception, edits), in order.
std::vector<HistoryEntry> historyOf(const Case& c, Procedure p);

} // namespace madoguchi
