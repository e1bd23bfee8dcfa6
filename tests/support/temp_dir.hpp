#pragma once
// A folder of its own for each test, and reading and writing the files in it whole: the tests
// work on real files, never on the user's.
#include <filesystem>
#include <string>

namespace madoguchi::test {

// A fresh folder under $TMPDIR, removed with everything in it when the object goes.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// The bytes of a file ("" when it cannot be read).
std::string readFile(const std::filesystem::path& p);
// Writes `bytes` as the whole file (replacing it).
void writeFile(const std::filesystem::path& p, const std::string& bytes);

} // namespace madoguchi::test
