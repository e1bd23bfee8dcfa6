#pragma once
// Before the window writes a file the user has chosen (the daily report, its CSV, an audit
// export): a database or the case book in use is refused with a dialog, and an existing file is
// replaced only after a "replace?" question answered yes (No is the default). The native file
// chooser's own overwrite prompt is not used: it cannot refuse a database, and it would ask twice.
#include "core/files/output_file.hpp"

#include <filesystem>
#include <optional>

class wxWindow;

namespace madoguchi::gui {

// The Overwrite to write with, or nothing when the file is refused or the user declined.
std::optional<files::Overwrite> confirmOutputTarget(wxWindow* parent, const std::filesystem::path& target);

} // namespace madoguchi::gui
