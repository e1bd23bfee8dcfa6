#pragma once
// A day's audit trail as CSV (the console's `audit export`, the supervisor view's export): one line
// per entry with its hash, so that the file can be checked against the chain later.
#include "core/security/audit_chain.hpp"

#include <string>
#include <vector>

namespace madoguchi::reports {

std::string auditCsv(const std::vector<AuditEntry>& entries);

} // namespace madoguchi::reports
