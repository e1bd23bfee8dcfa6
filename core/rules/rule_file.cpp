// Reading data/rules/*.json and an office's rule file. A file has optional catalogues shared by
// all files ("documents", "id_sets", "contacts", "circumstances") and a list of dated "entries";
// see data/rules/README.md for the format. Every problem is reported with the file, the entry and
// what is wrong, and nothing is half-loaded.
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/rules/rule_book.hpp"
#include "core/rules/rule_entries.hpp"
#include "core/rules/rule_json.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace madoguchi::rules {

using nlohmann::json;

namespace {

DocumentItem item(const At& at, const Catalogue& c, const std::string& id)
{
    auto it = c.documents.find(id);
    if (it == c.documents.end())
        at.fail("unknown document \"" + id + "\" (not in any file's \"documents\")");
    return it->second;
}

DocumentOption option(const At& at, const Catalogue& c, const json& o, const std::string& what)
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
DocumentRequirement requirement(const At& at, const Catalogue& c, const json& d, std::size_t index)
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

std::vector<Circumstance> circumstances(const At& at, const Catalogue& c, const json& f, const char* key,
                                        const std::string& what)
{
    std::vector<Circumstance> out;
    if (!f.contains(key))
        return out;
    for (const auto& id : stringList(at, f, key, what)) {
        auto it = c.circumstances.find(id);
        if (it == c.circumstances.end())
            at.fail(what + ": unknown circumstance \"" + id + "\" in \"" + key +
                    "\" (not in any file's \"circumstances\")");
        out.push_back(it->second);
    }
    return out;
}

FeeRule fee(const At& at, const Catalogue& c, const json& f, std::size_t index)
{
    std::string what = "fees[" + std::to_string(index) + "]";
    onlyKeys(at, f, {"id", "yen", "ja", "en", "condition", "only_when", "unless", "free_when"}, what);
    FeeRule out;
    out.fee.id = stringField(at, f, "id", what);
    const json& yen = field(at, f, "yen", what);
    if (!yen.is_number_integer() || yen.get<long long>() < 0 || yen.get<long long>() > 1000000)
        at.fail(what + " \"" + out.fee.id + "\": \"yen\" must be a whole number of yen, 0 or more");
    out.fee.yen = yen.get<int>();
    out.fee.fullYen = out.fee.yen;
    out.fee.label = textOf(at, f, what);
    out.fee.condition = optionalText(at, f, "condition", what);
    what += " \"" + out.fee.id + "\"";
    out.onlyWhen = circumstances(at, c, f, "only_when", what);
    out.unless = circumstances(at, c, f, "unless", what);
    out.freeWhen = circumstances(at, c, f, "free_when", what);
    if (!out.freeWhen.empty() && out.fee.yen == 0)
        at.fail(what + ": \"free_when\" on a fee that is free anyway");
    return out;
}

EntryScope scope(const At& at, const json& e)
{
    EntryScope s;
    // Procedure and applicant ids alike: an unknown id is refused with the ones that exist.
    if (e.contains("procedures"))
        for (const auto& id : stringList(at, e, "procedures", "entry"))
            s.procedures.push_back(procedureId(at, id, "procedure"));
    if (e.contains("applicants"))
        for (const auto& id : stringList(at, e, "applicants", "entry")) {
            auto value = applicantFromId(id);
            if (!value)
                at.fail("unknown applicant \"" + id + "\" (" + std::string(applicantIdList()) + ")");
            s.applicants.push_back(*value);
        }
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

std::optional<Refusal> refusal(const At& at, const json& e)
{
    if (!e.contains("refuse"))
        return std::nullopt;
    const json& r = e.at("refuse");
    onlyKeys(at, r, {"ja", "en", "instead"}, "refuse");
    Refusal out{textOf(at, r, "refuse"), std::nullopt, {}};
    if (r.contains("instead"))
        out.instead = procedureId(at, stringField(at, r, "instead", "refuse"), "procedure in refuse.instead");
    return out;
}

std::optional<Route> route(const At& at, const json& e)
{
    if (!e.contains("inquiry_route") && !e.contains("same_day_when") && !e.contains("answer_within") &&
        !e.contains("second_visit"))
        return std::nullopt;
    Route out;
    if (e.contains("inquiry_route")) {
        if (!e.at("inquiry_route").is_boolean())
            at.fail("\"inquiry_route\" must be true or false");
        out.inquiry = e.at("inquiry_route").get<bool>();
    }
    out.sameDayException = optionalText(at, e, "same_day_when", "entry");
    if (out.sameDayException && !out.inquiry)
        at.fail("\"same_day_when\" is an exception to the inquiry route: say \"inquiry_route\": true");
    if (e.contains("answer_within")) {
        const json& w = e.at("answer_within");
        onlyKeys(at, w, {"days", "ja", "en", "source"}, "answer_within");
        AnswerWindow a;
        a.text = textOf(at, w, "answer_within");
        if (!w.contains("days") || !w.at("days").is_number_integer() || w.at("days").get<int>() < 1 ||
            w.at("days").get<int>() > 365)
            at.fail("answer_within.days must be a whole number from 1 to 365");
        a.days = w.at("days").get<int>();
        a.source = stringField(at, w, "source", "answer_within");
        out.answerWithin = std::move(a);
    }
    out.secondVisit = optionalText(at, e, "second_visit", "entry");
    if ((out.answerWithin || out.secondVisit) && !out.inquiry)
        at.fail("\"answer_within\" and \"second_visit\" belong to the inquiry route: say \"inquiry_route\": true");
    return out;
}

std::optional<ProcedureWindow> window(const At& at, const json& e)
{
    if (!e.contains("window"))
        return std::nullopt;
    const json& w = e.at("window");
    onlyKeys(at, w, {"days", "before_age", "ja", "en", "instead"}, "window");
    ProcedureWindow out;
    out.text = textOf(at, w, "window");
    if (w.contains("instead"))
        out.instead = procedureId(at, stringField(at, w, "instead", "window"), "procedure in window.instead");
    auto whole = [&](const char* key, int max) -> std::optional<int> {
        if (!w.contains(key))
            return std::nullopt;
        if (!w.at(key).is_number_integer() || w.at(key).get<int>() < 1 || w.at(key).get<int>() > max)
            at.fail(std::string("window.") + key + " must be a whole number from 1 to " + std::to_string(max));
        return w.at(key).get<int>();
    };
    out.days = whole("days", 3650);
    out.beforeAge = whole("before_age", 150);
    if (out.days.has_value() == out.beforeAge.has_value())
        at.fail("window: say exactly one of \"days\" (after the trigger day) and \"before_age\"");
    return out;
}

std::vector<OfficePlace> places(const At& at, const Catalogue& c, const json& e, bool office)
{
    std::vector<OfficePlace> out;
    if (!e.contains("places"))
        return out;
    if (!office)
        at.fail("\"places\" belong in an office's rule file, not in the national data");
    const json& list = e.at("places");
    if (!list.is_array() || list.empty())
        at.fail("\"places\" must be a non-empty list");
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string what = "places[" + std::to_string(i) + "]";
        onlyKeys(at, list[i], {"place", "reservation"}, what);
        std::string id = stringField(at, list[i], "place", what);
        auto it = c.places.find(id);
        if (it == c.places.end())
            at.fail(what + ": unknown place \"" + id + "\" (not in the office file's \"places\")");
        OfficePlace p = it->second;
        p.reservation = optionalText(at, list[i], "reservation", what);
        out.push_back(std::move(p));
    }
    return out;
}

Entry entry(const At& at, const Catalogue& c, const json& e, bool office)
{
    onlyKeys(at, e, {"id",     "procedures", "applicants",    "when",          "effective_from", "effective_until",
                     "source", "where",      "documents",     "without",       "fees",           "contacts",
                     "notes",  "refuse",     "inquiry_route", "same_day_when", "answer_within",  "second_visit",
                     "window", "places"},
             "entry");
    Entry out;
    out.id = stringField(at, e, "id", "entry");
    out.file = at.file;
    out.office = office;
    out.scope = scope(at, e);
    out.effectiveFrom = dateField(at, e, "effective_from");
    if (e.contains("effective_until")) {
        out.effectiveUntil = dateField(at, e, "effective_until");
        if (*out.effectiveUntil < out.effectiveFrom)
            at.fail("effective_until " + toIso(*out.effectiveUntil) + " is before effective_from " +
                    toIso(out.effectiveFrom));
    }
    out.source = stringField(at, e, "source", "entry");
    const Provenance from = out.provenance();
    out.whereToGo = optionalText(at, e, "where", "entry");
    const json& docs = listField(at, e, "documents");
    for (std::size_t i = 0; i < docs.size(); ++i) {
        out.documents.push_back(requirement(at, c, docs[i], i));
        out.documents.back().from = from;
    }
    if (e.contains("without"))
        out.without = stringList(at, e, "without", "entry");
    const json& fees = listField(at, e, "fees");
    for (std::size_t i = 0; i < fees.size(); ++i) {
        out.fees.push_back(fee(at, c, fees[i], i));
        out.fees.back().fee.from = from;
    }
    for (const auto& id : listField(at, e, "contacts")) {
        if (!id.is_string() || !c.contacts.count(id.get<std::string>()))
            at.fail("unknown contact " + id.dump() + " (not in any file's \"contacts\")");
        out.contacts.push_back(c.contacts.at(id.get<std::string>()));
        out.contacts.back().from = from;
    }
    const json& notes = listField(at, e, "notes");
    for (std::size_t i = 0; i < notes.size(); ++i) {
        std::string what = "notes[" + std::to_string(i) + "]";
        onlyKeys(at, notes[i], {"id", "ja", "en"}, what);
        out.notes.push_back({textOf(at, notes[i], what), from,
                             notes[i].contains("id") ? stringField(at, notes[i], "id", what) : std::string()});
    }
    out.refusal = refusal(at, e);
    if (out.refusal)
        out.refusal->from = from;
    out.route = route(at, e);
    if (out.route)
        out.route->from = from;
    out.window = window(at, e);
    if (out.window)
        out.window->from = from;
    out.places = places(at, c, e, office);
    for (auto& p : out.places)
        p.from = from;
    if (out.documents.empty() && out.fees.empty() && !out.whereToGo && out.contacts.empty() && out.notes.empty() &&
        !out.refusal && !out.route && !out.window && out.places.empty() && out.without.empty())
        at.fail("says nothing (no documents, fees, where, contacts, notes, refusal, route, window or places)");
    return out;
}

void readCatalogue(const std::string& file, const json& doc, Catalogue& c)
{
    if (doc.contains("documents"))
        for (auto it = doc.at("documents").begin(); it != doc.at("documents").end(); ++it) {
            At at{file, "documents." + it.key()};
            onlyKeys(at, it.value(), {"ja", "en", "effective_from", "effective_until", "source"}, "document");
            DocumentItem d{it.key(), textOf(at, it.value(), "document"), std::nullopt, std::nullopt};
            // A document that counts as identity only for a time names its dates and source.
            if (it.value().contains("effective_from"))
                d.effectiveFrom = dateField(at, it.value(), "effective_from");
            if (it.value().contains("effective_until"))
                d.effectiveUntil = dateField(at, it.value(), "effective_until");
            if ((d.effectiveFrom || d.effectiveUntil) && !it.value().contains("source"))
                at.fail("a dated document needs its \"source\"");
            if (!c.documents.emplace(it.key(), d).second)
                at.fail("document defined twice");
        }
    if (doc.contains("contacts"))
        for (auto it = doc.at("contacts").begin(); it != doc.at("contacts").end(); ++it) {
            At at{file, "contacts." + it.key()};
            onlyKeys(at, it.value(), {"name", "phone", "hours"}, "contact");
            Contact k{it.key(),
                      textOf(at, field(at, it.value(), "name", "contact"), "contact.name"),
                      stringField(at, it.value(), "phone", "contact"),
                      textOf(at, field(at, it.value(), "hours", "contact"), "contact.hours"),
                      {}};
            if (!c.contacts.emplace(it.key(), k).second)
                at.fail("contact defined twice");
        }
    if (doc.contains("circumstances"))
        for (auto it = doc.at("circumstances").begin(); it != doc.at("circumstances").end(); ++it) {
            At at{file, "circumstances." + it.key()};
            onlyKeys(at, it.value(), {"ja", "en"}, "circumstance");
            if (!c.circumstances.emplace(it.key(), Circumstance{it.key(), textOf(at, it.value(), "circumstance")})
                     .second)
                at.fail("circumstance defined twice");
        }
}

void readIdSets(const std::string& file, const json& doc, Catalogue& c)
{
    if (!doc.contains("id_sets"))
        return;
    for (auto it = doc.at("id_sets").begin(); it != doc.at("id_sets").end(); ++it) {
        At at{file, "id_sets." + it.key()};
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

RuleFileError::RuleFileError(std::string file, std::string entry, std::string problem, int line)
    : std::runtime_error(file + (line > 0 ? " line " + std::to_string(line) : "") +
                         (entry.empty() ? "" : ": entry \"" + entry + "\"") + ": " + problem),
      file_(std::move(file)), entry_(std::move(entry)), problem_(std::move(problem)), line_(line)
{
}

namespace {

// The line (from 1) where `entry` starts in a rule file's text: the object whose "id" it is, or,
// for "places.X" / "documents.X" / "contacts.X", the key X. 0 when it is not found. Versions of
// one entry share an id: the first is named.
int lineOfEntry(const std::string& text, const std::string& entry)
{
    if (entry.empty())
        return 0;
    std::string pattern;
    auto dot = entry.find('.');
    auto quoted = [](const std::string& s) { return "\"" + s + "\""; };
    std::size_t at = std::string::npos;
    if (dot != std::string::npos && text.find(quoted(entry.substr(0, dot))) != std::string::npos) {
        // A key of a catalogue: "X" followed by a colon.
        std::string key = quoted(entry.substr(dot + 1));
        for (auto p = text.find(key); p != std::string::npos && at == std::string::npos; p = text.find(key, p + 1)) {
            auto q = text.find_first_not_of(" \t\r\n", p + key.size());
            if (q != std::string::npos && text[q] == ':')
                at = p;
        }
    } else {
        // "id" : "entry", with any spacing.
        std::string value = quoted(entry);
        for (auto p = text.find(value); p != std::string::npos && at == std::string::npos;
             p = text.find(value, p + 1)) {
            auto before = text.find_last_not_of(" \t\r\n", p == 0 ? 0 : p - 1);
            if (before == std::string::npos || text[before] != ':' || before < 4)
                continue;
            auto keyEnd = text.find_last_not_of(" \t\r\n", before - 1);
            if (keyEnd != std::string::npos && keyEnd >= 3 && text.compare(keyEnd - 3, 4, "\"id\"") == 0)
                at = p;
        }
    }
    if (at == std::string::npos)
        return 0;
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

std::string fileText(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

RuleFileError withEntryLine(const RuleFileError& e, const std::vector<std::filesystem::path>& files)
{
    if (e.line() > 0 || e.entry().empty())
        return e;
    for (const auto& f : files)
        if (f.filename().string() == e.file())
            if (int line = lineOfEntry(fileText(f), e.entry()); line > 0)
                return RuleFileError(e.file(), e.entry(), e.problem(), line);
    return e;
}

int EntryScope::specificity() const
{
    return (procedures.empty() ? 0 : 4) + (applicants.empty() ? 0 : 2) + int(ageBelow.has_value()) +
           int(ageFrom.has_value()) + int(foreign.has_value());
}

json readRuleJson(const std::filesystem::path& file)
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
        throw RuleFileError(file.filename().string(), "", std::string("not valid JSON: ") + e.what(),
                            static_cast<int>(line));
    }
}

std::vector<Entry> readRuleSources(const std::vector<RuleSource>& sources, Catalogue& c)
{
    // Catalogues first, from all files, so that an entry may use what another file defines.
    for (const auto& s : sources)
        readCatalogue(s.name, *s.doc, c);
    for (const auto& s : sources)
        readIdSets(s.name, *s.doc, c);

    std::vector<Entry> entries;
    for (const auto& s : sources) {
        const json& doc = *s.doc;
        if (!doc.contains("entries"))
            continue;
        if (!doc.at("entries").is_array())
            throw RuleFileError(s.name, "", "\"entries\" must be a list");
        const json& list = doc.at("entries");
        for (std::size_t i = 0; i < list.size(); ++i) {
            // The entry is named by its id, or by its place when the id itself is missing.
            At at{s.name, "#" + std::to_string(i + 1)};
            if (list[i].is_object() && list[i].contains("id") && list[i].at("id").is_string())
                at.entry = list[i].at("id").get<std::string>();
            Entry e = entry(at, c, list[i], s.office);
            e.order = entries.size();
            entries.push_back(std::move(e));
        }
    }
    // Two versions of one entry must not be in force on the same day: a change is a new version
    // with its own effective_from, and the old one gets an effective_until. The office's entries
    // have their own ids (an office file cannot take a national entry's id).
    for (std::size_t i = 0; i < entries.size(); ++i)
        for (std::size_t j = i + 1; j < entries.size(); ++j) {
            const Entry& a = entries[i];
            const Entry& b = entries[j];
            if (a.id != b.id)
                continue;
            if (a.office != b.office)
                throw RuleFileError(b.file, b.id,
                                    "has the id of a national entry (in " + a.file +
                                        "): an office entry needs an id of its own");
            bool overlap = (!a.effectiveUntil || b.effectiveFrom <= *a.effectiveUntil) &&
                           (!b.effectiveUntil || a.effectiveFrom <= *b.effectiveUntil);
            if (overlap)
                throw RuleFileError(b.file, b.id,
                                    "in force on the same days as another version (in " + a.file + ", from " +
                                        toIso(a.effectiveFrom) + "); end one with effective_until");
        }
    return entries;
}

void checkNationalFile(const std::string& name, const json& doc)
{
    onlyKeys(At{name, ""}, doc, {"format", "documents", "id_sets", "contacts", "circumstances", "entries"}, "file");
    if (doc.value("format", 0) != 1)
        throw RuleFileError(name, "", "\"format\": 1 is required (the only format this program reads)");
}

} // namespace madoguchi::rules
