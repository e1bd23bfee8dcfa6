// Reading data/rules/*.json. A file has optional catalogues shared by all files ("documents",
// "id_sets", "contacts") and a list of dated "entries"; see data/rules/README.md for the format.
// Every problem is reported with the file, the entry and what is wrong, and nothing is half-loaded.
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/rules/rule_book.hpp"
#include "core/rules/rule_entries.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace madoguchi::rules {

using nlohmann::json;

namespace {

// Where we are, for messages: the file and the entry (or catalogue item) being read.
struct Place {
    std::string file;
    std::string entry;
    [[noreturn]] void fail(const std::string& problem) const { throw RuleFileError(file, entry, problem); }
};

void onlyKeys(const Place& at, const json& obj, std::initializer_list<const char*> allowed, const std::string& what)
{
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

const json& field(const Place& at, const json& obj, const char* key, const std::string& what)
{
    if (!obj.is_object())
        at.fail(what + " must be an object");
    auto it = obj.find(key);
    if (it == obj.end())
        at.fail(what + ": missing field \"" + key + "\"");
    return *it;
}

std::string stringField(const Place& at, const json& obj, const char* key, const std::string& what)
{
    const json& v = field(at, obj, key, what);
    if (!v.is_string() || v.get<std::string>().empty())
        at.fail(what + ": \"" + key + "\" must be a non-empty string");
    return v.get<std::string>();
}

// {"ja": ..., "en": ...}: both languages are required, the handout prints both.
Text textOf(const Place& at, const json& obj, const std::string& what)
{
    return {stringField(at, obj, "ja", what), stringField(at, obj, "en", what)};
}

std::optional<Text> optionalText(const Place& at, const json& obj, const char* key, const std::string& what)
{
    if (!obj.contains(key))
        return std::nullopt;
    const json& t = obj.at(key);
    onlyKeys(at, t, {"ja", "en"}, what + "." + key);
    return textOf(at, t, what + "." + key);
}

boost::gregorian::date dateField(const Place& at, const json& obj, const char* key)
{
    std::string text = stringField(at, obj, key, "entry");
    try {
        return parseIsoDate(text, key);
    } catch (const ValidationError& e) {
        at.fail(std::string(key) + " \"" + text + "\" is not a date (YYYY-MM-DD): " + e.what());
    }
}

std::vector<std::string> stringList(const Place& at, const json& obj, const char* key, const std::string& what)
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

struct Catalogue {
    std::map<std::string, Text> documents;
    std::map<std::string, std::vector<DocumentOption>> idSets;
    std::map<std::string, Contact> contacts;
};

DocumentItem item(const Place& at, const Catalogue& c, const std::string& id)
{
    auto it = c.documents.find(id);
    if (it == c.documents.end())
        at.fail("unknown document \"" + id + "\" (not in any file's \"documents\")");
    return {id, it->second};
}

DocumentOption option(const Place& at, const Catalogue& c, const json& o, const std::string& what)
{
    onlyKeys(at, o, {"id", "count", "ja", "en", "items"}, what);
    DocumentOption out;
    out.id = stringField(at, o, "id", what);
    out.label = textOf(at, o, what);
    const json& count = field(at, o, "count", what);
    if (!count.is_number_integer() || count.get<int>() < 1)
        at.fail(what + ": \"count\" must be a whole number of at least 1");
    out.count = count.get<int>();
    for (const auto& id : stringList(at, o, "items", what))
        out.items.push_back(item(at, c, id));
    if (static_cast<std::size_t>(out.count) > out.items.size())
        at.fail(what + ": \"count\" " + std::to_string(out.count) + " is more than the " +
                std::to_string(out.items.size()) + " items listed");
    return out;
}

// One thing to bring. Exactly one of: "item" (one document), "id_set" (a named set of
// alternatives), "options" (alternatives written out).
DocumentRequirement requirement(const Place& at, const Catalogue& c, const json& d, std::size_t index)
{
    std::string what = "documents[" + std::to_string(index) + "]";
    onlyKeys(at, d, {"id", "ja", "en", "item", "id_set", "options", "note"}, what);
    DocumentRequirement out;
    out.id = stringField(at, d, "id", what);
    what += " \"" + out.id + "\"";
    int forms = int(d.contains("item")) + int(d.contains("id_set")) + int(d.contains("options"));
    if (forms != 1)
        at.fail(what + ": say exactly one of \"item\", \"id_set\", \"options\"");
    if (d.contains("item")) {
        DocumentItem one = item(at, c, stringField(at, d, "item", what));
        out.text = d.contains("ja") || d.contains("en") ? textOf(at, d, what) : one.text;
        out.alternatives.push_back({one.id, 1, one.text, {one}});
    } else if (d.contains("id_set")) {
        out.text = textOf(at, d, what);
        std::string set = stringField(at, d, "id_set", what);
        auto it = c.idSets.find(set);
        if (it == c.idSets.end())
            at.fail(what + ": unknown id_set \"" + set + "\"");
        out.alternatives = it->second;
    } else {
        out.text = textOf(at, d, what);
        const json& opts = d.at("options");
        if (!opts.is_array() || opts.empty())
            at.fail(what + ": \"options\" must be a non-empty list");
        for (std::size_t i = 0; i < opts.size(); ++i)
            out.alternatives.push_back(option(at, c, opts[i], what + ".options[" + std::to_string(i) + "]"));
    }
    out.note = optionalText(at, d, "note", what);
    return out;
}

Fee fee(const Place& at, const json& f, std::size_t index)
{
    std::string what = "fees[" + std::to_string(index) + "]";
    onlyKeys(at, f, {"id", "yen", "ja", "en", "condition"}, what);
    Fee out;
    out.id = stringField(at, f, "id", what);
    const json& yen = field(at, f, "yen", what);
    if (!yen.is_number_integer() || yen.get<long long>() < 0 || yen.get<long long>() > 1000000)
        at.fail(what + " \"" + out.id + "\": \"yen\" must be a whole number of yen, 0 or more");
    out.yen = yen.get<int>();
    out.label = textOf(at, f, what);
    out.condition = optionalText(at, f, "condition", what);
    return out;
}

EntryScope scope(const Place& at, const json& e)
{
    EntryScope s;
    // Procedure and applicant ids alike: an unknown id is refused with the ones that exist.
    auto ids = [&](const char* key, auto fromId, const std::string& valid, auto& into) {
        if (e.contains(key))
            for (const auto& id : stringList(at, e, key, "entry")) {
                auto value = fromId(id);
                if (!value)
                    at.fail("unknown " + std::string(key).substr(0, std::strlen(key) - 1) + " \"" + id + "\"" + valid);
                into.push_back(*value);
            }
    };
    ids(
        "procedures", [](const std::string& id) { return procedureFromId(id); }, "", s.procedures);
    ids(
        "applicants", [](const std::string& id) { return applicantFromId(id); },
        " (principal, proxy, legal-representative)", s.applicants);
    if (e.contains("when")) {
        const json& w = e.at("when");
        onlyKeys(at, w, {"age_below", "age_from", "foreign"}, "when");
        for (const char* key : {"age_below", "age_from"})
            if (w.contains(key)) {
                if (!w.at(key).is_number_integer() || w.at(key).get<int>() < 0 || w.at(key).get<int>() > 150)
                    at.fail(std::string("when.") + key + " must be an age in whole years");
                (std::string(key) == "age_below" ? s.ageBelow : s.ageFrom) = w.at(key).get<int>();
            }
        if (w.contains("foreign")) {
            if (!w.at("foreign").is_boolean())
                at.fail("when.foreign must be true or false");
            s.foreign = w.at("foreign").get<bool>();
        }
    }
    return s;
}

Entry entry(const Place& at, const Catalogue& c, const json& e)
{
    onlyKeys(at, e,
             {"id", "procedures", "applicants", "when", "effective_from", "effective_until", "source", "where",
              "documents", "fees", "contacts", "notes"},
             "entry");
    Entry out;
    out.id = stringField(at, e, "id", "entry");
    out.file = at.file;
    out.scope = scope(at, e);
    out.effectiveFrom = dateField(at, e, "effective_from");
    if (e.contains("effective_until")) {
        out.effectiveUntil = dateField(at, e, "effective_until");
        if (*out.effectiveUntil < out.effectiveFrom)
            at.fail("effective_until " + toIso(*out.effectiveUntil) + " is before effective_from " +
                    toIso(out.effectiveFrom));
    }
    out.source = stringField(at, e, "source", "entry");
    out.whereToGo = optionalText(at, e, "where", "entry");
    auto list = [&](const char* key) -> const json& {
        static const json empty = json::array();
        if (!e.contains(key))
            return empty;
        if (!e.at(key).is_array())
            at.fail(std::string("\"") + key + "\" must be a list");
        return e.at(key);
    };
    const json& docs = list("documents");
    for (std::size_t i = 0; i < docs.size(); ++i)
        out.documents.push_back(requirement(at, c, docs[i], i));
    const json& fees = list("fees");
    for (std::size_t i = 0; i < fees.size(); ++i)
        out.fees.push_back(fee(at, fees[i], i));
    for (const auto& id : list("contacts")) {
        if (!id.is_string() || !c.contacts.count(id.get<std::string>()))
            at.fail("unknown contact " + id.dump() + " (not in any file's \"contacts\")");
        out.contacts.push_back(c.contacts.at(id.get<std::string>()));
    }
    const json& notes = list("notes");
    for (std::size_t i = 0; i < notes.size(); ++i) {
        onlyKeys(at, notes[i], {"ja", "en"}, "notes[" + std::to_string(i) + "]");
        out.notes.push_back(textOf(at, notes[i], "notes[" + std::to_string(i) + "]"));
    }
    if (out.documents.empty() && out.fees.empty() && !out.whereToGo && out.contacts.empty() && out.notes.empty())
        at.fail("says nothing (no documents, fees, where, contacts or notes)");
    return out;
}

json readJson(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw RuleFileError(file.filename().string(), "", "cannot be read");
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    try {
        json doc = json::parse(s);
        if (!doc.is_object())
            throw RuleFileError(file.filename().string(), "", "must be a JSON object");
        return doc;
    } catch (const json::parse_error& e) {
        // Turn the byte offset into a line, which is what an editor shows.
        std::size_t upTo = std::min<std::size_t>(e.byte, s.size());
        long line = 1 + std::count(s.begin(), s.begin() + static_cast<long>(upTo), '\n');
        throw RuleFileError(file.filename().string(), "",
                            "not valid JSON (line " + std::to_string(line) + "): " + e.what());
    }
}

void readCatalogue(const std::string& file, const json& doc, Catalogue& c)
{
    if (doc.contains("documents"))
        for (auto it = doc.at("documents").begin(); it != doc.at("documents").end(); ++it) {
            Place at{file, "documents." + it.key()};
            onlyKeys(at, it.value(), {"ja", "en"}, "document");
            if (!c.documents.emplace(it.key(), textOf(at, it.value(), "document")).second)
                at.fail("document defined twice");
        }
    if (doc.contains("contacts"))
        for (auto it = doc.at("contacts").begin(); it != doc.at("contacts").end(); ++it) {
            Place at{file, "contacts." + it.key()};
            onlyKeys(at, it.value(), {"name", "phone", "hours"}, "contact");
            Contact k{it.key(), textOf(at, field(at, it.value(), "name", "contact"), "contact.name"),
                      stringField(at, it.value(), "phone", "contact"),
                      textOf(at, field(at, it.value(), "hours", "contact"), "contact.hours")};
            if (!c.contacts.emplace(it.key(), k).second)
                at.fail("contact defined twice");
        }
}

void readIdSets(const std::string& file, const json& doc, Catalogue& c)
{
    if (!doc.contains("id_sets"))
        return;
    for (auto it = doc.at("id_sets").begin(); it != doc.at("id_sets").end(); ++it) {
        Place at{file, "id_sets." + it.key()};
        if (!it.value().is_array() || it.value().empty())
            at.fail("an id set must be a non-empty list of options");
        std::vector<DocumentOption> options;
        for (std::size_t i = 0; i < it.value().size(); ++i)
            options.push_back(option(at, c, it.value()[i], "options[" + std::to_string(i) + "]"));
        if (!c.idSets.emplace(it.key(), options).second)
            at.fail("id set defined twice");
    }
}

} // namespace

RuleFileError::RuleFileError(std::string file, std::string entry, std::string problem)
    : std::runtime_error(file + (entry.empty() ? "" : ": entry \"" + entry + "\"") + ": " + problem),
      file_(std::move(file)), entry_(std::move(entry)), problem_(std::move(problem))
{
}

int EntryScope::specificity() const
{
    return (procedures.empty() ? 0 : 4) + (applicants.empty() ? 0 : 2) + int(ageBelow.has_value()) +
           int(ageFrom.has_value()) + int(foreign.has_value());
}

std::vector<Entry> readRuleFiles(const std::vector<std::filesystem::path>& files)
{
    std::vector<std::pair<std::string, json>> docs;
    for (const auto& f : files) {
        json doc = readJson(f);
        std::string name = f.filename().string();
        onlyKeys(Place{name, ""}, doc, {"format", "documents", "id_sets", "contacts", "entries"}, "file");
        if (doc.value("format", 0) != 1)
            throw RuleFileError(name, "", "\"format\": 1 is required (the only format this program reads)");
        docs.emplace_back(name, std::move(doc));
    }
    // Catalogues first, from all files, so that an entry may use what another file defines.
    Catalogue c;
    for (const auto& [name, doc] : docs)
        readCatalogue(name, doc, c);
    for (const auto& [name, doc] : docs)
        readIdSets(name, doc, c);

    std::vector<Entry> entries;
    for (const auto& [name, doc] : docs) {
        if (!doc.contains("entries"))
            continue;
        if (!doc.at("entries").is_array())
            throw RuleFileError(name, "", "\"entries\" must be a list");
        const json& list = doc.at("entries");
        for (std::size_t i = 0; i < list.size(); ++i) {
            // The entry is named by its id, or by its place when the id itself is missing.
            Place at{name, "#" + std::to_string(i + 1)};
            if (list[i].is_object() && list[i].contains("id") && list[i].at("id").is_string())
                at.entry = list[i].at("id").get<std::string>();
            Entry e = entry(at, c, list[i]);
            e.order = entries.size();
            entries.push_back(std::move(e));
        }
    }
    // Two versions of one entry must not be in force on the same day: a change is a new version
    // with its own effective_from, and the old one gets an effective_until.
    for (std::size_t i = 0; i < entries.size(); ++i)
        for (std::size_t j = i + 1; j < entries.size(); ++j) {
            const Entry& a = entries[i];
            const Entry& b = entries[j];
            if (a.id != b.id)
                continue;
            bool overlap = (!a.effectiveUntil || b.effectiveFrom <= *a.effectiveUntil) &&
                           (!b.effectiveUntil || a.effectiveFrom <= *b.effectiveUntil);
            if (overlap)
                throw RuleFileError(b.file, b.id,
                                    "in force on the same days as another version (in " + a.file + ", from " +
                                        toIso(a.effectiveFrom) + "); end one with effective_until");
        }
    return entries;
}

} // namespace madoguchi::rules
