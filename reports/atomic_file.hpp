#pragma once
// Writing a finished document: into a temporary file beside the target, flushed to disk, then
// renamed over it. A full disk or an unwritable folder leaves no half-written file under the
// target's name (and an older file of that name untouched).
#include <filesystem>
#include <string_view>

namespace madoguchi::reports {

// Throws StorageError (Full for ENOSPC/EDQUOT, Io otherwise) naming the file and the reason.
void writeFileAtomically(const std::filesystem::path& target, std::string_view bytes);

} // namespace madoguchi::reports
