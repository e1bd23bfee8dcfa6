// The rule book's answer: every entry in force that applies contributes, from the general to the
// specific, the office's own entries last (data/rules/README.md says how the data reads).
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

template <typename T> void eraseById(std::vector<T>& list, const std::string& id)
{
    list.erase(std::remove_if(list.begin(), list.end(), [&](const T& x) { return x.id == id; }), list.end());
}

bool given(const std::vector<std::string>& circumstances, const std::vector<Circumstance>& any)
{
    return std::any_of(any.begin(), any.end(), [&](const Circumstance& c) {
        return std::find(circumstances.begin(), circumstances.end(), c.id) != circumstances.end();
    });
}

// A fee as charged for the circumstances of this visit; none when an `unless` holds.
std::optional<Fee> feeFor(const FeeRule& rule, const std::vector<std::string>& circumstances)
{
    if (given(circumstances, rule.unless))
        return std::nullopt;
    Fee f = rule.fee;
    f.onlyWhen = rule.onlyWhen;
    f.freeWhen = rule.freeWhen;
    f.applies = rule.onlyWhen.empty() || given(circumstances, rule.onlyWhen);
    for (const auto& c : rule.freeWhen)
        if (std::find(circumstances.begin(), circumstances.end(), c.id) != circumstances.end()) {
            f.yen = 0;
            f.waivedBy = c;
            break;
        }
    return f;
}

// Items that count only for a time leave the lists on the days they do not (paper health-insurance
// cards from 2025-12-02); an option left with fewer items than it asks for goes with them.
void keepItemsInForce(std::vector<DocumentRequirement>& documents, const date& day)
{
    for (auto& d : documents) {
        for (auto& o : d.alternatives)
            o.items.erase(std::remove_if(o.items.begin(), o.items.end(),
                                         [&](const DocumentItem& i) { return !i.inForceOn(day); }),
                          o.items.end());
        d.alternatives.erase(
            std::remove_if(d.alternatives.begin(), d.alternatives.end(),
                           [](const DocumentOption& o) { return static_cast<std::size_t>(o.count) > o.items.size(); }),
            d.alternatives.end());
    }
    documents.erase(std::remove_if(documents.begin(), documents.end(),
                                   [](const DocumentRequirement& d) { return d.alternatives.empty(); }),
                    documents.end());
}

// The procedure's own window (express issuance: 30 days from the trigger; infants: until the day
// before the 1st birthday). Past it, the answer is a refusal that says so.
void applyWindow(Requirements& out, const ResidentAttributes& r)
{
    if (!out.window)
        return;
    ProcedureWindow& w = *out.window;
    if (w.days && r.since)
        w.lastDay = *r.since + boost::gregorian::days(*w.days);
    if (w.beforeAge && r.birth)
        w.lastDay = nthBirthdayAfter(*r.birth, *r.birth, *w.beforeAge) - boost::gregorian::days(1);
    if (r.since && *r.since > out.day)
        throw ValidationError("since (" + toIso(*r.since) + ") is after the day asked for (" + toIso(out.day) + ")");
    if (w.lastDay && out.day > *w.lastDay && !out.refusal)
        out.refusal = Refusal{{"申請できる期間（" + w.text.ja + "。" + toIso(*w.lastDay) + "まで）を過ぎています。",
                               "The time to apply (" + w.text.en + ", until " + toIso(*w.lastDay) + ") has passed."},
                              w.instead,
                              w.from};
}

} // namespace

struct RuleBook::Data {
    std::vector<Entry> entries; // national by specificity, then the office's by specificity
    Catalogue catalogue;
    std::optional<OfficeFile> office;
};

RuleBook::RuleBook(std::unique_ptr<Data> data) : data_(std::move(data)) {}
RuleBook::RuleBook(RuleBook&&) noexcept = default;
RuleBook& RuleBook::operator=(RuleBook&&) noexcept = default;
RuleBook::~RuleBook() = default;

RuleBook RuleBook::load(const std::filesystem::path& directory, const std::optional<std::filesystem::path>& officeFile)
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
    return loadFiles(files, officeFile);
}

RuleBook RuleBook::loadFile(const std::filesystem::path& file)
{
    return loadFiles({file});
}

RuleBook RuleBook::loadFiles(const std::vector<std::filesystem::path>& files,
                             const std::optional<std::filesystem::path>& officeFile)
{
    try {
        return loadFilesAsGiven(files, officeFile);
    } catch (const RuleFileError& e) {
        // The line where the faulty entry starts, for whoever edits the file.
        auto all = files;
        if (officeFile)
            all.push_back(*officeFile);
        throw withEntryLine(e, all);
    }
}

RuleBook RuleBook::loadFilesAsGiven(const std::vector<std::filesystem::path>& files,
                                    const std::optional<std::filesystem::path>& officeFile)
{
    auto data = std::make_unique<Data>();
    std::vector<nlohmann::json> docs;
    docs.reserve(files.size());
    std::vector<RuleSource> sources;
    for (const auto& f : files)
        docs.push_back(readRuleJson(f));
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::string name = files[i].filename().string();
        checkNationalFile(name, docs[i]);
        sources.push_back({name, &docs[i], false});
    }
    if (officeFile) {
        data->office = readOfficeFile(*officeFile);
        for (const auto& p : data->office->places)
            data->catalogue.places.emplace(p.id, p);
        sources.push_back({data->office->fileName, &data->office->rules, true});
    }
    data->entries = readRuleSources(sources, data->catalogue);
    std::stable_sort(data->entries.begin(), data->entries.end(), [](const Entry& a, const Entry& b) {
        return std::pair(a.office, a.scope.specificity()) < std::pair(b.office, b.scope.specificity());
    });
    return RuleBook(std::move(data));
}

std::size_t RuleBook::entryCount() const
{
    return data_->entries.size();
}

std::vector<Circumstance> RuleBook::circumstances() const
{
    std::vector<Circumstance> out;
    for (const auto& [id, c] : data_->catalogue.circumstances)
        out.push_back(c);
    return out;
}

const OfficeFile* RuleBook::office() const
{
    return data_->office ? &*data_->office : nullptr;
}

Requirements RuleBook::requirementsFor(Procedure procedure, ApplicantType applicant, const ResidentAttributes& resident,
                                       const date& day) const
{
    Requirements out;
    out.procedure = procedure;
    out.applicant = applicant;
    out.day = day;
    for (const auto& id : resident.circumstances) {
        auto it = data_->catalogue.circumstances.find(id);
        if (it == data_->catalogue.circumstances.end()) {
            std::string known;
            for (const auto& [k, c] : data_->catalogue.circumstances)
                known += (known.empty() ? "" : ", ") + k;
            throw ValidationError("circumstance: unknown \"" + id + "\" (one of: " + known + ")");
        }
        out.circumstances.push_back(it->second);
    }
    bool where = false;
    for (const Entry& e : data_->entries) {
        if (!e.inForceOn(day) || !applies(e.scope, procedure, applicant, resident, day))
            continue;
        for (const auto& d : e.documents)
            putById(out.documents, d);
        for (const auto& id : e.without) {
            eraseById(out.documents, id);
            eraseById(out.notes, id);
        }
        for (const auto& rule : e.fees) {
            if (auto f = feeFor(rule, resident.circumstances))
                putById(out.fees, *f);
            else
                eraseById(out.fees, rule.fee.id);
        }
        for (const auto& c : e.contacts)
            putById(out.contacts, c);
        if (e.whereToGo) {
            out.whereToGo = *e.whereToGo;
            out.whereFrom = e.provenance();
            where = true;
        }
        if (!e.places.empty())
            out.places = e.places;
        for (const auto& n : e.notes) {
            if (n.id.empty())
                out.notes.push_back(n);
            else
                putById(out.notes, n);
        }
        if (e.refusal)
            out.refusal = e.refusal;
        if (e.route)
            out.route = *e.route;
        if (e.window)
            out.window = e.window;
        if (std::find(out.sources.begin(), out.sources.end(), e.source) == out.sources.end())
            out.sources.push_back(e.source);
        out.entryIds.push_back(e.id);
    }
    keepItemsInForce(out.documents, day);
    applyWindow(out, resident);
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
    // A refusal is an answer of its own: nothing to bring, pay or read for this way (the notes
    // would describe the way that is refused); the place to ask, the contacts and the window stay.
    if (out.refusal) {
        out.documents.clear();
        out.fees.clear();
        out.notes.clear();
        out.route = {};
    }
    if (!where)
        throw NotFound("no rule in force for " + std::string(info(procedure).id) + " (" +
                       std::string(applicantId(applicant)) + ") on " + toIso(day));
    return out;
}

} // namespace madoguchi::rules
