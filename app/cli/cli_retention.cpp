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

int retentionPurge(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("retention purge");
    o.add_options()("today", po::value<std::string>(), "the day to count from (default: today)");
    auto vm = parseArgs(args, o);
    auto today = vm.count("today") ? parseIsoDate(vm["today"].as<std::string>(), "--today") : now().localDay;
    auto r = ctx.store().audit().purgeExpired(today, ctx.actor());
    if (ctx.json)
        ctx.printJson({{"cutoff", toIso(r.cutoff)},
                       {"purged", r.purged},
                       {"kept_open", r.keptOpen},
                       {"bookings_purged", r.bookingsPurged}});
    else
        ctx.out << r.purged << " closed cases last changed before " << toIso(r.cutoff) << " purged; " << r.keptOpen
                << " older cases kept because they are still open; " << r.bookingsPurged
                << " bookings for days before it purged\n";
    return kOk;
}

const CommandRegistration kRetention{"retention",
                                     "how long closed cases are kept; purge older ones (admins)",
                                     {{"show", retentionShow}, {"set", retentionSet}, {"purge", retentionPurge}}};

} // namespace
} // namespace madoguchi::cli
