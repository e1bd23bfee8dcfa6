#include "reports/atomic_file.hpp"

#include "core/common/errors.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace madoguchi::reports {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& target, const char* what, int err)
{
    auto kind = (err == ENOSPC || err == EDQUOT) ? StorageError::Kind::Full : StorageError::Kind::Io;
    throw StorageError(kind, "cannot write " + target.string() + ": " + what + ": " + std::strerror(err));
}

} // namespace

void writeFileAtomically(const fs::path& target, std::string_view bytes)
{
    if (target.empty() || target.filename().empty())
        throw ValidationError("output file: no file name given");
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        fail(target, "creating a temporary file in its folder", errno);
    // mkstemp makes the file 0600, and it stays so: a handout names the resident and a daily
    // report or CSV names everyone who came that day (personal data, like the case book).
    auto cleanup = [&](const char* what, int err) {
        ::close(fd);
        ::unlink(tmpl.c_str());
        fail(target, what, err);
    };
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            cleanup("writing", errno);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0)
        cleanup("flushing to disk", errno);
    if (::close(fd) != 0) {
        int err = errno;
        ::unlink(tmpl.c_str());
        fail(target, "closing", err);
    }
    if (::rename(tmpl.c_str(), target.c_str()) != 0) {
        int err = errno;
        ::unlink(tmpl.c_str());
        fail(target, "renaming into place", err);
    }
}

} // namespace madoguchi::reports
