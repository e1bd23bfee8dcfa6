#pragma once
// The rule book as the commands load it: the national data, and the office's own file from
// --office FILE, else ~/.config/madoguchi/office.json when it exists (documents, checklist,
// rules explain, rules book all read the same way). A fault in the office file is the user's
// input (exit 2, naming file, entry and fault); one in the installed national data is not (exit 1).
#include "core/rules/rule_book.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace madoguchi::cli {

// The office file to read: `given`, else the default one if it exists, else none.
std::optional<std::filesystem::path> officeFileFor(const std::optional<std::string>& given);

// Throws ValidationError for the office file, RuleDataError for the national data.
rules::RuleBook loadRuleBook(const std::optional<std::filesystem::path>& officeFile);

class RuleDataError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace madoguchi::cli
