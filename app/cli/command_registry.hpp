#pragma once
// madoguchi-cli command groups (case, db, deadlines, card...) register themselves here with a
// static CommandRegistration in their own file; main() only dispatches. A group with actions
// (case add, case list...) registers them as a table, so that the dispatch, the "unknown action"
// message and the help all come from one list.
#include <functional>
#include <string>
#include <vector>

namespace madoguchi::cli {

struct CliContext;

using CommandHandler = std::function<int(CliContext&, const std::vector<std::string>& args)>;

struct CommandAction {
    std::string name; // "add"
    CommandHandler run;
};

struct CommandInfo {
    std::string name;                   // "case"
    std::string summary;                // one line for --help
    CommandHandler run;                 // a command without actions (deadlines, documents, checklist)
    std::vector<CommandAction> actions; // or its actions, in the order --help lists them
};

const std::vector<CommandInfo>& registeredCommands();

// Runs the command with the words after its name: the action named by the first of them, or the
// command itself when it has no actions. `COMMAND --help` names the actions.
int runCommand(const CommandInfo& command, CliContext& ctx, const std::vector<std::string>& args);

// "add, list, show" — the actions as --help and the error messages list them.
std::string actionList(const CommandInfo& command);

struct CommandRegistration {
    CommandRegistration(std::string name, std::string summary, CommandHandler run);
    CommandRegistration(std::string name, std::string summary, std::vector<CommandAction> actions);
};

} // namespace madoguchi::cli
