#include "app/common/audited_output.hpp"

#include <memory>

namespace madoguchi::app {

void writeAudited(db::AuditLog& log, const db::Actor& actor, const AuditedAccess& access,
                  const std::vector<OutputDocument>& documents, files::Overwrite overwrite)
{
    // Every target checked before anything is written: a refusal leaves no file and no entry.
    for (const auto& d : documents)
        files::checkOutputTarget(d.target, overwrite);
    std::vector<std::unique_ptr<files::StagedOutput>> staged;
    for (const auto& d : documents) {
        staged.push_back(std::make_unique<files::StagedOutput>(d.target, overwrite));
        staged.back()->write(d.bytes);
    }
    log.recordAccess(actor, access.action, access.cases, access.detail);
    try {
        for (auto& s : staged)
            s->commit();
    } catch (...) {
        try {
            log.recordAccess(actor, access.action, {}, access.detail + " not written");
        } catch (...) {
            // The first failure is the one to report.
        }
        throw;
    }
}

} // namespace madoguchi::app
