#pragma once
// Where the booking papers and files (the slip, the day's export) are written: one call, so that
// they move to the shared output-file writer (which refuses an existing file unless overwriting
// is asked, and never writes over a SQLite file) by changing this one function.
#include <filesystem>
#include <string_view>

namespace madoguchi::reports {

// Written beside the target and renamed into place (atomic_file.hpp): a failure leaves no
// half-written file. StorageError naming the file and the reason.
void writeOutputFile(const std::filesystem::path& target, std::string_view bytes);

} // namespace madoguchi::reports
