#pragma once
// The statuses a procedure line (and so a visit) can have, as one table (case_status.cpp): ids,
// names, what each means for the visit and whether moving to it needs a reason. A new status is
// one row there and its transitions in lifecycle.cpp; nothing else lists them.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace madoguchi {

// 受付 → 対応中 → 保留 → 完了; 取下げ from any open state. 照会書回答待ち (AwaitingAnswer): the
// two-visit route (照会書方式) — the city mailed the inquiry letter to the principal and the line
// waits for the proxy to come back with the answer; it carries the mailing day (ProcedureLine).
// The ids are part of the madoguchi-cli contract (docs/cli.md).
enum class CaseStatus { Received, InProgress, Waiting, AwaitingAnswer, Done, Withdrawn };
// How many there are: the size of the table, and of arrays counted by status.
inline constexpr std::size_t kCaseStatusCount = 6;

// What a status says about the work, which is what the visit's status is derived from
// (visit.hpp): nothing begun yet, being worked on, held up outside the counter, or finished.
enum class StatusStage { NotStarted, Active, OnHold, Closed };

std::string_view statusId(CaseStatus s);
std::string_view statusNameJa(CaseStatus s);
std::string_view statusNameEn(CaseStatus s);
StatusStage statusStage(CaseStatus s);
// 保留 and 取下げ: the supervisor reads the reason later.
bool statusNeedsReason(CaseStatus s);
// 照会書回答待ち: a line moves there only with the day the inquiry letter was mailed.
bool statusNeedsMailingDay(CaseStatus s);
// Every status, in the table's order (the order lists, reports and filters show them in).
std::span<const CaseStatus> allStatuses();
std::optional<CaseStatus> statusFromId(std::string_view id);
CaseStatus parseStatus(std::string_view id); // throws ValidationError listing the valid ids
bool isClosed(CaseStatus s);

} // namespace madoguchi
