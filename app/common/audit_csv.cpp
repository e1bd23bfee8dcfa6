#include "app/common/audit_csv.hpp"

namespace madoguchi::app {

namespace {

// RFC 4180 quoting.
std::string csvField(const std::string& v)
{
    if (v.find_first_of(",\"\r\n") == std::string::npos)
        return v;
    std::string q = "\"";
    for (char c : v) {
        if (c == '"')
            q += '"';
        q += c;
    }
    return q + "\"";
}

} // namespace

std::string auditCsv(const std::vector<AuditEntry>& entries)
{
    std::string text = "seq,at,user,role,action,case_id,detail,hash\r\n";
    for (const auto& e : entries)
        text += std::to_string(e.seq) + ',' + csvField(e.at) + ',' + csvField(e.user) + ',' + csvField(e.role) + ',' +
                csvField(e.action) + ',' + (e.caseId ? std::to_string(*e.caseId) : std::string()) + ',' +
                csvField(e.detail) + ',' + e.hash + "\r\n";
    return text;
}

} // namespace madoguchi::app
