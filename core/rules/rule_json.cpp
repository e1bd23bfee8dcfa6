// Field readers for the rule files: every fault names the file, the entry and what is wrong.
#include "core/rules/rule_json.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/rules/rule_book.hpp"

namespace madoguchi::rules {

using nlohmann::json;

void At::fail(const std::string& problem) const
{
    throw RuleFileError(file, entry, problem);
}

void onlyKeys(const At& at, const json& obj, std::initializer_list<const char*> allowed, const std::string& what)
{
    if (!obj.is_object())
        at.fail(what + " must be an object");
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool known = false;
        for (const char* k : allowed)
            known = known || it.key() == k;
        if (!known) {
            std::string list;
            for (const char* k : allowed)
                list += (list.empty() ? "" : ", ") + std::string(k);
            at.fail(what + ": unknown field \"" + it.key() + "\" (known: " + list + ")");
        }
    }
}

const json& field(const At& at, const json& obj, const char* key, const std::string& what)
{
    if (!obj.is_object())
        at.fail(what + " must be an object");
    auto it = obj.find(key);
    if (it == obj.end())
        at.fail(what + ": missing field \"" + key + "\"");
    return *it;
}

std::string stringField(const At& at, const json& obj, const char* key, const std::string& what)
{
    const json& v = field(at, obj, key, what);
    if (!v.is_string() || v.get<std::string>().empty())
        at.fail(what + ": \"" + key + "\" must be a non-empty string");
    return v.get<std::string>();
}

Text textOf(const At& at, const json& obj, const std::string& what)
{
    return {stringField(at, obj, "ja", what), stringField(at, obj, "en", what)};
}

std::optional<Text> optionalText(const At& at, const json& obj, const char* key, const std::string& what)
{
    if (!obj.contains(key))
        return std::nullopt;
    const json& t = obj.at(key);
    onlyKeys(at, t, {"ja", "en"}, what + "." + key);
    return textOf(at, t, what + "." + key);
}

boost::gregorian::date dateField(const At& at, const json& obj, const char* key)
{
    std::string text = stringField(at, obj, key, "entry");
    try {
        return parseIsoDate(text, key);
    } catch (const ValidationError& e) {
        at.fail(std::string(key) + " \"" + text + "\" is not a date (YYYY-MM-DD): " + e.what());
    }
}

std::vector<std::string> stringList(const At& at, const json& obj, const char* key, const std::string& what)
{
    const json& v = field(at, obj, key, what);
    if (!v.is_array() || v.empty())
        at.fail(what + ": \"" + key + "\" must be a non-empty list");
    std::vector<std::string> out;
    for (const auto& s : v) {
        if (!s.is_string())
            at.fail(what + ": \"" + key + "\" must list strings");
        out.push_back(s.get<std::string>());
    }
    return out;
}

const json& listField(const At& at, const json& obj, const char* key)
{
    static const json empty = json::array();
    if (!obj.contains(key))
        return empty;
    if (!obj.at(key).is_array())
        at.fail(std::string("\"") + key + "\" must be a list");
    return obj.at(key);
}

Procedure procedureId(const At& at, const std::string& id, const std::string& what)
{
    if (auto p = procedureFromId(id))
        return *p;
    at.fail("unknown " + what + " \"" + id + "\"");
}

} // namespace madoguchi::rules
