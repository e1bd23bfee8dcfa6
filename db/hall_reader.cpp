// Which hall reader a URL means (as openStore does for the case book).
#include "db/hall_reader.hpp"

#include "core/cases/reception_number.hpp"
#include "core/common/errors.hpp"

#include <filesystem>

namespace madoguchi::db {

std::unique_ptr<HallReader> openSqliteHallReader(const std::filesystem::path& path, const std::string& office);
std::unique_ptr<HallReader> openPostgresHallReader(const std::string& url, const std::string& office);

std::unique_ptr<HallReader> openHallReader(const std::string& url, const std::string& office)
{
    std::string checked = checkOfficeCode(office);
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
        return openPostgresHallReader(url, checked);
    std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
    if (path.empty())
        throw ValidationError("--db: empty database path");
    return openSqliteHallReader(path, checked);
}

} // namespace madoguchi::db
