// The visit's status and lines: see visit.hpp.
#include "core/cases/visit.hpp"

#include "core/common/errors.hpp"

#include <algorithm>
#include <string>

namespace madoguchi {

namespace {

bool any(std::span<const ProcedureLine> lines, CaseStatus s)
{
    return std::any_of(lines.begin(), lines.end(), [s](const ProcedureLine& l) { return l.status == s; });
}

// The first status of the table, among those of `stage`, that a line has.
std::optional<CaseStatus> firstOfStage(std::span<const ProcedureLine> lines, StatusStage stage)
{
    for (CaseStatus s : allStatuses())
        if (statusStage(s) == stage && any(lines, s))
            return s;
    return std::nullopt;
}

// The status a visit has while work on it has begun but is not finished: the table's first
// active status.
CaseStatus activeStatus()
{
    for (CaseStatus s : allStatuses())
        if (statusStage(s) == StatusStage::Active)
            return s;
    return CaseStatus::InProgress;
}

} // namespace

CaseStatus visitStatus(std::span<const ProcedureLine> lines)
{
    if (lines.empty())
        return CaseStatus::Received;
    constexpr int kStages = static_cast<int>(StatusStage::Closed) + 1;
    bool open[kStages] = {}; // by StatusStage: the stages the open lines are at
    bool anyOpen = false;
    for (const auto& l : lines)
        if (!isClosed(l.status))
            anyOpen = open[static_cast<int>(statusStage(l.status))] = true;
    if (!anyOpen)
        return *firstOfStage(lines, StatusStage::Closed);
    auto only = [&](StatusStage stage) {
        for (int s = 0; s < kStages; ++s)
            if (open[s] != (s == static_cast<int>(stage)))
                return false;
        return true;
    };
    bool anyDone = any(lines, CaseStatus::Done);
    if (only(StatusStage::NotStarted) && !anyDone)
        return *firstOfStage(lines, StatusStage::NotStarted);
    if (only(StatusStage::OnHold))
        return *firstOfStage(lines, StatusStage::OnHold);
    return activeStatus();
}

std::vector<ProcedureLine> linesOf(const CaseDraft& draft)
{
    if (draft.procedures.empty())
        return {ProcedureLine{draft.procedure, CaseStatus::Received}};
    if (draft.procedures.front().procedure != draft.procedure)
        throw ValidationError("procedure: \"" + std::string(info(draft.procedure).id) +
                              "\" is not the first of the visit's procedures (\"" +
                              std::string(info(draft.procedures.front().procedure).id) + "\")");
    for (std::size_t i = 0; i < draft.procedures.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (draft.procedures[i].procedure == draft.procedures[j].procedure)
                throw ValidationError("procedure: \"" + std::string(info(draft.procedures[i].procedure).id) +
                                      "\" is named twice in one visit");
    return draft.procedures;
}

void setProcedures(CaseDraft& draft, std::span<const Procedure> procedures)
{
    if (procedures.empty())
        throw ValidationError("procedure: a visit needs at least one procedure");
    draft.procedure = procedures.front();
    draft.procedures.clear();
    for (Procedure p : procedures)
        draft.procedures.push_back({p, CaseStatus::Received});
}

std::vector<Procedure> proceduresOf(const CaseDraft& draft)
{
    std::vector<Procedure> out;
    if (draft.procedures.empty())
        out.push_back(draft.procedure);
    for (const auto& l : draft.procedures)
        out.push_back(l.procedure);
    return out;
}

const ProcedureLine* findLine(const CaseDraft& c, Procedure p)
{
    for (const auto& l : c.procedures)
        if (l.procedure == p)
            return &l;
    return nullptr;
}

std::vector<HistoryEntry> historyOf(const Case& c, Procedure p)
{
    std::vector<HistoryEntry> out;
    for (const auto& h : c.history)
        if (!h.procedure || *h.procedure == p)
            out.push_back(h);
    return out;
}

std::optional<std::string> visitDoneAt(const Case& c)
{
    if (c.status != CaseStatus::Done)
        return std::nullopt;
    std::optional<std::string> at;
    for (const auto& h : c.history)
        if (h.to == CaseStatus::Done && h.from)
            at = h.at;
    return at;
}

} // namespace madoguchi
