#include "core/cases/case_status.hpp"

#include "core/common/errors.hpp"

#include <array>
#include <string>

namespace madoguchi {

namespace {
struct StatusNames {
    CaseStatus status;
    std::string_view id, ja, en;
};
constexpr std::array<StatusNames, 5> kStatuses{{
    {CaseStatus::Received, "received", "受付", "Received"},
    {CaseStatus::InProgress, "in-progress", "対応中", "In progress"},
    {CaseStatus::Waiting, "waiting", "保留", "Waiting"},
    {CaseStatus::Done, "done", "完了", "Done"},
    {CaseStatus::Withdrawn, "withdrawn", "取下げ", "Withdrawn"},
}};
const StatusNames& names(CaseStatus s)
{
    return kStatuses[static_cast<std::size_t>(s)];
}
} // namespace

std::string_view statusId(CaseStatus s)
{
    return names(s).id;
}
std::string_view statusNameJa(CaseStatus s)
{
    return names(s).ja;
}
std::string_view statusNameEn(CaseStatus s)
{
    return names(s).en;
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
    throw ValidationError("unknown status \"" + std::string(id) +
                          "\" (one of: received, in-progress, waiting, done, withdrawn)");
}

bool isClosed(CaseStatus s)
{
    return s == CaseStatus::Done || s == CaseStatus::Withdrawn;
}

} // namespace madoguchi
