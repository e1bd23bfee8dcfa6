#include "app/cli/command_registry.hpp"

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

CommandRegistration::CommandRegistration(std::string name, std::string summary, CommandHandler run)
{
    registry().push_back({std::move(name), std::move(summary), std::move(run)});
}

} // namespace madoguchi::cli
