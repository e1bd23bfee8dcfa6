#pragma once
// Where the program's read-only data (rules, translations, fonts) lives: $MADOGUCHI_DATA_DIR if
// set; else, for a program run from its build folder (tests, scripts/run.sh), the source tree's
// data/; else the install prefix's share/madoguchi.
#include <filesystem>

namespace madoguchi {

std::filesystem::path dataDirectory();

} // namespace madoguchi
