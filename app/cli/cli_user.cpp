// madoguchi-cli user init-admin|add|role|disable|enable|passwd|list|whoami — the program's users.
// New passwords come from standard input (one line), never from the command line.
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "core/common/errors.hpp"
#include "db/user_store.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

namespace {

nlohmann::json toJson(const db::User& u)
{
    return {{"name", u.name}, {"role", std::string(roleId(u.role))}, {"active", u.active}, {"created_at", u.createdAt}};
}

void printUser(CliContext& ctx, const db::User& u)
{
    if (ctx.json)
        ctx.printJson(toJson(u));
    else
        ctx.out << u.name << '\t' << roleId(u.role) << '\t' << (u.active ? "active" : "switched off") << '\n';
}

std::string nameArg(const std::vector<std::string>& args, const char* caption)
{
    po::options_description o(caption);
    o.add_options()("name", po::value<std::string>()->required(), "login name");
    po::positional_options_description p;
    p.add("name", 1);
    return parseArgs(args, o, p)["name"].as<std::string>();
}

int userInitAdmin(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("user init-admin");
    o.add_options()("name", po::value<std::string>()->required(), "the admin's login name");
    auto vm = parseArgs(args, o);
    ctx.createBook = true; // the first admin is where a new case book begins
    auto& users = ctx.unauthenticatedStore().users();
    std::string password = readPasswordFromStdin("the admin's password");
    printUser(ctx, users.createFirstAdmin(vm["name"].as<std::string>(), password));
    return kOk;
}

int userWhoami(CliContext& ctx, const std::vector<std::string>& args)
{
    parseArgs(args, po::options_description("user whoami"));
    db::Actor a = ctx.actor();
    if (ctx.json)
        ctx.printJson({{"name", a.user}, {"role", std::string(roleId(a.role))}});
    else
        ctx.out << a.user << '\t' << roleId(a.role) << '\t' << roleLabel(a.role) << '\n';
    return kOk;
}

int userAdd(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("user add");
    o.add_options()("name", po::value<std::string>()->required(),
                    "login name")("role", po::value<std::string>()->required(), "clerk, supervisor or admin");
    po::positional_options_description p;
    p.add("name", 1);
    auto vm = parseArgs(args, o, p);
    Role role = parseRole(vm["role"].as<std::string>());
    auto& users = ctx.store().users();
    requirePermission(ctx.actor().user, ctx.actor().role, Permission::ManageUsers); // before reading stdin
    std::string password = readPasswordFromStdin("the new user's password");
    printUser(ctx, users.addUser(vm["name"].as<std::string>(), role, password, ctx.actor()));
    return kOk;
}

int userRole(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("user role");
    o.add_options()("name", po::value<std::string>()->required(),
                    "login name")("role", po::value<std::string>()->required(), "clerk, supervisor or admin");
    po::positional_options_description p;
    p.add("name", 1).add("role", 1);
    auto vm = parseArgs(args, o, p);
    auto& users = ctx.store().users();
    printUser(ctx, users.setRole(vm["name"].as<std::string>(), parseRole(vm["role"].as<std::string>()), ctx.actor()));
    return kOk;
}

int userSetActive(CliContext& ctx, const std::vector<std::string>& args, bool active)
{
    std::string name = nameArg(args, active ? "user enable" : "user disable");
    printUser(ctx, ctx.store().users().setActive(name, active, ctx.actor()));
    return kOk;
}

int userPasswd(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("user passwd");
    o.add_options()("name", po::value<std::string>(), "login name (default: yourself)");
    po::positional_options_description p;
    p.add("name", 1);
    auto vm = parseArgs(args, o, p);
    auto& users = ctx.store().users();
    std::string name = optionalString(vm, "name").value_or(ctx.actor().user);
    if (name != ctx.actor().user)
        requirePermission(ctx.actor().user, ctx.actor().role, Permission::ManageUsers);
    users.setPassword(name, readPasswordFromStdin("the new password"), ctx.actor());
    if (ctx.json)
        ctx.printJson({{"ok", true}, {"name", name}});
    else
        ctx.out << "password of " << name << " changed\n";
    return kOk;
}

int userList(CliContext& ctx, const std::vector<std::string>& args)
{
    parseArgs(args, po::options_description("user list"));
    auto all = ctx.store().users().users(ctx.actor());
    if (ctx.json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& u : all)
            arr.push_back(toJson(u));
        ctx.printJson(arr);
    } else
        for (const auto& u : all)
            printUser(ctx, u);
    return kOk;
}

const CommandRegistration kUser{
    "user",
    "create the first admin, add users, set roles and passwords",
    {{"init-admin", userInitAdmin},
     {"add", userAdd},
     {"role", userRole},
     {"disable", [](CliContext& ctx, const std::vector<std::string>& args) { return userSetActive(ctx, args, false); }},
     {"enable", [](CliContext& ctx, const std::vector<std::string>& args) { return userSetActive(ctx, args, true); }},
     {"passwd", userPasswd},
     {"list", userList},
     {"whoami", userWhoami}}};

} // namespace
} // namespace madoguchi::cli
