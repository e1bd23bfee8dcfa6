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

ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& stdinText = "",
                         const std::vector<std::string>& extraEnv = {});

// madoguchi-cli with the given arguments (the path is compiled into each test).
ProcessResult runCli(const std::vector<std::string>& args, const std::string& stdinText = "");

} // namespace madoguchi::test
