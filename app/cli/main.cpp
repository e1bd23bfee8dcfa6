// madoguchi-cli: the console side of Madoguchi, for scripts, cron jobs and headless checks.
// The contract (commands, options, exit codes, JSON keys) is docs/cli.md; --help prints the same
// commands, options and exit codes, and tests/cli/cli_doc_test.sh keeps the two in step.
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "app/cli/terminal_stream.hpp"
#include "app/common/process_hardening.hpp"
#include "app/common/version_info.hpp"
#include "core/common/errors.hpp"
#include "core/security/roles.hpp"

#include <clocale>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

using namespace madoguchi;
using namespace madoguchi::cli;

namespace {

void printUsage(std::ostream& os)
{
    os << "usage: madoguchi-cli [--db URL] [--office-code CODE] [--user NAME] [--json] COMMAND ...\n\n"
          "  --db URL   a SQLite file (PATH or sqlite:PATH) or postgresql://...;\n"
          "             default: the case book in the user's data directory\n"
          "  --office-code CODE  the office whose reception numbers and day list are meant\n"
          "             (default $MADOGUCHI_OFFICE, else main)\n"
          "  --user NAME  who is acting (default $MADOGUCHI_USER); the password comes from\n"
          "             $MADOGUCHI_PASSWORD or is asked on the terminal, never an argument\n"
          "  --create   make a new case book if the --db file does not exist (user init-admin\n"
          "             does this itself); without it a missing file is refused\n"
          "  --json     print one JSON document on stdout\n"
          "  --version  print the version and those of the libraries in use\n"
          "  --help     this text; COMMAND --help and COMMAND ACTION --help: the options of one\n\n"
          "commands:\n";
    for (const auto& c : registeredCommands()) {
        os << "  " << c.name << std::string(c.name.size() < 12 ? 12 - c.name.size() : 1, ' ') << c.summary << '\n';
        if (!c.actions.empty())
            os << std::string(14, ' ') << "actions: " << actionList(c) << '\n';
    }
    os << "\nexit codes:\n";
    for (const auto& e : kExitCodes)
        os << "  " << static_cast<int>(e.code) << "  " << e.meaning << '\n';
}

int fail(std::ostream& err, int code, const std::string& message)
{
    // One line: scripts show it as it is.
    std::string line = message;
    for (char& c : line)
        if (c == '\n')
            c = ' ';
    err << "madoguchi-cli: " << line << '\n';
    return code;
}

} // namespace

int main(int argc, char** argv)
{
    app::keepSecretsOutOfCoreDumps(); // before any PIN, My Number or case is in memory
    std::setlocale(LC_ALL, "");
    // Everything printed passes the terminal filter: no stored text can drive the terminal.
    TerminalSafeBuffer outBuffer(std::cout.rdbuf()), errBuffer(std::cerr.rdbuf());
    std::ostream out(&outBuffer), err(&errBuffer);
    CliContext ctx(out, err);
    if (const char* office = std::getenv("MADOGUCHI_OFFICE"))
        ctx.office = office;
    std::vector<std::string> rest;
    bool wantHelp = false;
    bool wantVersion = false;
    try {
        // Global options may stand anywhere on the line; everything else goes to the command.
        // A global option with a value: `--name VALUE` or `--name=VALUE`.
        auto valued = [&](int& i, const std::string& a, const std::string& name, const char* wanted,
                          std::string& into) {
            if (a == name) {
                if (i + 1 >= argc)
                    throw ValidationError(name + " needs " + wanted);
                into = argv[++i];
                return true;
            }
            if (a.rfind(name + "=", 0) == 0) {
                into = a.substr(name.size() + 1);
                return true;
            }
            return false;
        };
        for (int i = 1; i < argc; ++i) {
            std::string a = argv[i];
            if (a == "--json")
                ctx.json = true;
            else if (a == "--create")
                ctx.createBook = true;
            else if (valued(i, a, "--db", "a value (a file path or postgresql://...)", ctx.dbUrl) ||
                     valued(i, a, "--user", "a login name", ctx.userName) ||
                     valued(i, a, "--office-code", "a code (e.g. main)", ctx.office))
                continue;
            else if (a == "--version" && rest.empty())
                wantVersion = true;
            else if ((a == "--help" || a == "-h") && rest.empty())
                wantHelp = true;
            else
                rest.push_back(a);
        }
        if (wantVersion) {
            // After the loop, so that `--version --json` and `--json --version` both give JSON.
            auto libraries = app::libraryVersions();
            if (ctx.json)
                ctx.printJson(app::versionJson("madoguchi-cli", libraries));
            else
                ctx.out << app::versionText("madoguchi-cli", libraries);
            return kOk;
        }
        if (wantHelp || rest.empty()) {
            printUsage(wantHelp ? ctx.out : ctx.err);
            return wantHelp ? kOk : kBadInput;
        }
        std::string command = rest.front();
        rest.erase(rest.begin());
        for (const auto& c : registeredCommands())
            if (c.name == command)
                return runCommand(c, ctx, rest);
        return fail(ctx.err, kBadInput, "unknown command \"" + command + "\" (see madoguchi-cli --help)");
    } catch (const HelpRequested& help) {
        ctx.out << help.text;
        return kOk;
    } catch (const ValidationError& e) {
        return fail(ctx.err, kBadInput, e.what());
    } catch (const RuleViolation& e) {
        return fail(ctx.err, kBadInput, e.what());
    } catch (const NotFound& e) {
        return fail(ctx.err, kBadInput, e.what());
    } catch (const AccessDenied& e) {
        return fail(ctx.err, kNotAllowed, e.what());
    } catch (const ConflictError& e) {
        return fail(ctx.err, kConflict, e.what());
    } catch (const StorageError& e) {
        return fail(ctx.err, e.kind() == StorageError::Kind::Busy ? kStorageBusy : kStorageFault, e.what());
    } catch (const std::exception& e) {
        return fail(ctx.err, kFailure, std::string("internal error: ") + e.what());
    }
}
