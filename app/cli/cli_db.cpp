// madoguchi-cli db check|backup — the database itself.
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "core/common/errors.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

namespace {

int dbCheck(CliContext& ctx)
{
    auto report = ctx.store().check();
    if (ctx.json)
        ctx.printJson({{"ok", report.ok},
                       {"problems", report.problems},
                       {"cases", report.caseCount},
                       {"schema_version", report.schemaVersion},
                       {"database", ctx.store().describe()}});
    else if (report.ok)
        ctx.out << "ok: " << report.caseCount << " cases, schema version " << report.schemaVersion << '\n';
    for (const auto& p : report.problems)
        ctx.err << "madoguchi-cli: db check: " << p << '\n';
    return report.ok ? kOk : kStorageFault;
}

int dbBackup(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("db backup");
    o.add_options()("file", po::value<std::string>()->required(), "the new backup file");
    po::positional_options_description p;
    p.add("file", 1);
    auto vm = parseArgs(args, o, p);
    std::string file = vm["file"].as<std::string>();
    ctx.store().backup(file);
    if (ctx.json)
        ctx.printJson({{"ok", true}, {"backup", file}});
    else
        ctx.out << "backup written to " << file << '\n';
    return kOk;
}

int runDb(CliContext& ctx, const std::vector<std::string>& args)
{
    if (args.empty())
        throw ValidationError("db: say check or backup FILE");
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args.front() == "check") {
        parseArgs(rest, po::options_description("db check"));
        return dbCheck(ctx);
    }
    if (args.front() == "backup")
        return dbBackup(ctx, rest);
    throw ValidationError("db: unknown action \"" + args.front() + "\" (check, backup)");
}

const CommandRegistration kDb{"db", "check the database, make an online backup", runDb};

} // namespace
} // namespace madoguchi::cli
