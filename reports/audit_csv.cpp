#include "reports/audit_csv.hpp"

#include "reports/csv_field.hpp"

namespace madoguchi::reports {

std::string auditCsv(const std::vector<AuditEntry>& entries)
{
    std::string text = "seq,at,user,role,action,case_id,detail,hash\r\n";
    for (const auto& e : entries)
        text += std::to_string(e.seq) + ',' + csvField(e.at) + ',' + csvField(e.user) + ',' + csvField(e.role) + ',' +
                csvField(e.action) + ',' + (e.caseId ? std::to_string(*e.caseId) : std::string()) + ',' +
                csvField(e.detail) + ',' + e.hash + "\r\n";
    return text;
}

} // namespace madoguchi::reports
