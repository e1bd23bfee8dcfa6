#pragma once
// What every command gets: the global options, the output streams, and helpers for the parts of
// the contract all commands share (exit codes, option parsing, JSON output).
#include "db/case_store.hpp"

#include <boost/program_options.hpp>
#include <iosfwd>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::cli {

// Exit codes (shared/design.md: 0 success, 2 bad input, other non-zero for the environment).
enum ExitCode : int {
    kOk = 0,
    kFailure = 1,        // an unexpected internal error
    kBadInput = 2,       // wrong arguments, impossible dates, refused status changes, unknown ids
    kStorageFault = 3,   // the database cannot be opened or written (disk full, damaged file)
    kStorageBusy = 4,    // the database is locked by another program
    kCardFault = 5,      // no reader, no card, pcscd not running, card answer unusable
    kConflict = 6,       // someone else saved the same case first
};

struct CliContext {
    CliContext(std::ostream& o, std::ostream& e) : out(o), err(e) {}
    std::string dbUrl; // empty: the default database in the user's data directory
    bool json = false;
    std::ostream& out;
    std::ostream& err;

    db::CaseStore& store(); // opened on first use
    db::Actor actor() const;
    std::string storeUrl() const;
    void printJson(const nlohmann::json& doc);

private:
    std::unique_ptr<db::CaseStore> store_;
};

// Parses a command's arguments with Boost.Program_options; unknown options and missing values
// become ValidationErrors (exit 2). `positional` names the options that take positional words.
boost::program_options::variables_map parseArgs(const std::vector<std::string>& args,
                                                const boost::program_options::options_description& options,
                                                const boost::program_options::positional_options_description& positional = {});

std::optional<std::string> optionalString(const boost::program_options::variables_map& vm, const char* name);

} // namespace madoguchi::cli
