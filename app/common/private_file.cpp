#include "app/common/private_file.hpp"

#include "core/common/errors.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace madoguchi::app {

void writePrivateFile(const std::string& path, const std::string& content)
{
    if (std::filesystem::exists(path))
        throw ValidationError(path + " already exists; choose a new file name");
    std::string partial = path + ".partial";
    ::unlink(partial.c_str());
    int fd = ::open(partial.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0)
        throw StorageError(StorageError::Kind::Io, "cannot create " + partial + ": " + std::strerror(errno));
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            int err = errno;
            ::close(fd);
            ::unlink(partial.c_str());
            throw StorageError(err == ENOSPC ? StorageError::Kind::Full : StorageError::Kind::Io,
                               "cannot write " + path + ": " + std::strerror(err));
        }
        done += static_cast<std::size_t>(n);
    }
    bool ok = ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok || ::rename(partial.c_str(), path.c_str()) != 0) {
        ::unlink(partial.c_str());
        throw StorageError(StorageError::Kind::Io, "cannot write " + path + ": " + std::strerror(errno));
    }
}

} // namespace madoguchi::app
