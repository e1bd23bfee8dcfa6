#include "reports/office_info.hpp"

#include "core/common/data_paths.hpp"
#include "core/common/errors.hpp"
#include "core/rules/office_file.hpp"
#include "core/rules/rule_book.hpp"

#include <cstdlib>
#include <fstream>

namespace madoguchi::reports {

namespace fs = std::filesystem;

fs::path defaultOfficeConfigPath()
{
    return defaultOfficeFilePath();
}

OfficeInfo loadOfficeInfo(const fs::path& path)
{
    // One reader for the office file (core/rules/office_file.*): the handout takes its keys, the
    // rule book its places and entries.
    rules::OfficeFile file;
    try {
        file = rules::readOfficeFile(path);
    } catch (const rules::RuleFileError& e) {
        // The reader's message names the file by its name; here it is named as the user gave it.
        throw ValidationError("office settings: " + path.string() + std::string(e.what()).substr(e.file().size()));
    }
    OfficeInfo o;
    auto take = [](const std::optional<std::string>& value, std::string& field) {
        if (value)
            field = *value;
    };
    take(file.nameJa, o.nameJa);
    take(file.nameEn, o.nameEn);
    take(file.addressJa, o.addressJa);
    take(file.addressEn, o.addressEn);
    take(file.phone, o.phone);
    take(file.hoursJa, o.hoursJa);
    take(file.hoursEn, o.hoursEn);
    return o;
}

OfficeInfo loadOfficeInfoOrDefault(const std::optional<fs::path>& path)
{
    if (path)
        return loadOfficeInfo(*path);
    auto p = defaultOfficeConfigPath();
    std::error_code ec;
    return fs::exists(p, ec) ? loadOfficeInfo(p) : OfficeInfo{};
}

} // namespace madoguchi::reports
