#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi {

// 受付 → 対応中 → 保留 → 完了; 取下げ from any open state (ids: docs/cli.md).
enum class CaseStatus { Received, InProgress, Waiting, Done, Withdrawn };

std::string_view statusId(CaseStatus s);
std::string_view statusNameJa(CaseStatus s);
std::string_view statusNameEn(CaseStatus s);
std::optional<CaseStatus> statusFromId(std::string_view id);
CaseStatus parseStatus(std::string_view id); // throws ValidationError listing the valid ids
bool isClosed(CaseStatus s);

} // namespace madoguchi
