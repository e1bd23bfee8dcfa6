#pragma once
// The whole rule book in force on one day, on paper, for a supervisor to review: one section per
// procedure and applicant type with every document, fee, window, route, place, contact and note,
// each followed by the rule entry it comes from (file, entry, dates, public source), then the
// disputed readings the deadline engine takes. No resident's data is on it.
#include "core/rules/rule_book.hpp"
#include "reports/language.hpp"
#include "reports/office_info.hpp"
#include "reports/rendered_document.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace madoguchi::reports {

// Throws NotFound only if no procedure at all has a rule in force that day; a procedure without
// one is listed as such.
RenderedDocument renderRuleBook(const rules::RuleBook& book, const boost::gregorian::date& day, Language lang,
                                const OfficeInfo& office);

} // namespace madoguchi::reports
