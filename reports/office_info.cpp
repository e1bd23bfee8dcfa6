#include "reports/office_info.hpp"

#include "core/common/errors.hpp"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

namespace madoguchi::reports {

namespace fs = std::filesystem;

fs::path defaultOfficeConfigPath()
{
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x)
        return fs::path(x) / "madoguchi" / "office.json";
    const char* home = std::getenv("HOME");
    return fs::path(home ? home : ".") / ".config" / "madoguchi" / "office.json";
}

OfficeInfo loadOfficeInfo(const fs::path& path)
{
    std::ifstream in(path);
    if (!in)
        throw ValidationError("office settings: cannot read " + path.string());
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw ValidationError("office settings: " + path.string() + " is not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object())
        throw ValidationError("office settings: " + path.string() + " must hold one JSON object");
    OfficeInfo o;
    auto take = [&](const char* key, std::string& field) {
        if (!j.contains(key))
            return;
        if (!j[key].is_string())
            throw ValidationError("office settings: " + path.string() + ": \"" + key + "\" must be a string");
        field = j[key].get<std::string>();
    };
    take("name_ja", o.nameJa);
    take("name_en", o.nameEn);
    take("address_ja", o.addressJa);
    take("address_en", o.addressEn);
    take("phone", o.phone);
    take("hours_ja", o.hoursJa);
    take("hours_en", o.hoursEn);
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
