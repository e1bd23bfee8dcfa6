#pragma once
// Reading fields of the rule files with messages that name the file, the entry and the fault
// (internal to core/rules: rule_file.cpp and office_file.cpp read their JSON through these).
#include "core/cases/procedure.hpp"
#include "core/rules/requirements.hpp"

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace madoguchi::rules {

// Where we are, for messages: the file and the entry (or catalogue item) being read.
struct At {
    std::string file;
    std::string entry;
    [[noreturn]] void fail(const std::string& problem) const;
};

void onlyKeys(const At& at, const nlohmann::json& obj, std::initializer_list<const char*> allowed,
              const std::string& what);
const nlohmann::json& field(const At& at, const nlohmann::json& obj, const char* key, const std::string& what);
std::string stringField(const At& at, const nlohmann::json& obj, const char* key, const std::string& what);
// {"ja": ..., "en": ...}: both languages are required, the handout prints both.
Text textOf(const At& at, const nlohmann::json& obj, const std::string& what);
std::optional<Text> optionalText(const At& at, const nlohmann::json& obj, const char* key, const std::string& what);
boost::gregorian::date dateField(const At& at, const nlohmann::json& obj, const char* key);
std::vector<std::string> stringList(const At& at, const nlohmann::json& obj, const char* key, const std::string& what);
// obj[key] as a list, or an empty one when the key is absent.
const nlohmann::json& listField(const At& at, const nlohmann::json& obj, const char* key);
Procedure procedureId(const At& at, const std::string& id, const std::string& what);

} // namespace madoguchi::rules
