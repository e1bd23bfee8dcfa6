// madoguchi-cli documents — what to bring, fees, where to go and whom to call for a procedure.
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "core/common/clock.hpp"
#include "core/common/data_paths.hpp"
#include "core/common/errors.hpp"
#include "core/rules/rule_book.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

namespace {

using nlohmann::json;

json text(const rules::Text& t)
{
    return {{"ja", t.ja}, {"en", t.en}};
}
json optionalText(const std::optional<rules::Text>& t)
{
    return t ? text(*t) : json();
}

json toJson(const rules::Requirements& r)
{
    json docs = json::array();
    for (const auto& d : r.documents) {
        json alternatives = json::array();
        for (const auto& o : d.alternatives) {
            json items = json::array();
            for (const auto& i : o.items)
                items.push_back({{"id", i.id}, {"ja", i.text.ja}, {"en", i.text.en}});
            alternatives.push_back(
                {{"id", o.id}, {"count", o.count}, {"ja", o.label.ja}, {"en", o.label.en}, {"items", items}});
        }
        docs.push_back({{"id", d.id},
                        {"ja", d.text.ja},
                        {"en", d.text.en},
                        {"note", optionalText(d.note)},
                        {"alternatives", alternatives}});
    }
    json fees = json::array();
    for (const auto& f : r.fees)
        fees.push_back({{"id", f.id},
                        {"yen", f.yen},
                        {"ja", f.label.ja},
                        {"en", f.label.en},
                        {"condition", optionalText(f.condition)}});
    json contacts = json::array();
    for (const auto& c : r.contacts)
        contacts.push_back(
            {{"id", c.id}, {"ja", c.name.ja}, {"en", c.name.en}, {"phone", c.phone}, {"hours", text(c.hours)}});
    json notes = json::array();
    for (const auto& n : r.notes)
        notes.push_back(text(n));
    const auto& p = info(r.procedure);
    return {{"procedure", p.id},
            {"procedure_name", {{"ja", p.nameJa}, {"en", p.nameEn}}},
            {"applicant", applicantId(r.applicant)},
            {"day", toIso(r.day)},
            {"documents", docs},
            {"fees", fees},
            {"total_yen", r.totalYen()},
            {"where", text(r.whereToGo)},
            {"contacts", contacts},
            {"notes", notes},
            {"sources", r.sources},
            {"entries", r.entryIds}};
}

void printText(std::ostream& out, const rules::Requirements& r)
{
    const auto& p = info(r.procedure);
    out << p.nameJa << "（" << applicantNameJa(r.applicant) << "） " << toIso(r.day) << "\n\n持ち物:\n";
    for (const auto& d : r.documents) {
        if (d.single()) {
            out << "  □ " << d.text.ja << '\n';
        } else {
            out << "  □ " << d.text.ja << '\n';
            for (const auto& o : d.alternatives) {
                out << "      " << o.label.ja << ": ";
                for (std::size_t i = 0; i < o.items.size(); ++i)
                    out << (i ? "、" : "") << o.items[i].text.ja;
                out << '\n';
            }
        }
        if (d.note)
            out << "      ※ " << d.note->ja << '\n';
    }
    out << "\n手数料:\n";
    for (const auto& f : r.fees)
        out << "  " << f.label.ja << " " << f.yen << "円" << (f.condition ? "（" + f.condition->ja + "）" : "") << '\n';
    out << "\n窓口: " << r.whereToGo.ja << '\n';
    for (const auto& c : r.contacts)
        out << "連絡先: " << c.name.ja << " " << c.phone << "（" << c.hours.ja << "）\n";
    for (const auto& n : r.notes)
        out << "・" << n.ja << '\n';
}

int runDocuments(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("documents");
    o.add_options()("procedure", po::value<std::string>()->required(), "procedure id (card-receipt, reissue, ...)")(
        "applicant", po::value<std::string>()->default_value("principal"), "principal, proxy, legal-representative")(
        "birth", po::value<std::string>(), "the resident's birth date (age bands)")(
        "today", po::value<std::string>(),
        "the day the rules are taken for (default: today)")("foreign", "the resident is a foreign resident");
    auto vm = parseArgs(args, o);
    Procedure procedure = parseProcedure(vm["procedure"].as<std::string>());
    ApplicantType applicant = parseApplicant(vm["applicant"].as<std::string>());
    rules::ResidentAttributes resident;
    if (auto b = optionalString(vm, "birth"))
        resident.birth = parseIsoDate(*b, "birth");
    resident.foreignResident = vm.count("foreign") > 0;
    auto today = optionalString(vm, "today");
    boost::gregorian::date day = today ? parseIsoDate(*today, "today") : now().localDay;
    if (resident.birth && *resident.birth > day)
        throw ValidationError("birth (" + toIso(*resident.birth) + ") is after the day asked for (" + toIso(day) + ")");

    std::optional<rules::RuleBook> book;
    try {
        book.emplace(rules::RuleBook::load(dataDirectory() / "rules"));
    } catch (const rules::RuleFileError& e) {
        ctx.err << "madoguchi-cli: rule data refused: " << e.what() << '\n';
        return kFailure;
    }
    auto r = book->requirementsFor(procedure, applicant, resident, day);
    if (ctx.json)
        ctx.printJson(toJson(r));
    else
        printText(ctx.out, r);
    return kOk;
}

const CommandRegistration kDocuments{
    "documents", "required documents, ID combinations, fees and contacts for a procedure", runDocuments};

} // namespace
} // namespace madoguchi::cli
