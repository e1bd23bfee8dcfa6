#pragma once
// What every command gets: the global options, the output streams, and helpers for the parts of
// the contract all commands share (exit codes, option parsing, JSON output).
#include "core/files/output_file.hpp"
#include "db/case_store.hpp"

#include <boost/program_options.hpp>
#include <iosfwd>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::cli {

// Exit codes, the part of the contract scripts branch on (docs/cli.md). 0 success, 2 bad input,
// the others name the environment's fault; --help prints this table.
enum ExitCode : int {
    kOk = 0,
    kFailure = 1,
    kBadInput = 2,
    kStorageFault = 3,
    kStorageBusy = 4,
    kCardFault = 5,
    kConflict = 6,
    kNotAllowed = 7,
};

struct ExitCodeMeaning {
    ExitCode code;
    const char* meaning;
};

inline constexpr ExitCodeMeaning kExitCodes[] = {
    {kOk, "success"},
    {kFailure, "an unexpected internal error"},
    {kBadInput, "bad input: wrong arguments, impossible dates, refused status changes, unknown ids"},
    {kStorageFault, "the database cannot be opened or written (disk full, damaged file, server away)"},
    {kStorageBusy, "the database is locked by another program"},
    {kCardFault, "no reader, no card, pcscd not running, or a card answer that cannot be used"},
    {kConflict, "someone else saved the same case first"},
    {kNotAllowed, "login refused, or the user's role does not allow the command"},
};

// `--help` among a command's words: main() prints `text` (the command's usage and options) on
// stdout and exits 0 instead of running the command.
struct HelpRequested {
    std::string text;
};

struct CliContext {
    CliContext(std::ostream& o, std::ostream& e) : out(o), err(e) {}
    std::string dbUrl;    // empty: the default database in the user's data directory
    std::string userName; // --user, else $MADOGUCHI_USER
    std::string office;   // --office-code, else $MADOGUCHI_OFFICE, else "main"
    bool json = false;
    // --create (or `user init-admin`): a missing SQLite file may become a new case book. Without
    // it a mistyped --db is refused rather than answered from an empty book.
    bool createBook = false;
    std::ostream& out;
    std::ostream& err;

    // The case book after logging in (cli_identity.cpp): every command that touches residents'
    // data goes through here, so none runs without a user the audit can name.
    db::CaseStore& store();
    // Opened without logging in: first-run setup and checks that show no personal data.
    db::CaseStore& unauthenticatedStore();
    db::Actor actor(); // logs in on first use
    std::string storeUrl() const;
    void printJson(const nlohmann::json& doc);
    // Records a view/print/export of these cases in the audit trail.
    void recordAccess(const std::string& action, const std::vector<CaseId>& cases, const std::string& detail = "");

private:
    std::unique_ptr<db::CaseStore> store_;
    std::optional<db::Actor> actor_;
};

// A password or PIN-like secret: $MADOGUCHI_PASSWORD, else asked on /dev/tty without echo.
// Never an argument. Throws AccessDenied when neither is available.
std::string readPassword(const std::string& prompt);
// A new password from standard input (first line), for setup commands run from scripts.
std::string readPasswordFromStdin(const std::string& what);

// Parses a command's arguments with Boost.Program_options; unknown options and missing values
// become ValidationErrors (exit 2). `positional` names the options that take positional words.
// `--help` (or -h) throws HelpRequested with the usage made from `options`, whose caption is the
// command's words ("case add"). Parse before touching the case book, so that help needs no login.
boost::program_options::variables_map
parseArgs(const std::vector<std::string>& args, const boost::program_options::options_description& options,
          const boost::program_options::positional_options_description& positional = {});

std::optional<std::string> optionalString(const boost::program_options::variables_map& vm, const char* name);

// A case id as typed: a positive whole number, else ValidationError.
CaseId parseCaseId(const std::string& text);

// The `--overwrite` switch of a command that writes a file (core/files/output_file.hpp).
files::Overwrite overwriteAsked(const boost::program_options::variables_map& vm);

} // namespace madoguchi::cli
