#include "db/case_store.hpp"

#include <cstdlib>

namespace madoguchi::db {

std::filesystem::path defaultDatabasePath()
{
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".local" / "share";
    else
        base = std::filesystem::current_path();
    return base / "madoguchi" / "madoguchi.db";
}

} // namespace madoguchi::db
