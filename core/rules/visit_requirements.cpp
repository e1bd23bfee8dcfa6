#include "core/rules/visit_requirements.hpp"

#include "core/rules/rule_book.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace madoguchi::rules {

namespace {

bool sameText(const Text& a, const Text& b)
{
    return a.ja == b.ja && a.en == b.en;
}

// An option by what meets it: how many of which items.
bool sameOption(const DocumentOption& a, const DocumentOption& b)
{
    if (a.count != b.count || a.items.size() != b.items.size())
        return false;
    std::set<std::string> x, y;
    for (const auto& i : a.items)
        x.insert(i.id);
    for (const auto& i : b.items)
        y.insert(i.id);
    return x == y;
}

// Every way of meeting `a` meets `b`: `a` is at least as strict.
bool coveredBy(const DocumentRequirement& a, const DocumentRequirement& b)
{
    return std::all_of(a.alternatives.begin(), a.alternatives.end(), [&](const DocumentOption& o) {
        return std::any_of(b.alternatives.begin(), b.alternatives.end(),
                           [&](const DocumentOption& p) { return sameOption(o, p); });
    });
}

void addProcedure(std::vector<Procedure>& to, Procedure p)
{
    if (std::find(to.begin(), to.end(), p) == to.end())
        to.push_back(p);
}

void mergeDocuments(VisitRequirements& v, const Requirements& r)
{
    for (const auto& d : r.documents) {
        bool merged = false;
        for (std::size_t i = 0; i < v.merged.documents.size() && !merged; ++i) {
            DocumentRequirement& kept = v.merged.documents[i];
            if (kept.id != d.id)
                continue;
            if (coveredBy(kept, d)) {
                // The one kept stands for both. A single paper worded for each procedure
                // (「暗証番号を再設定するマイナンバーカード」) is named as the catalogue names it.
                if (kept.single() && d.single() && !sameText(kept.text, d.text))
                    kept.text = kept.alternatives.front().items.front().text;
                merged = true;
            } else if (coveredBy(d, kept)) {
                kept = d; // the stricter one stands for both
                merged = true;
            }
            if (merged)
                addProcedure(v.documentFor[i], r.procedure);
        }
        if (!merged) {
            v.merged.documents.push_back(d);
            v.documentFor.push_back({r.procedure});
        }
    }
}

void mergeFees(Requirements& m, const Requirements& r)
{
    for (const auto& f : r.fees)
        if (std::none_of(m.fees.begin(), m.fees.end(), [&](const Fee& k) { return k.id == f.id; }))
            m.fees.push_back(f);
}

// 「手数料はかかりません」: free, and nothing said about when.
bool saysNoFee(const Fee& f)
{
    return f.yen == 0 && !f.condition;
}

template <typename T, typename Same> void addOnce(std::vector<T>& to, const std::vector<T>& from, Same same)
{
    for (const auto& x : from)
        if (std::none_of(to.begin(), to.end(), [&](const T& y) { return same(x, y); }))
            to.push_back(x);
}

Text procedureLabel(Procedure p)
{
    const auto& i = info(p);
    return {std::string(i.nameJa), std::string(i.nameEn)};
}

} // namespace

VisitRequirements mergeVisitRequirements(const std::vector<Requirements>& perProcedure)
{
    VisitRequirements v;
    if (perProcedure.empty())
        return v;
    const Requirements& first = perProcedure.front();
    v.merged.procedure = first.procedure;
    v.merged.applicant = first.applicant;
    v.merged.day = first.day;
    bool oneWhere = std::all_of(perProcedure.begin(), perProcedure.end(),
                                [&](const Requirements& r) { return sameText(r.whereToGo, first.whereToGo); });
    v.merged.whereFrom = first.whereFrom;
    v.merged.circumstances = first.circumstances;
    for (const auto& r : perProcedure) {
        addProcedure(v.procedures, r.procedure);
        if (r.refusal)
            v.refusals.emplace_back(r.procedure, *r.refusal);
        if (r.route.inquiry && !v.merged.route.inquiry)
            v.merged.route = r.route;
        if (r.window && !v.merged.window)
            v.merged.window = r.window;
        addOnce(v.merged.places, r.places, [](const OfficePlace& a, const OfficePlace& b) { return a.id == b.id; });
        mergeDocuments(v, r);
        mergeFees(v.merged, r);
        addOnce(v.merged.contacts, r.contacts, [](const Contact& a, const Contact& b) { return a.id == b.id; });
        addOnce(v.merged.notes, r.notes, sameText);
        addOnce(v.merged.sources, r.sources, std::equal_to<>());
        addOnce(v.merged.entryIds, r.entryIds, std::equal_to<>());
        if (!oneWhere && !r.whereToGo.ja.empty()) {
            Text name = procedureLabel(r.procedure);
            Text& w = v.merged.whereToGo;
            w.ja += (w.ja.empty() ? "" : "\n") + name.ja + "：" + r.whereToGo.ja;
            w.en += (w.en.empty() ? "" : "\n") + name.en + ": " + r.whereToGo.en;
        }
    }
    if (oneWhere)
        v.merged.whereToGo = first.whereToGo;
    if (v.refusals.size() == perProcedure.size())
        v.merged.refusal = v.refusals.front().second;
    auto& fees = v.merged.fees;
    if (std::any_of(fees.begin(), fees.end(), [](const Fee& f) { return !saysNoFee(f); }))
        fees.erase(std::remove_if(fees.begin(), fees.end(), saysNoFee), fees.end());
    return v;
}

VisitRequirements visitRequirementsFor(const RuleBook& book, std::span<const Procedure> procedures,
                                       ApplicantType applicant, const ResidentAttributes& resident,
                                       const boost::gregorian::date& day)
{
    std::vector<Requirements> each;
    for (Procedure p : procedures)
        each.push_back(book.requirementsFor(p, applicant, resident, day));
    return mergeVisitRequirements(each);
}

} // namespace madoguchi::rules
