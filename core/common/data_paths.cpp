#include "core/common/data_paths.hpp"

#include <cstdlib>

namespace madoguchi {

std::filesystem::path dataDirectory()
{
    if (const char* env = std::getenv("MADOGUCHI_DATA_DIR"); env && *env)
        return env;
    std::filesystem::path installed = MADOGUCHI_INSTALLED_DATA_DIR;
    if (std::filesystem::exists(installed / "rules"))
        return installed;
    return MADOGUCHI_SOURCE_DATA_DIR;
}

} // namespace madoguchi
