// The history kinds' table.
#include "core/cases/history_kind.hpp"

#include "core/common/errors.hpp"

#include <array>
#include <string>

namespace madoguchi {

namespace {
struct KindRow {
    HistoryKind kind;
    std::string_view id;
};
constexpr std::array<KindRow, 6> kKinds{{
    {HistoryKind::StatusChange, "status"},
    {HistoryKind::Edit, "edit"},
    {HistoryKind::Reopen, "reopen"},
    {HistoryKind::Called, "called"},
    {HistoryKind::CalledAgain, "called-again"},
    {HistoryKind::Absent, "absent"},
}};
constexpr std::array<HistoryKind, kKinds.size()> kOrder = [] {
    std::array<HistoryKind, kKinds.size()> order{};
    for (std::size_t i = 0; i < kKinds.size(); ++i)
        order[i] = kKinds[i].kind;
    return order;
}();
} // namespace

std::string_view historyKindId(HistoryKind k)
{
    return kKinds[static_cast<std::size_t>(k)].id;
}

std::optional<HistoryKind> historyKindFromId(std::string_view id)
{
    for (const auto& k : kKinds)
        if (k.id == id)
            return k.kind;
    return std::nullopt;
}

HistoryKind parseHistoryKind(std::string_view id)
{
    if (auto k = historyKindFromId(id))
        return *k;
    std::string valid;
    for (const auto& k : kKinds)
        valid += (valid.empty() ? "" : ", ") + std::string(k.id);
    throw ValidationError("unknown history kind \"" + std::string(id) + "\" (one of: " + valid + ")");
}

std::span<const HistoryKind> allHistoryKinds()
{
    return kOrder;
}

bool isCallKind(HistoryKind k)
{
    return k == HistoryKind::Called || k == HistoryKind::CalledAgain || k == HistoryKind::Absent;
}

} // namespace madoguchi
