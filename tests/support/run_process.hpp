#pragma once
// Runs a real program (madoguchi-cli, openssl, opensc-tool...) the way a user or script would:
// arguments as a vector, optional standard input, stdout and stderr captured apart.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace madoguchi::test {

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
    nlohmann::json json() const; // parses `out`; fails the calling test with the text when not JSON
};

// `workingDirectory`: where the program starts (empty: the test's own).
ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& stdinText = "",
                         const std::vector<std::string>& extraEnv = {}, const std::string& workingDirectory = "");

// In a child just forked: puts `extraEnv` (NAME=value lines) into its environment and becomes
// `argv` (found on PATH); when it cannot, says why on stderr and ends with 127, as a shell does.
// The pipes and files are the caller's to set up before.
[[noreturn]] void execInChild(const std::vector<std::string>& argv, const std::vector<std::string>& extraEnv);

// madoguchi-cli with the given arguments (the path is compiled into each test). `extraEnv`:
// NAME=value lines, e.g. MADOGUCHI_USER and MADOGUCHI_PASSWORD for the acting user.
ProcessResult runCli(const std::vector<std::string>& args, const std::string& stdinText = "",
                     const std::vector<std::string>& extraEnv = {}, const std::string& workingDirectory = "");

// The acting user for runCli: MADOGUCHI_USER=name, MADOGUCHI_PASSWORD=password.
inline std::vector<std::string> cliUser(const std::string& name, const std::string& password)
{
    return {"MADOGUCHI_USER=" + name, "MADOGUCHI_PASSWORD=" + password};
}

} // namespace madoguchi::test
