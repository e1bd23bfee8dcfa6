#include "core/rules/rule_book.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/rules/deadlines.hpp"
#include "core/rules/rule_entries.hpp"

#include <algorithm>

namespace madoguchi::rules {

namespace {

template <typename T, typename V> bool allowedBy(const std::vector<T>& list, const V& value)
{
    return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

bool applies(const EntryScope& s, Procedure p, ApplicantType a, const ResidentAttributes& r, const date& day)
{
    if (!allowedBy(s.procedures, p) || !allowedBy(s.applicants, a))
        return false;
    if (s.foreign && *s.foreign != r.foreignResident)
        return false;
    if (s.ageBelow || s.ageFrom) {
        // An age condition needs a birth date; without one only the age-free entries answer.
        if (!r.birth)
            return false;
        int age = ageOn(*r.birth, day);
        if ((s.ageBelow && age >= *s.ageBelow) || (s.ageFrom && age < *s.ageFrom))
            return false;
    }
    return true;
}

// Adds or replaces by id, keeping the first place: a more specific entry rewrites a general line
// where the general one put it.
template <typename T> void putById(std::vector<T>& list, const T& item)
{
    auto it = std::find_if(list.begin(), list.end(), [&](const T& x) { return x.id == item.id; });
    if (it == list.end())
        list.push_back(item);
    else
        *it = item;
}

} // namespace

struct RuleBook::Data {
    std::vector<Entry> entries; // sorted by specificity, then load order
};

RuleBook::RuleBook(std::unique_ptr<Data> data) : data_(std::move(data)) {}
RuleBook::RuleBook(RuleBook&&) noexcept = default;
RuleBook& RuleBook::operator=(RuleBook&&) noexcept = default;
RuleBook::~RuleBook() = default;

RuleBook RuleBook::load(const std::filesystem::path& directory)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec))
        throw RuleFileError(directory.string(), "", "is not a directory of rule files");
    std::vector<std::filesystem::path> files;
    for (const auto& f : std::filesystem::directory_iterator(directory))
        if (f.is_regular_file() && f.path().extension() == ".json")
            files.push_back(f.path());
    if (files.empty())
        throw RuleFileError(directory.string(), "", "holds no *.json rule files");
    std::sort(files.begin(), files.end());
    return loadFiles(files);
}

RuleBook RuleBook::loadFile(const std::filesystem::path& file)
{
    return loadFiles({file});
}

RuleBook RuleBook::loadFiles(const std::vector<std::filesystem::path>& files)
{
    auto data = std::make_unique<Data>();
    data->entries = readRuleFiles(files);
    std::stable_sort(data->entries.begin(), data->entries.end(),
                     [](const Entry& a, const Entry& b) { return a.scope.specificity() < b.scope.specificity(); });
    return RuleBook(std::move(data));
}

std::size_t RuleBook::entryCount() const
{
    return data_->entries.size();
}

Requirements RuleBook::requirementsFor(Procedure procedure, ApplicantType applicant, const ResidentAttributes& resident,
                                       const date& day) const
{
    Requirements out;
    out.procedure = procedure;
    out.applicant = applicant;
    out.day = day;
    bool where = false;
    for (const Entry& e : data_->entries) {
        if (!e.inForceOn(day) || !applies(e.scope, procedure, applicant, resident, day))
            continue;
        for (const auto& d : e.documents)
            putById(out.documents, d);
        for (const auto& f : e.fees)
            putById(out.fees, f);
        for (const auto& c : e.contacts)
            putById(out.contacts, c);
        if (e.whereToGo) {
            out.whereToGo = *e.whereToGo;
            where = true;
        }
        out.notes.insert(out.notes.end(), e.notes.begin(), e.notes.end());
        if (std::find(out.sources.begin(), out.sources.end(), e.source) == out.sources.end())
            out.sources.push_back(e.source);
        out.entryIds.push_back(e.id);
    }
    // What the procedure itself needs (the card, the notice...) comes before the identity papers
    // every procedure shares, which is how the handout reads best.
    std::stable_partition(out.documents.begin(), out.documents.end(), [&](const DocumentRequirement& d) {
        return std::any_of(data_->entries.begin(), data_->entries.end(), [&](const Entry& e) {
            return !e.scope.procedures.empty() && e.inForceOn(day) &&
                   std::find(e.scope.procedures.begin(), e.scope.procedures.end(), procedure) !=
                       e.scope.procedures.end() &&
                   std::any_of(e.documents.begin(), e.documents.end(), [&](const auto& x) { return x.id == d.id; }) &&
                   applies(e.scope, procedure, applicant, resident, day) && e.scope.applicants.empty();
        });
    });
    if (!where)
        throw NotFound("no rule in force for " + std::string(info(procedure).id) + " (" +
                       std::string(applicantId(applicant)) + ") on " + toIso(day));
    return out;
}

} // namespace madoguchi::rules
