#pragma once
// What `--version` prints: the program's version and the versions of the libraries it runs with,
// so that a support call can tell which SQLite, ICU or OpenSSL a counter PC really has.
// No wx here: the window adds its own wxWidgets line.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace madoguchi::app {

struct LibraryVersion {
    std::string name;    // "SQLite", "ICU", ...
    std::string version; // as the library reports it at run time where it can ("3.40.1")
};

// Boost, SQLite, ICU and nlohmann-json always; libharu, pcsc-lite, OpenSSL, libsodium and libpq
// only when this program is linked with them (they are looked up in the running process).
std::vector<LibraryVersion> libraryVersions();

// "<program> <version>" and then one indented "<library> <version>" line per library.
std::string versionText(const std::string& program, const std::vector<LibraryVersion>& libraries);

// {"program": ..., "version": ..., "libraries": {"SQLite": "3.40.1", ...}}
nlohmann::json versionJson(const std::string& program, const std::vector<LibraryVersion>& libraries);

} // namespace madoguchi::app
