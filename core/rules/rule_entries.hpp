#pragma once
// The rule book's entries as read from the data files (internal to core/rules).
#include "core/rules/requirements.hpp"

#include <filesystem>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::rules {

class RuleFileError;

// Who and what an entry applies to. An empty list means "all".
struct EntryScope {
    std::vector<Procedure> procedures;
    std::vector<ApplicantType> applicants;
    std::optional<int> ageBelow; // the resident is younger than this on the day asked for
    std::optional<int> ageFrom;  // the resident is at least this old
    std::optional<bool> foreign; // foreign resident or not
    // More specific entries are applied later, so they replace what a general one says under the
    // same id (a document, a fee, the place to go). An office's entries come after all national
    // ones: the office overrides what it names.
    int specificity() const;
};

// A fee as the data states it; the circumstances of a visit decide what is charged.
struct FeeRule {
    Fee fee;                            // yen = the listed fee
    std::vector<Circumstance> onlyWhen; // charged only in these
    std::vector<Circumstance> unless;   // not listed at all in these
    std::vector<Circumstance> freeWhen; // free in these
};

struct Entry {
    std::string id;
    std::string file;
    bool office = false;   // from the office's own file
    std::size_t order = 0; // load order: national files by name, then the office file
    EntryScope scope;
    boost::gregorian::date effectiveFrom;
    std::optional<boost::gregorian::date> effectiveUntil; // last day in force, inclusive
    std::vector<DocumentRequirement> documents;
    std::vector<std::string> without; // document or note ids a less specific entry added, taken away
    std::vector<FeeRule> fees;
    std::optional<Text> whereToGo;
    std::vector<OfficePlace> places;
    std::vector<Contact> contacts;
    std::vector<Note> notes;
    std::optional<Refusal> refusal;
    std::optional<Route> route;
    std::optional<ProcedureWindow> window;
    std::string source;

    bool inForceOn(const boost::gregorian::date& day) const
    {
        return effectiveFrom <= day && (!effectiveUntil || day <= *effectiveUntil);
    }
    Provenance provenance() const { return {id, file, office, effectiveFrom, effectiveUntil, source}; }
};

// The catalogues every file may add to and every entry may use.
struct Catalogue {
    std::map<std::string, DocumentItem> documents;
    std::map<std::string, std::vector<DocumentOption>> idSets;
    std::map<std::string, Contact> contacts;
    std::map<std::string, Circumstance> circumstances;
    std::map<std::string, OfficePlace> places; // the office's places (office file only)
};

// One file's parsed JSON, with what the reader must know about it.
struct RuleSource {
    std::string name; // the file name, as messages name it
    nlohmann::json* doc;
    bool office = false;
};

// Parses every file and resolves the references between them (document ids, id sets, contacts,
// circumstances, places). Throws RuleFileError naming the file, the entry and the fault.
std::vector<Entry> readRuleSources(const std::vector<RuleSource>& sources, Catalogue& catalogue);
nlohmann::json readRuleJson(const std::filesystem::path& file);
// `e` with the line where its entry starts, found in the file it names among `files`.
RuleFileError withEntryLine(const RuleFileError& e, const std::vector<std::filesystem::path>& files);
// A national data file has only the catalogues and entries, in format 1.
void checkNationalFile(const std::string& name, const nlohmann::json& doc);

} // namespace madoguchi::rules
