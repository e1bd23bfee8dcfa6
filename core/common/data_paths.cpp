#include "core/common/data_paths.hpp"

#include <algorithm>
#include <cstdlib>

namespace madoguchi {

namespace {

// Decided by where the executable is, not by which folder exists: an installed program must not
// quietly read a checkout that happens to be on the machine (a package missing its data would
// pass on the build machine), and a build must not read an older installed copy.
bool runsFromBuildTree()
{
    std::error_code ec;
    const auto exe = std::filesystem::canonical("/proc/self/exe", ec);
    if (ec)
        return false;
    const auto build = std::filesystem::weakly_canonical(MADOGUCHI_BINARY_DIR, ec);
    if (ec)
        return false;
    return std::mismatch(build.begin(), build.end(), exe.begin(), exe.end()).first == build.end();
}

} // namespace

std::filesystem::path dataDirectory()
{
    if (const char* env = std::getenv("MADOGUCHI_DATA_DIR"); env && *env)
        return env;
    if (runsFromBuildTree())
        return MADOGUCHI_SOURCE_DATA_DIR;
    return MADOGUCHI_INSTALLED_DATA_DIR;
}

std::filesystem::path defaultOfficeFilePath()
{
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x)
        return std::filesystem::path(x) / "madoguchi" / "office.json";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home ? home : ".") / ".config" / "madoguchi" / "office.json";
}

std::optional<std::filesystem::path> defaultOfficeFileIfAny()
{
    std::error_code ec;
    auto path = defaultOfficeFilePath();
    if (std::filesystem::exists(path, ec))
        return path;
    return std::nullopt;
}

} // namespace madoguchi
