// madoguchi-cli retention show|set|purge — how long closed cases are kept (admins).
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "db/audit_log.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

namespace {

int retentionShow(CliContext& ctx, const std::vector<std::string>& args)
{
    parseArgs(args, po::options_description("retention show"));
    int days = ctx.store().audit().retentionDays();
    if (ctx.json)
        ctx.printJson({{"retention_days", days == 0 ? nlohmann::json() : nlohmann::json(days)}});
    else
        ctx.out << (days == 0 ? std::string("no retention period set") : std::to_string(days) + " days") << '\n';
    return kOk;
}

int retentionSet(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("retention set");
    o.add_options()("days", po::value<int>()->required(), "keep closed cases this many days after their last change");
    auto vm = parseArgs(args, o);
    ctx.store().audit().setRetentionDays(vm["days"].as<int>(), ctx.actor());
    if (ctx.json)
        ctx.printJson({{"retention_days", vm["days"].as<int>()}});
    else
        ctx.out << "closed cases are kept " << vm["days"].as<int>() << " days\n";
    return kOk;
}

void printPurge(CliContext& ctx, const db::PurgeResult& r, bool dryRun)
{
    if (ctx.json) {
        ctx.printJson({{"cutoff", toIso(r.cutoff)},
                       {"purged", r.purged},
                       {"kept_open", r.keptOpen},
                       {"bookings_purged", r.bookingsPurged},
                       {"dry_run", dryRun}});
        return;
    }
    ctx.out << r.purged << " closed cases last changed before " << toIso(r.cutoff) << (dryRun ? " would be" : "")
            << " purged; " << r.keptOpen << " older cases kept because they are still open; " << r.bookingsPurged
            << " bookings for days before it" << (dryRun ? " would be" : "") << " purged\n";
}

// A purge cannot be undone, so a `--today` other than the real day (a typo such as 9999-12-31
// purges everything closed) runs only with --yes, after the counts were shown; --dry-run counts.
int retentionPurge(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("retention purge");
    o.add_options()("today", po::value<std::string>(),
                    "the day to count from (default: today)")("dry-run", "count what would be purged; change nothing")(
        "yes", "purge as of a --today that is not today (after a --dry-run)");
    auto vm = parseArgs(args, o);
    const auto realToday = now().localDay;
    auto today = vm.count("today") ? parseIsoDate(vm["today"].as<std::string>(), "--today") : realToday;
    auto& log = ctx.store().audit();
    if (vm.count("dry-run")) {
        printPurge(ctx, log.purgeExpired(today, ctx.actor(), db::PurgeRun::DryRun), true);
        return kOk;
    }
    if (today != realToday && !vm.count("yes")) {
        auto would = log.purgeExpired(today, ctx.actor(), db::PurgeRun::DryRun);
        throw ValidationError("--today " + toIso(today) + " is not today (" + toIso(realToday) + "): it would purge " +
                              std::to_string(would.purged) + " closed cases last changed before " +
                              toIso(would.cutoff) + "; nothing was purged (add --yes to purge as of that day)");
    }
    printPurge(ctx, log.purgeExpired(today, ctx.actor(), db::PurgeRun::Delete), false);
    return kOk;
}

const CommandRegistration kRetention{"retention",
                                     "how long closed cases are kept; purge older ones (admins)",
                                     {{"show", retentionShow}, {"set", retentionSet}, {"purge", retentionPurge}}};

} // namespace
} // namespace madoguchi::cli
