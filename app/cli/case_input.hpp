#pragma once
// A new case's fields for `case add`, from its options or from a JSON object read on standard
// input (`--input -`) or from a file. The JSON form exists because a resident's name, address and
// birth date on the command line are shown by `ps` to every user of the machine (issue 20); the
// docs use it, and a script should too. Both forms go through the same reading here, so that an
// option and its JSON key cannot come to mean different things.
#include "core/cases/case.hpp"

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>
#include <string>

namespace madoguchi::cli {

// The options of `case add` that carry the case's fields (the JSON keys are these names with
// '_' for '-': `proxy_name`, `stay_until`; `procedure` and `document` take a string or an array).
void addCaseFieldOptions(boost::program_options::options_description& options);

// From the options. `login` is the clerk when `--clerk` is not given. ValidationError naming the
// option for a missing or wrong one.
CaseDraft draftFromOptions(const boost::program_options::variables_map& vm, const std::string& login);

// From a JSON object. ValidationError ("--input: …") for text that is not JSON, an unknown key, a
// key of the wrong type, or a missing or wrong field.
CaseDraft draftFromJson(const nlohmann::json& object, const std::string& login);

// The JSON object of `--input SOURCE`: `-` is standard input, anything else a file (at most
// 1 MiB). With `--input`, none of the field options may be given too (one source for a case).
nlohmann::json readCaseInput(const std::string& source, const boost::program_options::variables_map& vm);

} // namespace madoguchi::cli
