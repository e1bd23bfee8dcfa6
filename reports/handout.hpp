#pragma once
// The resident's handout (checklist): what to bring as tick boxes, deadlines, fees, where to go,
// whom to call. Its documents, fees, contacts, notes and dates all come from the rules engine
// (core/rules); this file only lays them out. The My Number is never printed (a Case does not
// even hold it).
#include "core/cases/case.hpp"
#include "core/rules/deadlines.hpp"
#include "core/rules/requirements.hpp"
#include "reports/language.hpp"
#include "reports/office_info.hpp"
#include "reports/rendered_document.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <filesystem>
#include <optional>

namespace madoguchi::rules {
class RuleBook;
}

namespace madoguchi::reports {

// What the rules engine says about one case on one day.
struct HandoutRules {
    rules::Requirements requirements;
    std::optional<rules::Deadlines> deadlines; // none when nothing dated applies
    bool newCard = false;        // the procedure has a new card issued: its expiry "if issued today" is printed
    bool newCerts = false;       // it issues certificates
    bool cardHandedOver = false; // a card issued before is handed over: its expiry is on its face
};

// Asks the rule book for the case's procedure and applicant, and the deadline engine for the
// dates that matter to it (a card issued today, the certificates, the 90-day move-in limit, the
// period of stay). Throws NotFound when no rule is in force that day.
HandoutRules handoutRulesFor(const Case& c, const rules::RuleBook& book, const boost::gregorian::date& today);

RenderedDocument renderHandout(const Case& c, Language lang, const OfficeInfo& office, const HandoutRules& rules,
                               const boost::gregorian::date& printedOn);

// Renders and writes atomically (see atomic_file.hpp).
void writeHandoutPdf(const Case& c, Language lang, const OfficeInfo& office, const HandoutRules& rules,
                     const boost::gregorian::date& printedOn, const std::filesystem::path& path);

} // namespace madoguchi::reports
