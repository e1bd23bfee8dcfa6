#include "app/gui/list_audit.hpp"

#include "db/audit_log.hpp"

namespace madoguchi::gui {

ListAudit::ListAudit(const DeskContext& desk, std::function<void(const std::string&)> failed,
                     std::chrono::milliseconds settle, Record record)
    : desk_(desk), failed_(std::move(failed)), settle_(settle), record_(std::move(record))
{
}

void ListAudit::shown(const std::vector<CaseId>& ids, bool search)
{
    // A list replaced before it settled (a search still being typed) is not recorded: only the
    // one that stays is.
    pending_.clear();
    for (CaseId id : ids)
        if (!recorded_.count(id))
            pending_.push_back(id);
    pendingSearch_ = search;
    if (pending_.empty())
        Stop();
    else
        StartOnce(static_cast<int>(settle_.count()));
}

void ListAudit::flush()
{
    Stop();
    if (pending_.empty())
        return;
    try {
        const char* detail = pendingSearch_ ? "window search" : "window list";
        if (record_)
            record_(desk_.actor(), pending_, detail);
        else
            desk_.store.audit().recordAccess(desk_.actor(), audit_actions::kList, pending_, detail);
    } catch (const std::exception& e) {
        if (failed_)
            failed_(e.what());
        return;
    }
    recorded_.insert(pending_.begin(), pending_.end());
    pending_.clear();
    pendingSearch_ = false;
}

void ListAudit::userChanged()
{
    recorded_.clear();
}

} // namespace madoguchi::gui
