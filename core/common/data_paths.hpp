#pragma once
// Where the program's read-only data (rules, translations, fonts) lives: $MADOGUCHI_DATA_DIR if
// set; else, for a program run from its build folder (tests, scripts/run.sh), the source tree's
// data/; else the install prefix's share/madoguchi.
#include <filesystem>
#include <optional>

namespace madoguchi {

std::filesystem::path dataDirectory();

// The office's own file (what the handout prints about the office, its places and its rules):
// $XDG_CONFIG_HOME/madoguchi/office.json, or ~/.config/madoguchi/office.json.
std::filesystem::path defaultOfficeFilePath();
// That file when it exists (the rule book and the handout read it), else none.
std::optional<std::filesystem::path> defaultOfficeFileIfAny();

} // namespace madoguchi
