#pragma once
// madoguchi-cli command groups (case, db, deadlines, card...) register themselves here with a
// static CommandRegistration in their own file; main() only dispatches.
#include <functional>
#include <string>
#include <vector>

namespace madoguchi::cli {

struct CliContext;

using CommandHandler = std::function<int(CliContext&, const std::vector<std::string>& args)>;

struct CommandInfo {
    std::string name;    // "case"
    std::string summary; // one line for --help
    CommandHandler run;
};

const std::vector<CommandInfo>& registeredCommands();

struct CommandRegistration {
    CommandRegistration(std::string name, std::string summary, CommandHandler run);
};

} // namespace madoguchi::cli
