// madoguchi-cli audit list|export — a day's audit trail, for supervisors.
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "app/common/audited_output.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "db/audit_log.hpp"
#include "reports/audit_csv.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

namespace {

nlohmann::json toJson(const AuditEntry& e)
{
    return {{"seq", e.seq},       {"at", e.at},
            {"user", e.user},     {"role", e.role},
            {"action", e.action}, {"case_id", e.caseId ? nlohmann::json(*e.caseId) : nlohmann::json()},
            {"detail", e.detail}, {"hash", e.hash}};
}

int auditDay(CliContext& ctx, const std::vector<std::string>& args, bool exporting)
{
    po::options_description o(exporting ? "audit export" : "audit list");
    o.add_options()("date", po::value<std::string>(), "office day YYYY-MM-DD (default: today)");
    if (exporting)
        o.add_options()("csv", po::value<std::string>()->required(), "the new CSV file")(
            "overwrite", po::bool_switch(), "replace an existing file of that name (never a database)");
    auto vm = parseArgs(args, o);
    auto day = vm.count("date") ? parseIsoDate(vm["date"].as<std::string>(), "--date") : now().localDay;
    auto overwrite = exporting ? overwriteAsked(vm) : files::Overwrite::No;
    if (exporting)
        files::checkOutputTarget(vm["csv"].as<std::string>(), overwrite);
    auto& log = ctx.store().audit();
    auto entries = log.auditDay(day, ctx.actor());
    if (exporting) {
        std::string file = vm["csv"].as<std::string>();
        app::writeAudited(log, ctx.actor(), {audit_actions::kAuditExport, {}, toIso(day) + " csv"},
                          {{file, reports::auditCsv(entries)}}, overwrite);
        if (ctx.json)
            ctx.printJson({{"ok", true}, {"csv", file}, {"entries", entries.size()}});
        else
            ctx.out << entries.size() << " entries written to " << file << '\n';
        return kOk;
    }
    if (ctx.json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& e : entries)
            arr.push_back(toJson(e));
        ctx.printJson(arr);
    } else
        for (const auto& e : entries)
            ctx.out << e.seq << '\t' << e.at << '\t' << e.user << '\t' << e.role << '\t' << e.action << '\t'
                    << (e.caseId ? std::to_string(*e.caseId) : "-") << '\t' << e.detail << '\n';
    return kOk;
}

const CommandRegistration kAudit{
    "audit",
    "a day's audit trail: list, export as CSV (supervisors)",
    {{"list", [](CliContext& ctx, const std::vector<std::string>& args) { return auditDay(ctx, args, false); }},
     {"export", [](CliContext& ctx, const std::vector<std::string>& args) { return auditDay(ctx, args, true); }}}};

} // namespace
} // namespace madoguchi::cli
