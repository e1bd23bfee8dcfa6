#include "migrations.hpp"

#include "core/common/errors.hpp"

namespace madoguchi::db {

int newestVersion(const std::vector<Migration>& migrations)
{
    return migrations.empty() ? 0 : migrations.back().version;
}

void refuseNewerSchema(int current, int newest)
{
    if (current > newest)
        throw StorageError(StorageError::Kind::Other, "the database has schema version " + std::to_string(current) +
                                                          ", newer than this program knows (" + std::to_string(newest) +
                                                          "); use a newer Madoguchi");
}

} // namespace madoguchi::db
