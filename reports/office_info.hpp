#pragma once
// The office printed at the top of every handout and report. Read from a small JSON file so that
// each city sets its own without a rebuild:
//   {"name_ja": "…市役所 市民課", "name_en": "… City Hall, Citizens Division",
//    "address_ja": "…", "address_en": "…", "phone": "…",
//    "hours_ja": "平日 8:30〜17:15", "hours_en": "Weekdays 8:30–17:15"}
// Missing keys keep their defaults.
#include "reports/language.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace madoguchi::reports {

struct OfficeInfo {
    std::string nameJa = "市役所 市民課 マイナンバーカード窓口";
    std::string nameEn = "City Hall, Citizens Division — My Number Card Counter";
    std::string addressJa = "（住所は office.json で設定してください）";
    std::string addressEn = "(set the address in office.json)";
    std::string phone = "";
    std::string hoursJa = "平日 8:30〜17:15（土日祝日・年末年始を除く）";
    std::string hoursEn = "Weekdays 8:30–17:15 (closed on weekends, holidays and at the year end)";

    const std::string& name(Language l) const { return l == Language::Ja ? nameJa : nameEn; }
    const std::string& address(Language l) const { return l == Language::Ja ? addressJa : addressEn; }
    const std::string& hours(Language l) const { return l == Language::Ja ? hoursJa : hoursEn; }
};

// $XDG_CONFIG_HOME/madoguchi/office.json, or ~/.config/madoguchi/office.json.
std::filesystem::path defaultOfficeConfigPath();

// Reads `path`; throws ValidationError naming the file and key for a broken file or a key that
// is not a string.
OfficeInfo loadOfficeInfo(const std::filesystem::path& path);
// The user's file when it exists, else the defaults.
OfficeInfo loadOfficeInfoOrDefault(const std::optional<std::filesystem::path>& path = std::nullopt);

} // namespace madoguchi::reports
