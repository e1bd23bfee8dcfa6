#pragma once
// Prints and exports of residents' data (a handout, the daily report and CSV, an audit export),
// as the console tool and the window both make them. Each file goes through the one writer
// (core/files/output_file.hpp: never over what it must not replace), and the audit entries are
// recorded once every file is complete on disk, before the files take their names: an entry
// means its file was made, no file exists without its entry, and a failed write leaves no entry
// saying it was made. A file that then cannot take its name (the one step left) is recorded once
// more, as not written.
#include "core/files/output_file.hpp"
#include "db/audit_log.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace madoguchi::app {

struct OutputDocument {
    std::filesystem::path target;
    std::string bytes;
};

struct AuditedAccess {
    std::string action; // audit_actions::kPrint, kExport, kAuditExport
    std::vector<CaseId> cases;
    std::string detail; // "pdf ja", "daily report csv"; "… not written" is appended on failure
};

// Throws what the writer throws.
void writeAudited(db::AuditLog& log, const db::Actor& actor, const AuditedAccess& access,
                  const std::vector<OutputDocument>& documents, files::Overwrite overwrite);

} // namespace madoguchi::app
