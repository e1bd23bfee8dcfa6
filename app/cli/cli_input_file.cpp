// Reads an import file whole (cli_input_file.hpp).
#include "app/cli/cli_input_file.hpp"

#include "core/common/errors.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace madoguchi::cli {

namespace {
constexpr std::size_t kMaxBytes = 512u * 1024u * 1024u; // far above any office's register
}

std::string readInputFile(const std::string& path, const std::string& what)
{
    std::ostringstream buf;
    if (path == "-") {
        buf << std::cin.rdbuf();
    } else {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            throw ValidationError(what + " " + path + ": cannot be read (" + std::strerror(errno) + ")");
        in.seekg(0, std::ios::end);
        auto size = in.tellg();
        if (size < 0)
            throw ValidationError(what + " " + path + ": cannot be read (not a regular file)");
        if (static_cast<std::size_t>(size) > kMaxBytes)
            throw ValidationError(what + " " + path + ": larger than 512 MB");
        in.seekg(0);
        buf << in.rdbuf();
        if (in.bad())
            throw ValidationError(what + " " + path + ": cannot be read (" + std::strerror(errno) + ")");
    }
    return buf.str();
}

} // namespace madoguchi::cli
