#pragma once
// Where the program's read-only data (rules, translations, fonts) lives: $MADOGUCHI_DATA_DIR if
// set, else the install prefix, else the source tree (a build directory run without installing).
#include <filesystem>

namespace madoguchi {

std::filesystem::path dataDirectory();

} // namespace madoguchi
