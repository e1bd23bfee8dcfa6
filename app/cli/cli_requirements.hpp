#pragma once
// What `documents`, `rules explain` and `rules book` share: the options that name a procedure,
// applicant and resident, the JSON of a rule-book answer (with the rule behind each line for
// explain), and running a command with the rule book loaded (exit 1 naming the national data's
// fault, exit 2 for the office file's).
#include "app/cli/cli_context.hpp"
#include "app/cli/cli_rule_book.hpp"
#include "core/rules/requirements.hpp"

#include <boost/program_options.hpp>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

namespace madoguchi::cli {

struct RequirementQuery {
    Procedure procedure = Procedure::CardReceipt;
    ApplicantType applicant = ApplicantType::Principal;
    rules::ResidentAttributes resident;
    boost::gregorian::date day;
    std::optional<std::filesystem::path> officeFile;
};

// --procedure, --applicant, --birth, --foreign, --circumstance, --since, --office.
void addRequirementOptions(boost::program_options::options_description& o);
RequirementQuery requirementQuery(const boost::program_options::variables_map& vm, const boost::gregorian::date& day);

// The keys of `documents --json`; with `withRules`, each line also carries "rule" (entry, file,
// office, effective_from, effective_until, source).
nlohmann::json requirementsJson(const rules::Requirements& r, bool withRules);
nlohmann::json provenanceJson(const rules::Provenance& p);

// Loads the rule book and runs `body` with it; a fault in the national data is one line on stderr
// and exit 1, one in the office file a ValidationError (exit 2).
int withRuleBook(CliContext& ctx, const std::optional<std::filesystem::path>& officeFile,
                 const std::function<int(const rules::RuleBook&)>& body);

} // namespace madoguchi::cli
