#include "core/files/output_file.hpp"

#include "core/files/protected_files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace madoguchi::files {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& target, const char* what, int err)
{
    auto kind = (err == ENOSPC || err == EDQUOT) ? StorageError::Kind::Full : StorageError::Kind::Io;
    throw StorageError(kind, "cannot write " + target.string() + ": " + what + ": " + std::strerror(err));
}

fs::path folderOf(const fs::path& target)
{
    return target.parent_path().empty() ? fs::path(".") : target.parent_path();
}

// The rename that puts a finished file in place. Without replacing: renameat2(RENAME_NOREPLACE),
// so that a file that appeared since the check is not replaced either; where the file system does
// not offer it, link() + unlink(), which also fails on an existing name.
int placeFile(const fs::path& from, const fs::path& to, Overwrite overwrite)
{
    if (overwrite == Overwrite::Yes)
        return ::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return errno;
    if (::link(from.c_str(), to.c_str()) != 0)
        return errno;
    ::unlink(from.c_str());
    return 0;
}

// The new name is only durable once the folder's entry is: fsync the folder too.
void syncFolder(const fs::path& folder)
{
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

TargetExists::TargetExists(const fs::path& target)
    : ValidationError(target.string() + " already exists; give --overwrite to replace it, or choose a new name"),
      target_(target)
{
}

TargetCheck inspectOutputTarget(const fs::path& target)
{
    if (target.empty() || target.filename().empty() || target.filename() == "." || target.filename() == "..")
        return {TargetState::Forbidden, "output file: no file name given"};
    if (auto why = whyProtected(target))
        return {TargetState::Forbidden, "refusing to write over " + *why + "; nothing was written"};
    std::error_code ec;
    auto st = fs::symlink_status(target, ec);
    if (ec || !fs::exists(st))
        return {TargetState::Free, ""};
    if (fs::is_directory(fs::status(target, ec)))
        return {TargetState::Forbidden, "cannot write " + target.string() + ": it is a folder", true};
    return {TargetState::Exists, ""};
}

void checkOutputTarget(const fs::path& target, Overwrite overwrite)
{
    TargetCheck check = inspectOutputTarget(target);
    switch (check.state) {
    case TargetState::Free:
        return;
    case TargetState::Exists:
        if (overwrite == Overwrite::Yes)
            return;
        throw TargetExists(target);
    case TargetState::Forbidden:
        // A folder in the way is the same fault as a write that fails (exit 3), as it always was.
        if (check.folder)
            throw StorageError(StorageError::Kind::Io, check.reason);
        throw ValidationError(check.reason);
    }
}

StagedOutput::StagedOutput(fs::path target, Overwrite overwrite) : target_(std::move(target)), overwrite_(overwrite)
{
    checkOutputTarget(target_, overwrite_);
    std::string tmpl = (folderOf(target_) / ("." + target_.filename().string() + ".XXXXXX")).string();
    // mkstemp makes the file 0600, and it stays so: a handout names the resident, a daily report,
    // a CSV or a backup everyone who came (personal data, like the case book).
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        fail(target_, "creating a temporary file in its folder", errno);
    ::close(fd);
    temporary_ = tmpl;
}

StagedOutput::~StagedOutput()
{
    if (!committed_ && !temporary_.empty())
        ::unlink(temporary_.c_str());
}

void StagedOutput::write(std::string_view bytes)
{
    int fd = ::open(temporary_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0)
        fail(target_, "opening its temporary file", errno);
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int err = errno;
            ::close(fd);
            fail(target_, "writing", err);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0)
        fail(target_, "closing", errno);
}

void StagedOutput::commit()
{
    int fd = ::open(temporary_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail(target_, "opening its temporary file", errno);
    // fsync through any descriptor flushes the file: SQLite's backup or pg_dump wrote it with theirs.
    if (::fsync(fd) != 0) {
        int err = errno;
        ::close(fd);
        fail(target_, "flushing to disk", err);
    }
    ::close(fd);
    // Checked again: the target may have become something else while the file was made.
    checkOutputTarget(target_, overwrite_);
    if (int err = placeFile(temporary_, target_, overwrite_)) {
        if (err == EEXIST)
            throw TargetExists(target_);
        fail(target_, "renaming into place", err);
    }
    committed_ = true;
    syncFolder(folderOf(target_));
}

void writeOutputFile(const fs::path& target, std::string_view bytes, Overwrite overwrite,
                     const std::function<void()>& beforePlacing)
{
    StagedOutput out(target, overwrite);
    out.write(bytes);
    if (beforePlacing)
        beforePlacing();
    out.commit();
}

} // namespace madoguchi::files
