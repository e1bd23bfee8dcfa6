#pragma once
// The options that describe a resident's card for the deadline engine (--issued, --applied,
// --stay-until, --moved-in, …): `deadlines` and `rules explain` take the same ones, read the same
// way (cli_deadlines.cpp).
#include "core/rules/deadlines.hpp"

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>
#include <optional>

namespace madoguchi::cli {

void addDeadlineOptions(boost::program_options::options_description& o);
// The engine's input from those options; throws ValidationError for a date that is not one.
rules::DeadlineInput deadlineInput(const boost::program_options::variables_map& vm, const rules::date& birth,
                                   const rules::date& issued, const rules::date& today);
std::optional<rules::date> optionalDate(const boost::program_options::variables_map& vm, const char* name);
nlohmann::json isoOrNull(const std::optional<rules::date>& d);
// The JSON object of `deadlines --json` (the contract's keys).
nlohmann::json deadlinesJson(const rules::Deadlines& d);

} // namespace madoguchi::cli
