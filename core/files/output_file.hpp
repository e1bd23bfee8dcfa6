#pragma once
// The one writer for every file the programs write: handouts, daily reports, CSVs, audit exports,
// backups (and every writer added later). It exists because a writer that renames over whatever
// it is given once wrote a handout over the case book (issue 20): a target that exists is refused
// unless the user asked to replace it (`--overwrite`, or "replace?" answered in the window), and
// the open case book, its -wal/-shm and any database file are refused even then
// (core/files/protected_files.hpp). The file is written beside its target (mode 0600: a handout,
// a report or an export names residents), flushed, then renamed into place, so that a failure
// never leaves a half-written file under the target's name.
#include "core/common/errors.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace madoguchi::files {

// Whether the user asked to replace an existing file. Never a default of Yes: only an explicit
// `--overwrite` or a "replace?" answered yes.
enum class Overwrite { No, Yes };

// The target exists and replacing it was not asked (exit 2). The window catches it to ask.
class TargetExists : public ValidationError {
public:
    explicit TargetExists(const std::filesystem::path& target);
    const std::filesystem::path& target() const { return target_; }

private:
    std::filesystem::path target_;
};

// What stands at a target, for a window that asks before it writes.
enum class TargetState {
    Free,      // nothing there: written without a question
    Exists,    // a file the user may choose to replace
    Forbidden, // never written: a database, the open case book or its files, a folder, no name
};
struct TargetCheck {
    TargetState state = TargetState::Free;
    std::string reason;  // for Forbidden: one line naming the file and why
    bool folder = false; // Forbidden because a folder has the name (a failed write, exit 3, as it always was)
};
TargetCheck inspectOutputTarget(const std::filesystem::path& target);

// Throws ValidationError (Forbidden; a folder is a StorageError Io, as a failed write is) or
// TargetExists (an existing file and Overwrite::No).
void checkOutputTarget(const std::filesystem::path& target, Overwrite overwrite);

// Writes `bytes` to `target` under the rules above. StorageError (Full for ENOSPC/EDQUOT, Io
// otherwise) names the file and the reason; nothing is left behind on failure. `beforePlacing`
// runs once the file is complete and on disk, before it takes the target's name: where the audit
// entry of an export is written, so that a write that failed leaves no entry saying it was made
// (if it throws, the file is not placed).
void writeOutputFile(const std::filesystem::path& target, std::string_view bytes, Overwrite overwrite,
                     const std::function<void()>& beforePlacing = {});

// For a writer that makes the file by other means (SQLite's backup API, pg_dump): a private,
// empty temporary file beside the target, checked first; commit() flushes it and puts it in place
// under the same rules (a target that appeared meanwhile is still not replaced unless asked).
// Destroyed uncommitted, the temporary file is removed: a failed backup leaves nothing.
class StagedOutput {
public:
    StagedOutput(std::filesystem::path target, Overwrite overwrite);
    ~StagedOutput();
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    const std::filesystem::path& temporaryPath() const { return temporary_; }
    const std::filesystem::path& target() const { return target_; }
    void write(std::string_view bytes); // the whole content, into the temporary file
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temporary_;
    Overwrite overwrite_;
    bool committed_ = false;
};

} // namespace madoguchi::files
