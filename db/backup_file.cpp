#include "db/backup_file.hpp"

#include "core/common/errors.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace madoguchi::db {

std::filesystem::path startBackupFile(const std::filesystem::path& target)
{
    if (std::filesystem::exists(target))
        throw ValidationError("backup target " + target.string() + " already exists; choose a new file name");
    std::filesystem::path partial = target;
    partial += ".partial";
    std::filesystem::remove(partial);
    int fd = ::open(partial.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0)
        throw StorageError(StorageError::Kind::Io, "cannot create the backup file " + partial.string());
    ::close(fd);
    return partial;
}

} // namespace madoguchi::db
