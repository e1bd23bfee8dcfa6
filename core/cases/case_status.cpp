// The status table: the one place a status is named and described.
#include "core/cases/case_status.hpp"

#include "core/common/errors.hpp"

#include <array>
#include <string>

namespace madoguchi {

namespace {
struct StatusRow {
    CaseStatus status;
    std::string_view id, ja, en;
    StatusStage stage;
    bool needsReason;
    bool needsMailingDay;
};
// In enum order (the enum is the row index). Among closed statuses, 完了 comes before 取下げ: a
// visit of which one procedure was done and another withdrawn was served (visit.cpp).
constexpr std::array<StatusRow, kCaseStatusCount> kStatuses{{
    {CaseStatus::Received, "received", "受付", "Received", StatusStage::NotStarted, false, false},
    {CaseStatus::InProgress, "in-progress", "対応中", "In progress", StatusStage::Active, false, false},
    {CaseStatus::Waiting, "waiting", "保留", "Waiting", StatusStage::OnHold, true, false},
    // On hold too, after 保留: a visit with lines at both is 保留 (visit.cpp takes the first).
    {CaseStatus::AwaitingAnswer, "awaiting-answer", "照会書回答待ち", "Awaiting the inquiry answer",
     StatusStage::OnHold, false, true},
    {CaseStatus::Done, "done", "完了", "Done", StatusStage::Closed, false, false},
    {CaseStatus::Withdrawn, "withdrawn", "取下げ", "Withdrawn", StatusStage::Closed, true, false},
}};
constexpr std::array<CaseStatus, kStatuses.size()> kOrder = [] {
    std::array<CaseStatus, kStatuses.size()> order{};
    for (std::size_t i = 0; i < kStatuses.size(); ++i)
        order[i] = kStatuses[i].status;
    return order;
}();
const StatusRow& row(CaseStatus s)
{
    return kStatuses[static_cast<std::size_t>(s)];
}
} // namespace

std::string_view statusId(CaseStatus s)
{
    return row(s).id;
}
std::string_view statusNameJa(CaseStatus s)
{
    return row(s).ja;
}
std::string_view statusNameEn(CaseStatus s)
{
    return row(s).en;
}
StatusStage statusStage(CaseStatus s)
{
    return row(s).stage;
}
bool statusNeedsReason(CaseStatus s)
{
    return row(s).needsReason;
}
bool statusNeedsMailingDay(CaseStatus s)
{
    return row(s).needsMailingDay;
}

std::span<const CaseStatus> allStatuses()
{
    return kOrder;
}

std::optional<CaseStatus> statusFromId(std::string_view id)
{
    for (const auto& s : kStatuses)
        if (s.id == id)
            return s.status;
    return std::nullopt;
}

CaseStatus parseStatus(std::string_view id)
{
    if (auto s = statusFromId(id))
        return *s;
    std::string valid;
    for (const auto& s : kStatuses)
        valid += (valid.empty() ? "" : ", ") + std::string(s.id);
    throw ValidationError("unknown status \"" + std::string(id) + "\" (one of: " + valid + ")");
}

bool isClosed(CaseStatus s)
{
    return statusStage(s) == StatusStage::Closed;
}

} // namespace madoguchi
