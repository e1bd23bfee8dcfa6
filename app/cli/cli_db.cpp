// madoguchi-cli db check|backup|verify-audit — the database itself.
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "core/common/errors.hpp"
#include "db/audit_log.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

namespace {

int dbCheck(CliContext& ctx, const std::vector<std::string>& args)
{
    parseArgs(args, po::options_description("db check"));
    auto report = ctx.unauthenticatedStore().check(); // counts only, no personal data
    if (ctx.json)
        ctx.printJson({{"ok", report.ok},
                       {"problems", report.problems},
                       {"cases", report.caseCount},
                       {"schema_version", report.schemaVersion},
                       {"database", ctx.unauthenticatedStore().describe()}});
    else if (report.ok)
        ctx.out << "ok: " << report.caseCount << " cases, schema version " << report.schemaVersion << '\n';
    for (const auto& p : report.problems)
        ctx.err << "madoguchi-cli: db check: " << p << '\n';
    return report.ok ? kOk : kStorageFault;
}

int dbBackup(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("db backup");
    o.add_options()("file", po::value<std::string>()->required(), "the new backup file")(
        "overwrite", po::bool_switch(), "replace an existing file of that name (never a database or a backup)");
    po::positional_options_description p;
    p.add("file", 1);
    auto vm = parseArgs(args, o, p);
    std::string file = vm["file"].as<std::string>();
    auto overwrite = overwriteAsked(vm);
    files::checkOutputTarget(file, overwrite); // "" and existing files refused before any login or copy
    // A backup is every resident's data at once: admins only, and audited — once the copy is
    // complete and before it takes its name, so that an entry means a copy was made.
    db::Actor actor = ctx.actor();
    requirePermission(actor.user, actor.role, Permission::BackUp);
    ctx.store().backup(file, overwrite,
                       [&] { ctx.store().audit().recordAccess(actor, audit_actions::kBackup, {}, ""); });
    if (ctx.json)
        ctx.printJson({{"ok", true}, {"backup", file}});
    else
        ctx.out << "backup written to " << file << '\n';
    return kOk;
}

// No login: the chain holds no personal data, and a cron job checks it every night.
int dbVerifyAudit(CliContext& ctx, const std::vector<std::string>& args)
{
    parseArgs(args, po::options_description("db verify-audit"));
    auto v = ctx.unauthenticatedStore().audit().verifyAudit();
    if (ctx.json)
        ctx.printJson({{"ok", v.ok},
                       {"entries", v.entries},
                       {"bad_entry", v.badSeq ? nlohmann::json(*v.badSeq) : nlohmann::json()},
                       {"problem", v.ok ? nlohmann::json() : nlohmann::json(v.problem)},
                       {"head_hash", v.headHash}});
    else if (v.ok)
        ctx.out << "ok: " << v.entries << " audit entries chained, head " << v.headHash << '\n';
    if (!v.ok)
        ctx.err << "madoguchi-cli: db verify-audit: " << v.problem << '\n';
    return v.ok ? kOk : kStorageFault;
}

const CommandRegistration kDb{"db",
                              "check the database, make an online backup, verify the audit chain",
                              {{"check", dbCheck}, {"backup", dbBackup}, {"verify-audit", dbVerifyAudit}}};

} // namespace
} // namespace madoguchi::cli
