#pragma once
// The rule book's entries as read from the data files (internal to core/rules).
#include "core/rules/requirements.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::rules {

// Who and what an entry applies to. An empty list means "all".
struct EntryScope {
    std::vector<Procedure> procedures;
    std::vector<ApplicantType> applicants;
    std::optional<int> ageBelow; // the resident is younger than this on the day asked for
    std::optional<int> ageFrom;  // the resident is at least this old
    std::optional<bool> foreign; // foreign resident or not
    // More specific entries are applied later, so they replace what a general one says under the
    // same id (a document, a fee, the place to go).
    int specificity() const;
};

struct Entry {
    std::string id;
    std::string file;
    std::size_t order = 0; // load order: file name, then place in the file
    EntryScope scope;
    boost::gregorian::date effectiveFrom;
    std::optional<boost::gregorian::date> effectiveUntil; // last day in force, inclusive
    std::vector<DocumentRequirement> documents;
    std::vector<Fee> fees;
    std::optional<Text> whereToGo;
    std::vector<Contact> contacts;
    std::vector<Text> notes;
    std::string source;

    bool inForceOn(const boost::gregorian::date& day) const
    {
        return effectiveFrom <= day && (!effectiveUntil || day <= *effectiveUntil);
    }
};

// Parses every file and resolves the references between them (document ids, id sets, contacts).
// Throws RuleFileError.
std::vector<Entry> readRuleFiles(const std::vector<std::filesystem::path>& files);

} // namespace madoguchi::rules
