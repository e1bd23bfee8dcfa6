#include "app/cli/command_registry.hpp"

#include "app/cli/cli_context.hpp"
#include "core/common/errors.hpp"

#include <algorithm>

namespace madoguchi::cli {

namespace {
std::vector<CommandInfo>& registry()
{
    static std::vector<CommandInfo> commands; // function-local: safe during static initialisation
    return commands;
}
} // namespace

const std::vector<CommandInfo>& registeredCommands()
{
    std::sort(registry().begin(), registry().end(),
              [](const CommandInfo& a, const CommandInfo& b) { return a.name < b.name; });
    return registry();
}

std::string actionList(const CommandInfo& command)
{
    std::string list;
    for (const auto& a : command.actions)
        list += (list.empty() ? "" : ", ") + a.name;
    return list;
}

int runCommand(const CommandInfo& command, CliContext& ctx, const std::vector<std::string>& args)
{
    if (command.actions.empty())
        return command.run(ctx, args);
    if (args.empty())
        throw ValidationError(command.name + ": say which action (" + actionList(command) + ")");
    const std::string& name = args.front();
    if (name == "--help" || name == "-h") {
        ctx.out << "usage: madoguchi-cli " << command.name << " ACTION [options]\n"
                << command.summary << "\n\nactions: " << actionList(command) << "\n(madoguchi-cli " << command.name
                << " ACTION --help for the options of one)\n";
        return kOk;
    }
    for (const auto& a : command.actions)
        if (a.name == name)
            return a.run(ctx, {args.begin() + 1, args.end()});
    throw ValidationError(command.name + ": unknown action \"" + name + "\" (" + actionList(command) + ")");
}

CommandRegistration::CommandRegistration(std::string name, std::string summary, CommandHandler run)
{
    registry().push_back({std::move(name), std::move(summary), std::move(run), {}});
}

CommandRegistration::CommandRegistration(std::string name, std::string summary, std::vector<CommandAction> actions)
{
    registry().push_back({std::move(name), std::move(summary), nullptr, std::move(actions)});
}

} // namespace madoguchi::cli
