// madoguchi-cli checklist — the resident's handout for one case, from the rule book.
#include "app/cli/cli_context.hpp"
#include "app/cli/cli_rule_book.hpp"
#include "app/cli/command_registry.hpp"
#include "app/common/audited_output.hpp"
#include "core/common/clock.hpp"
#include "core/common/data_paths.hpp"
#include "core/common/errors.hpp"
#include "core/rules/rule_book.hpp"
#include "core/security/audit_chain.hpp"
#include "reports/handout.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

namespace {

int runChecklist(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("checklist");
    o.add_options()("case", po::value<CaseId>()->required(),
                    "case id")("lang", po::value<std::string>()->default_value("ja"),
                               "ja|en")("pdf", po::value<std::string>()->required(), "write the handout (PDF) here")(
        "date", po::value<std::string>(), "the day the rules are taken for (default: today)")(
        "office", po::value<std::string>(),
        "the office's own file (what the paper prints, places, rules); default: ~/.config/madoguchi/office.json if "
        "any")("overwrite", po::bool_switch(), "replace an existing file of that name (never a database)");
    auto vm = parseArgs(args, o);
    CaseId id = vm["case"].as<CaseId>();
    if (id <= 0)
        throw ValidationError("--case: a case id is a positive whole number");
    auto lang = reports::parseLanguage(vm["lang"].as<std::string>());
    std::string pdf = vm["pdf"].as<std::string>();
    if (pdf.empty())
        throw ValidationError("--pdf: the file name is empty");
    auto overwrite = overwriteAsked(vm);
    files::checkOutputTarget(pdf, overwrite); // before the case is read: a refusal leaves no entry
    auto today = now().localDay;
    if (auto d = optionalString(vm, "date"))
        today = parseIsoDate(*d, "--date");
    // One office file: what the paper prints about the office, and its places and rules.
    auto officePath = officeFileFor(optionalString(vm, "office"));
    auto office = reports::loadOfficeInfoOrDefault(officePath);
    auto book = loadRuleBook(officePath); // before the case is read: a bad file changes nothing

    auto c = ctx.store().get(id);
    auto doc = reports::renderHandout(c, lang, office, reports::handoutRulesFor(c, book, today), today);
    // Audited once the file is complete, before it takes its name: no handout without its entry.
    app::writeAudited(ctx.store().audit(), ctx.actor(),
                      {audit_actions::kPrint, {c.id}, lang == reports::Language::Ja ? "pdf ja" : "pdf en"},
                      {{pdf, doc.pdf}}, overwrite);
    if (ctx.json)
        ctx.printJson({{"case", id},
                       {"reception_number", c.receptionNumber},
                       {"lang", lang == reports::Language::Ja ? "ja" : "en"},
                       {"pdf", pdf},
                       {"pages", doc.pages},
                       {"bytes", doc.pdf.size()}});
    else
        ctx.out << "handout for " << c.receptionNumber << " written to " << pdf << " (" << doc.pages << " page"
                << (doc.pages == 1 ? "" : "s") << ")\n";
    return kOk;
}

const CommandRegistration kChecklist{"checklist", "print the resident's handout for a case (PDF)", runChecklist};

} // namespace
} // namespace madoguchi::cli
