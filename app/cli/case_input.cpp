#include "app/cli/case_input.hpp"

#include "app/cli/cli_context.hpp"
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"

#include <fstream>
#include <iostream>
#include <iterator>

namespace po = boost::program_options;

namespace madoguchi::cli {

namespace {

constexpr std::size_t kMaxInputBytes = 1 << 20;

// Every field of a new case, with how it is given. The one list both sources read.
enum class Kind { Text, Texts, Flag, Number };
struct Field {
    const char* option; // the option's name; the JSON key is the same with '_' for '-'
    Kind kind;
    const char* help;
};
constexpr Field kFields[] = {
    {"procedure", Kind::Texts, "procedure id (required; repeatable: one visit, several procedures)"},
    {"name", Kind::Text, "氏名 (required)"},
    {"kana", Kind::Text, "フリガナ (required)"},
    {"birth", Kind::Text, "生年月日 YYYY-MM-DD (required)"},
    {"address", Kind::Text, "住所"},
    {"sex", Kind::Text, "male|female|not-applicable|not-known (default not-known)"},
    {"applicant", Kind::Text, "principal|proxy|legal-representative|… (default principal)"},
    {"proxy-name", Kind::Text, "the proxy's name"},
    {"proxy-relation", Kind::Text, "the proxy's relation to the resident"},
    {"window", Kind::Text, "窓口"},
    {"clerk", Kind::Text, "担当 (default: the login name)"},
    {"foreign", Kind::Flag, "foreign resident"},
    {"stay-until", Kind::Text, "end of the period of stay YYYY-MM-DD"},
    {"moved-in", Kind::Text, "move-in notification day YYYY-MM-DD"},
    {"document", Kind::Texts, "a document checked (repeatable)"},
    {"fee", Kind::Number, "fee in yen (default 0)"},
    {"notes", Kind::Text, "notes"},
};

std::string jsonKey(const char* option)
{
    std::string k = option;
    for (auto& c : k)
        if (c == '-')
            c = '_';
    return k;
}

// What the draft is made from, whichever the source: each accessor names the field in its
// refusals as the user gave it (`--name`, or `--input: "name"`).
class FieldSource {
public:
    virtual ~FieldSource() = default;
    virtual std::optional<std::string> text(const char* option) const = 0;
    virtual std::vector<std::string> texts(const char* option) const = 0;
    virtual bool flag(const char* option) const = 0;
    virtual std::optional<long long> number(const char* option) const = 0;
    virtual std::string label(const char* option) const = 0;
};

class OptionSource final : public FieldSource {
public:
    explicit OptionSource(const po::variables_map& vm) : vm_(vm) {}
    std::optional<std::string> text(const char* o) const override { return optionalString(vm_, o); }
    std::vector<std::string> texts(const char* o) const override
    {
        return vm_.count(o) ? vm_[o].as<std::vector<std::string>>() : std::vector<std::string>{};
    }
    bool flag(const char* o) const override { return vm_.count(o) && vm_[o].as<bool>(); }
    std::optional<long long> number(const char* o) const override
    {
        if (!vm_.count(o))
            return std::nullopt;
        return vm_[o].as<long long>();
    }
    std::string label(const char* o) const override { return std::string("--") + o; }

private:
    const po::variables_map& vm_;
};

class JsonSource final : public FieldSource {
public:
    explicit JsonSource(const nlohmann::json& j) : j_(j)
    {
        if (!j_.is_object())
            throw ValidationError("--input: give one JSON object (the case's fields)");
        for (const auto& [key, value] : j_.items()) {
            bool known = false;
            for (const auto& f : kFields)
                known = known || key == jsonKey(f.option);
            if (!known)
                throw ValidationError("--input: unknown key \"" + key +
                                      "\" (the keys are case add's option names with _ for -)");
        }
    }
    std::optional<std::string> text(const char* o) const override
    {
        const auto* v = find(o);
        if (!v || v->is_null())
            return std::nullopt;
        if (!v->is_string())
            throw ValidationError(label(o) + " must be a string");
        return v->get<std::string>();
    }
    std::vector<std::string> texts(const char* o) const override
    {
        const auto* v = find(o);
        if (!v || v->is_null())
            return {};
        if (v->is_string())
            return {v->get<std::string>()};
        std::vector<std::string> out;
        if (v->is_array())
            for (const auto& e : *v) {
                if (!e.is_string())
                    throw ValidationError(label(o) + " must be a string or an array of strings");
                out.push_back(e.get<std::string>());
            }
        else
            throw ValidationError(label(o) + " must be a string or an array of strings");
        return out;
    }
    bool flag(const char* o) const override
    {
        const auto* v = find(o);
        if (!v || v->is_null())
            return false;
        if (!v->is_boolean())
            throw ValidationError(label(o) + " must be true or false");
        return v->get<bool>();
    }
    std::optional<long long> number(const char* o) const override
    {
        const auto* v = find(o);
        if (!v || v->is_null())
            return std::nullopt;
        if (!v->is_number_integer())
            throw ValidationError(label(o) + " must be a whole number");
        return v->get<long long>();
    }
    std::string label(const char* o) const override { return "--input: \"" + jsonKey(o) + "\""; }

private:
    const nlohmann::json* find(const char* o) const
    {
        auto it = j_.find(jsonKey(o));
        return it == j_.end() ? nullptr : &*it;
    }
    const nlohmann::json& j_;
};

std::string required(const FieldSource& s, const char* o)
{
    auto v = s.text(o);
    if (!v)
        throw ValidationError(s.label(o) + " is required");
    return *v;
}

CaseDraft draftFrom(const FieldSource& s, const std::string& login)
{
    CaseDraft d;
    std::vector<Procedure> procedures;
    for (const auto& p : s.texts("procedure"))
        procedures.push_back(parseProcedure(p));
    if (procedures.empty())
        throw ValidationError(s.label("procedure") + " is required");
    setProcedures(d, procedures);
    d.resident.name = required(s, "name");
    d.resident.kana = required(s, "kana");
    d.resident.birth = parseIsoDate(required(s, "birth"), s.label("birth"));
    d.resident.address = s.text("address").value_or("");
    d.resident.sex = parseSex(s.text("sex").value_or("not-known"));
    d.resident.foreignResident = s.flag("foreign");
    if (auto v = s.text("stay-until")) {
        d.resident.stayUntil = parseIsoDate(*v, s.label("stay-until"));
        d.resident.foreignResident = true;
    }
    if (auto v = s.text("moved-in"))
        d.resident.movedIn = parseIsoDate(*v, s.label("moved-in"));
    d.applicant.type = parseApplicant(s.text("applicant").value_or("principal"));
    d.applicant.proxyName = s.text("proxy-name").value_or("");
    d.applicant.proxyRelation = s.text("proxy-relation").value_or("");
    if (d.applicant.type != ApplicantType::Principal && d.applicant.proxyName.empty())
        throw ValidationError(s.label("proxy-name") + ": a proxy or legal representative needs a name");
    d.window = s.text("window").value_or("");
    d.clerk = s.text("clerk").value_or(login);
    for (const auto& doc : s.texts("document"))
        d.documents.push_back({doc, true});
    long long fee = s.number("fee").value_or(0);
    if (fee < 0)
        throw ValidationError(s.label("fee") + ": a fee cannot be negative");
    if (fee > 1'000'000)
        throw ValidationError(s.label("fee") + ": more than 1,000,000 yen is not a counter's fee");
    d.feeYen = static_cast<int>(fee);
    d.notes = s.text("notes").value_or("");
    return d;
}

} // namespace

void addCaseFieldOptions(po::options_description& o)
{
    for (const auto& f : kFields) {
        switch (f.kind) {
        case Kind::Text:
            o.add_options()(f.option, po::value<std::string>(), f.help);
            break;
        case Kind::Texts:
            o.add_options()(f.option, po::value<std::vector<std::string>>()->composing(), f.help);
            break;
        case Kind::Flag:
            o.add_options()(f.option, po::bool_switch(), f.help);
            break;
        case Kind::Number:
            o.add_options()(f.option, po::value<long long>(), f.help);
            break;
        }
    }
}

CaseDraft draftFromOptions(const po::variables_map& vm, const std::string& login)
{
    return draftFrom(OptionSource(vm), login);
}

CaseDraft draftFromJson(const nlohmann::json& object, const std::string& login)
{
    return draftFrom(JsonSource(object), login);
}

nlohmann::json readCaseInput(const std::string& source, const po::variables_map& vm)
{
    for (const auto& f : kFields)
        if (vm.count(f.option) && !vm[f.option].defaulted())
            throw ValidationError(std::string("--input: give every field in the JSON object, not also --") + f.option);
    std::string text;
    if (source == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), {});
    } else {
        std::ifstream in(source, std::ios::binary);
        if (!in)
            throw ValidationError("--input: cannot read " + source);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    if (text.size() > kMaxInputBytes)
        throw ValidationError("--input: more than 1 MiB; one case is a few hundred bytes");
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // Only where it stopped: nlohmann's message quotes the text read, which may be a name.
        throw ValidationError("--input: not a JSON object in UTF-8 (stopped at byte " + std::to_string(e.byte) + ")");
    }
}

} // namespace madoguchi::cli
